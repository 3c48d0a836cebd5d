from django.apps import AppConfig


class CompetitionsConfig(AppConfig):
    name = "literacy.competitions"
    label = "competitions"
    verbose_name = "Competitions"
