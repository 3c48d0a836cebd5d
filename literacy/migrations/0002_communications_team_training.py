"""The communications team sees training registrations and feedback (and exports them); it
changes nothing: approving, declining and attendance need change_registration."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

TEAM = "Communications team"
PERMISSIONS = [("literacy", "view_registration"), ("literacy", "view_sessionfeedback")]


class Migration(migrations.Migration):
    dependencies = [
        ("literacy", "0001_initial"),
        ("contacts", "0002_communications_team"),
    ]

    operations = [grant_permissions(TEAM, PERMISSIONS)]
