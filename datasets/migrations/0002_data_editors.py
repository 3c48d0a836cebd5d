"""Data editors describe datasets and their code lists, import files and read every version."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

GROUP = "Data editors"
PERMISSIONS = [
    *(
        ("datasets", f"{action}_{model}")
        for model in ("dataset", "indicator", "codelist", "code")
        for action in ("view", "add", "change", "delete")
    ),
    ("datasets", "view_datasetversion"),
    ("datasets", "add_datasetversion"),  # import a file as a new version
    ("datasets", "view_observation"),
    ("wagtailadmin", "access_admin"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("datasets", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [grant_permissions(GROUP, PERMISSIONS, delete_group_on_reverse=True)]
