from django.core.management.base import BaseCommand

from portal.core.backups import back_up


class Command(BaseCommand):
    help = "Back up the database and the media files into a new folder under DESTINATION."

    def add_arguments(self, parser):
        parser.add_argument("destination", nargs="?", default="backups")

    def handle(self, destination, **options):
        folder = back_up(destination)
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}"))
