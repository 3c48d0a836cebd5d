from django.core.management.base import BaseCommand, CommandError


class ScheduledEmailCommand(BaseCommand):
    """Run one of literacy.training.scheduled's senders; fail loudly (cron mails the output) if
    any email failed."""

    what = "emails"

    def send(self):
        raise NotImplementedError

    def handle(self, *args, **options):
        outcome = self.send()
        self.stdout.write(f"Training {self.what} sent: {len(outcome.sent)}.")
        if outcome.failed:
            raise CommandError(
                f"{len(outcome.failed)} {self.what} could not be sent (registrations "
                f"{', '.join(map(str, outcome.failed))}); the next run tries them again."
            )
