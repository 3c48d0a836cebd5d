from literacy.training.management.base import ScheduledEmailCommand
from literacy.training.scheduled import send_due_reminders


class Command(ScheduledEmailCommand):
    help = (
        "Email a reminder, with the calendar invitation, to everyone with a confirmed place at a "
        "session starting in the next 24 hours; once each. Meant for cron, e.g. every 15 minutes."
    )
    what = "reminders"

    def send(self):
        return send_due_reminders()
