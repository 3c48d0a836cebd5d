from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Data stories"

    def ready(self):
        from . import signals  # noqa: F401 - connects the publish-time chart drawing
