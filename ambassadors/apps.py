from django.apps import AppConfig


class AmbassadorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ambassadors"
    verbose_name = "Ambassadors"

    def ready(self):
        from . import attribution  # noqa: F401  (listens for conversions that carry a share code)
