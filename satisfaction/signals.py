"""The invitation's cached facts are forgotten, and the page cache purged, when they change
(settings saved; the survey page published, unpublished, moved or deleted): the sampling rate
and the survey's address are written into every page."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core.caching.pagecache import purge_site

from .invitation import forget
from .models import SatisfactionSurveyPage, SurveySettings


def changed(sender=None, created=False, **kwargs):
    if sender is SurveySettings and created:
        return  # the defaults, made by the first page that read them: that page already shows them
    forget()
    transaction.on_commit(purge_site)


def connect():
    for signal in (post_save, post_delete):
        signal.connect(changed, sender=SurveySettings, dispatch_uid=f"satisfaction_settings_{id(signal)}")
        signal.connect(changed, sender=SatisfactionSurveyPage, dispatch_uid=f"satisfaction_page_{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, sender=SatisfactionSurveyPage, dispatch_uid=f"satisfaction_live_{id(signal)}")
