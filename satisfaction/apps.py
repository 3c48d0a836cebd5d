from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SatisfactionConfig(AppConfig):
    name = "satisfaction"
    label = "satisfaction"
    verbose_name = _("User satisfaction survey")

    def ready(self):
        from . import signals

        signals.connect()
