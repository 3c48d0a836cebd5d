"""Forum moderation for the "Moderators" group, which Wagtail creates and the page workflow
also uses: one group of trusted staff, not two with the same name."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

GROUP = "Moderators"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("forums", "moderate_forums"),
    ("forums", "view_post"),
    ("forums", "view_topic"),
    ("forums", "view_member"),
    ("forums", "view_report"),
    ("forums", "view_moderationaction"),
    ("forums", "view_forum"),
    ("forums", "change_forum"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [grant_permissions(GROUP, PERMISSIONS, keep_on_reverse=[("wagtailadmin", "access_admin")])]
