from django.apps import AppConfig


class LiteracyConfig(AppConfig):
    name = "literacy"
    verbose_name = "Statistical literacy"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from wagtail.signals import page_published

        from . import signals
        from .models import TrainingSessionPage

        user_logged_in.connect(
            signals.learning_progress_on_login, dispatch_uid="literacy_learning_progress_on_login"
        )
        page_published.connect(
            signals.session_published, sender=TrainingSessionPage, dispatch_uid="literacy_session_published"
        )
