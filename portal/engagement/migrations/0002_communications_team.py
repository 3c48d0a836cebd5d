"""The communications team sees the engagement dashboard and sets KPI targets."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

TEAM = "Communications team"
PERMISSIONS = [
    ("engagement", "view_dashboard"),
    ("engagement", "view_kpitarget"),
    ("engagement", "add_kpitarget"),
    ("engagement", "change_kpitarget"),
    ("engagement", "delete_kpitarget"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
        ("contacts", "0002_communications_team"),
    ]

    operations = [grant_permissions(TEAM, PERMISSIONS)]
