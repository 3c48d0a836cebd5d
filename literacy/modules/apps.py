from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "literacy.modules"
    label = "modules"
    verbose_name = _("E-modules")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import signals

        user_logged_in.connect(
            signals.learning_progress_on_login, dispatch_uid="literacy_learning_progress_on_login"
        )
