from django.db import migrations

from portal.core.group_permissions import grant_permissions

# The communications team reads consultations' results (counts, free text, exports).
TEAM = "Communications team"
PERMISSIONS = [("consultations", "view_consultationresponse")]


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("contacts", "0002_communications_team"),
    ]

    operations = [grant_permissions(TEAM, PERMISSIONS)]
