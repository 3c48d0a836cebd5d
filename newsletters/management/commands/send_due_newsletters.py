from django.core.management.base import BaseCommand

from newsletters.sending import due_sendings, send_issue_task


class Command(BaseCommand):
    help = (
        "Start the newsletter sends that are due: scheduled ones whose time has come, sends paused "
        "while the mail server was down or waiting to retry, and sends whose worker stopped. "
        "Meant for cron, e.g. every minute; a send that is running already is not sent twice."
    )

    def handle(self, *args, **options):
        started = 0
        for sending in due_sendings():
            send_issue_task.enqueue(sending.pk)
            started += 1
        self.stdout.write(f"Newsletter sends started or resumed: {started}.")
