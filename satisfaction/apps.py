from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "satisfaction"
    label = "satisfaction"
    verbose_name = "User satisfaction survey"

    def ready(self):
        from . import signals

        signals.connect()
