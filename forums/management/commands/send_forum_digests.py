"""Send each daily-digest subscriber one email listing the posts since their last digest.

Run once a day (e.g. from cron). Safe to run again: a subscription's clock moves forward only
when its digest has been queued, and nothing new means no email.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from forums.emails import send_digest
from forums.models import Post, Subscription


class Command(BaseCommand):
    help = "Queue the daily forum digests."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = 0
        subscriptions = Subscription.objects.filter(frequency=Subscription.Frequency.DAILY)
        for subscription in subscriptions.iterator():
            since = subscription.last_digest_at or now - timedelta(days=1)
            posts = Post.objects.visible_to_public().filter(created_at__gt=since, created_at__lte=now)
            posts = (
                posts.filter(topic=subscription.topic)
                if subscription.topic_id
                else posts.filter(topic__forum=subscription.forum)
            )
            post_ids = list(
                posts.exclude(author_id=subscription.user_id)
                .order_by("created_at")
                .values_list("pk", flat=True)[:50]
            )
            with transaction.atomic():
                Subscription.objects.filter(pk=subscription.pk).update(last_digest_at=now)
                if post_ids:
                    transaction.on_commit(lambda s=subscription.pk, p=post_ids: send_digest.enqueue(s, p))
                    sent += 1
        self.stdout.write(f"Queued {sent} digest{'s' if sent != 1 else ''}.")
