"""The communications team reads feedback and tags it by theme; sees data requests."""

from django.db import migrations

from portal.core.group_permissions import grant_permissions

TEAM = "Communications team"
PERMISSIONS = [
    ("feedback", "view_pagefeedback"),
    ("feedback", "change_pagefeedback"),
    ("feedback", "view_datarequest"),
    ("feedback", "view_feedbacktheme"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("contacts", "0002_communications_team"),
    ]

    operations = [grant_permissions(TEAM, PERMISSIONS)]
