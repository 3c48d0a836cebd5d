"""Data migrations that give a staff group its permissions, the same way in every app."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_permissions(group_name, permissions, *, delete_group_on_reverse=False, keep_on_reverse=()):
    """A migration operation giving the group (made if missing) these (app_label, codename)
    permissions. Reversed, it deletes the group, when the migration made it for itself, or else
    takes back what it gave, except permissions the group shares with others (keep_on_reverse)."""

    def grant(apps, schema_editor):
        # Permissions are made after all migrations have run; these need them now.
        for app_config in apps.get_app_configs():
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
        Permission = apps.get_model("auth", "Permission")
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )

    def revoke(apps, schema_editor):
        groups = apps.get_model("auth", "Group").objects.filter(name=group_name)
        if delete_group_on_reverse:
            groups.delete()
            return
        Permission = apps.get_model("auth", "Permission")
        for group in groups:
            for app_label, codename in permissions:
                if (app_label, codename) not in keep_on_reverse:
                    group.permissions.remove(
                        *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
                    )

    return migrations.RunPython(grant, revoke)
