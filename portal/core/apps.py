from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base layer: what every feature app builds on. It imports no feature app."""

    name = "portal.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .caching import signals
        from .caching.pagecache import purge_site
        from .charts.pages import draw_on_publish

        # Charts are drawn before the cached copies are purged, so the first visitor finds them.
        page_published.connect(draw_on_publish, dispatch_uid="charts_published")
        page_published.connect(signals.purge_page, dispatch_uid="caching_published")
        page_unpublished.connect(signals.purge_page, dispatch_uid="caching_unpublished")
        post_page_move.connect(signals.purge_moved_page, dispatch_uid="caching_moved")
        for label in settings.PAGE_CACHE["PURGE_SITE_ON_SAVE"]:
            model = apps.get_model(label)
            post_save.connect(purge_site, sender=model, dispatch_uid=f"caching_saved_{label}")
            post_delete.connect(purge_site, sender=model, dispatch_uid=f"caching_deleted_{label}")
