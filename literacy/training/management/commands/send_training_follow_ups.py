from literacy.training.management.base import ScheduledEmailCommand
from literacy.training.scheduled import send_due_follow_ups


class Command(ScheduledEmailCommand):
    help = (
        "Email a thank-you, with the session's materials and a link to the feedback survey, to "
        "everyone marked as attended at a session that has ended; once each. Meant for cron, e.g. hourly."
    )
    what = "thank-you emails"

    def send(self):
        return send_due_follow_ups()
