from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "datasets"
    label = "datasets"
    verbose_name = "Datasets"

    def ready(self):
        from . import publication

        publication.connect()
