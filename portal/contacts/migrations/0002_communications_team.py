"""The communications team's group: sees and exports the user database, changes nothing."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

TEAM = "Communications team"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("contacts", "view_contact"),
    ("contacts", "view_touchpoint"),
    ("contacts", "view_consent"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0001_initial"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [grant_permissions(TEAM, PERMISSIONS, delete_group_on_reverse=True)]
