from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "areas"
    label = "areas"
    verbose_name = _("Area pages")

    def ready(self):
        from . import page_cache

        page_cache.connect()
