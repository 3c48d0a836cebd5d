from django.apps import AppConfig


class GamesConfig(AppConfig):
    name = "literacy.games"
    label = "games"
    verbose_name = "Games"
