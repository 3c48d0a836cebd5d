"""A session's audience becomes a user group of the one shared vocabulary (the user database's),
so a registration's default group is simply the session's. "Everyone" becomes an empty audience.
Sessions and their revisions move forward; going back maps groups training never had to
"everyone"."""

from django.db import migrations, models

from portal.core.revisions import rewrite_revisions

FORWARD = {
    "journalists": "media",
    "teachers": "teachers_and_students",
    "public_servants": "policymakers",
    "researchers": "researchers",
    "everyone": "",
}
BACKWARD = {group: audience for audience, group in FORWARD.items()}


def convert(mapping, fallback):
    def change_table_and_revisions(apps, schema_editor):
        Session = apps.get_model("training", "TrainingSessionPage")
        for old in Session.objects.values_list("audience", flat=True).distinct():
            Session.objects.filter(audience=old).update(audience=mapping.get(old, fallback))

        def change(content):
            old = content.get("audience")
            if old is None or mapping.get(old, fallback) == old:
                return False
            content["audience"] = mapping.get(old, fallback)
            return True

        rewrite_revisions(apps, "training", "trainingsessionpage", change)

    return change_table_and_revisions


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_registration_calendar_uid"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="trainingsessionpage",
            name="audience",
            field=models.CharField(
                blank=True,
                choices=[
                    ("policymakers", "Policymakers"),
                    ("parliamentarians", "Parliamentarians"),
                    ("political_organisations", "Political organisations"),
                    ("media", "Media"),
                    ("teachers_and_students", "Teachers and students"),
                    ("researchers", "Researchers"),
                    ("international_organisations", "International organisations"),
                    ("civil_society", "Civil society"),
                    ("citizens", "Citizens"),
                    ("private_sector", "Private sector"),
                ],
                default="media",
                help_text="The user group the session is written for; leave empty for a session open to everyone.",
                max_length=40,
            ),
        ),
        migrations.RunPython(convert(FORWARD, "media"), convert(BACKWARD, "everyone")),
    ]
