from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "literacy.training"
    label = "training"
    verbose_name = _("Training for journalists")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from . import page_cache, signals
        from .models import Registration, TrainingSessionPage

        page_published.connect(
            signals.session_published, sender=TrainingSessionPage, dispatch_uid="literacy_session_published"
        )
        purge = page_cache.registration_changed
        post_save.connect(purge, sender=Registration, dispatch_uid="literacy_registration_saved")
        post_delete.connect(purge, sender=Registration, dispatch_uid="literacy_registration_deleted")
