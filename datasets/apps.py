from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatasetsConfig(AppConfig):
    name = "datasets"
    label = "datasets"
    verbose_name = _("Datasets")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import corrections, finder, publication
        from .signals import version_published

        version_published.connect(corrections.on_version_published, dispatch_uid="datasets_revision_notices")
        page_published.connect(corrections.on_page_published, dispatch_uid="datasets_figure_usage")
        page_unpublished.connect(corrections.on_page_unpublished, dispatch_uid="datasets_figure_usage_gone")
        publication.connect()
        finder.connect()
