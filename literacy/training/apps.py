from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "literacy.training"
    label = "training"
    verbose_name = "Training for journalists"

    def ready(self):
        from wagtail.signals import page_published

        from . import signals
        from .models import TrainingSessionPage

        page_published.connect(
            signals.session_published, sender=TrainingSessionPage, dispatch_uid="literacy_session_published"
        )
