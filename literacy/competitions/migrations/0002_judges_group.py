"""The judges' group: reads and scores competition entries in the admin, and nothing else."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

JUDGES = "Judges"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("competitions", "score_entry"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("competitions", "0001_initial"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [grant_permissions(JUDGES, PERMISSIONS, delete_group_on_reverse=True)]
