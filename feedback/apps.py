from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    label = "feedback"
    verbose_name = "Feedback and data requests"

    def ready(self):
        from . import signals

        signals.connect()
