"""The communications team's group: sees and exports the user database, changes nothing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TEAM = "Communications team"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("contacts", "view_contact"),
    ("contacts", "view_touchpoint"),
    ("contacts", "view_consent"),
]


def create_team(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    team, _ = Group.objects.get_or_create(name=TEAM)
    for app_label, codename in PERMISSIONS:
        team.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_team(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TEAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0001_initial"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_team, remove_team)]
