"""Keep the footer's links to the feedback pages current: any change to one of them clears the
cached list (feedback_tags.feedback_pages)."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import DataRequestPage, YouSaidWeDidPage
from .templatetags.feedback_tags import footer_pages_key


def forget_footer_pages(sender, **kwargs):
    cache.delete_many([footer_pages_key(code) for code, _name in settings.LANGUAGES])


def connect():
    for model in (DataRequestPage, YouSaidWeDidPage):
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("deleted", post_delete),
        ):
            signal.connect(
                forget_footer_pages, sender=model, dispatch_uid=f"footer-pages-{name}-{model.__name__}"
            )
    post_page_move.connect(forget_footer_pages, dispatch_uid="footer-pages-move")
