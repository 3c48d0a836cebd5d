"""The communications team sees training registrations and feedback (and exports them); it
changes nothing: approving, declining and attendance need change_registration."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TEAM = "Communications team"
PERMISSIONS = [("literacy", "view_registration"), ("literacy", "view_sessionfeedback")]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    team, _ = Group.objects.get_or_create(name=TEAM)
    for app_label, codename in PERMISSIONS:
        team.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    team = Group.objects.filter(name=TEAM).first()
    if team is not None:
        for app_label, codename in PERMISSIONS:
            team.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("literacy", "0001_initial"),
        ("contacts", "0002_communications_team"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
