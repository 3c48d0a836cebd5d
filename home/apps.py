from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site pages"

    def ready(self):
        from datasets.signals import version_published

        from . import page_cache

        version_published.connect(page_cache.purge_release_snapshots, dispatch_uid="home_release_snapshots")
