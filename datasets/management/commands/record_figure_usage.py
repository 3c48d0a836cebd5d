"""``manage.py record_figure_usage``: rebuild the registry of which live pages show which
indicators (it is kept up to date on publishing; run this once after deploying, or to repair it)."""

from django.core.management.base import BaseCommand

from datasets.corrections import record_all_usage


class Command(BaseCommand):
    help = "Rebuild the registry of the indicators each live page shows (used to purge pages on a release)."

    def handle(self, *args, **options):
        count = record_all_usage()
        self.stdout.write(f"Recorded {count} uses of indicators on live pages.")
