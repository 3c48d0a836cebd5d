from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "areas"
    label = "areas"
    verbose_name = _("Area pages")

    def ready(self):
        from datasets.signals import version_published

        from .page_cache import retire_on_release

        version_published.connect(retire_on_release, dispatch_uid="areas_retire_on_release")
