from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "trust"
    label = "trust"
    verbose_name = "Fact-checks and misuse reports"
