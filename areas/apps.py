from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "areas"
    label = "areas"
    verbose_name = "Area pages"
