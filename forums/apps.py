from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self):
        from . import page_cache
        from .models import Member, Post, Topic

        purge = page_cache.post_or_topic_changed
        for model in (Post, Topic):
            post_save.connect(purge, sender=model, dispatch_uid=f"forums_saved_{model.__name__}")
            post_delete.connect(purge, sender=model, dispatch_uid=f"forums_deleted_{model.__name__}")
        post_save.connect(page_cache.member_changed, sender=Member, dispatch_uid="forums_member_saved")
