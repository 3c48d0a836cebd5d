"""Give a developer an admin login on their own machine. Refuses to run anywhere else."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEV_ADMIN_EMAIL = "admin@portal.example"
DEV_ADMIN_PASSWORD = "portal-demo-admin"  # noqa: S105 - a documented development-only login


class Command(BaseCommand):
    help = "Create the development superuser (DEBUG only) and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on: it sets a known password.")
        user, created = get_user_model().objects.get_or_create(
            email=DEV_ADMIN_EMAIL, defaults={"is_staff": True, "is_superuser": True, "first_name": "Demo"}
        )
        if created:
            user.set_password(DEV_ADMIN_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=DEV_ADMIN_EMAIL, defaults={"verified": True, "primary": True}
        )
        self.stdout.write(
            f"Admin (development only): http://127.0.0.1:8000/admin/  "
            f"email {DEV_ADMIN_EMAIL}  password {DEV_ADMIN_PASSWORD}"
        )
