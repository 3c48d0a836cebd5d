from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site pages")

    def ready(self):
        from datasets.signals import version_published

        from . import page_cache

        version_published.connect(page_cache.purge_release_snapshots, dispatch_uid="home_release_snapshots")
