"""The communications team reads the e-module statistics and the certificate list, and may
revoke a certificate issued in error."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

TEAM = "Communications team"
PERMISSIONS = [
    ("literacy", "view_learning_statistics"),
    ("literacy", "view_certificate"),
    ("literacy", "change_certificate"),
]


class Migration(migrations.Migration):
    dependencies = [("literacy", "0005_learner_audiences"), ("literacy", "0002_communications_team_training")]

    operations = [grant_permissions(TEAM, PERMISSIONS)]
