"""Publish the releases whose minute has come: run every minute from cron."""

from django.core.management.base import BaseCommand

from datasets.releasing import due_releases, publish_due_releases


class Command(BaseCommand):
    help = "Publish every confirmed release whose announced minute has come (safe to run every minute)."

    def handle(self, *args, **options):
        published = publish_due_releases()
        for release in published:
            self.stdout.write(f"Published: {release.title} ({release.announced_at:%Y-%m-%d %H:%M %Z})")
        waiting = due_releases().filter(version__isnull=True)
        for release in waiting:
            self.stderr.write(f"Due but no version imported yet: {release.title}")
        if not published and not waiting:
            self.stdout.write("No release due.")
