from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiteracyConfig(AppConfig):
    """Holds the history of the tables that the e-modules and training apps took over.

    Its migrations created those tables before literacy was split into apps; the last one hands
    them over (in Django's state only, the tables stay).
    """

    name = "literacy"
    verbose_name = _("Statistical literacy")
