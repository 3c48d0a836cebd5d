from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
    ]

    # Registrations that exist now were invited with the session's UID: they keep it (True), so
    # updates and cancellations still reach the entries in their calendars; new ones get their own.
    operations = [
        migrations.AddField(
            model_name="registration",
            name="shared_calendar_uid",
            field=models.BooleanField(default=True, editable=False),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="registration",
            name="shared_calendar_uid",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Invited before each registration had its own calendar UID: keeps the session's.",
            ),
        ),
    ]
