from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatasetsConfig(AppConfig):
    name = "datasets"
    label = "datasets"
    verbose_name = _("Datasets")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from . import corrections, finder, publication
        from .signals import version_published

        version_published.connect(corrections.on_version_published, dispatch_uid="datasets_revision_notices")
        page_published.connect(corrections.on_page_published, dispatch_uid="datasets_figure_usage")
        page_unpublished.connect(corrections.on_page_unpublished, dispatch_uid="datasets_figure_usage_gone")
        for model in (self.get_model("DatasetTranslation"), self.get_model("IndicatorTranslation")):
            for signal in (post_save, post_delete):
                signal.connect(
                    corrections.on_translation_changed, sender=model, dispatch_uid=f"purge_{model.__name__}"
                )
        publication.connect()
        finder.connect()
