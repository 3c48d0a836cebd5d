from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from . import alerts

        alerts.connect()  # release alerts follow the data layer's version_published signal
