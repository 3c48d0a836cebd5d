from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ambassadors"
    verbose_name = _("Ambassadors")

    def ready(self):
        from . import attribution  # noqa: F401  (listens for conversions that carry a share code)
