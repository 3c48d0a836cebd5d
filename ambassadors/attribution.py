"""Sign-ups and module completions that carried a share code (``portal.core.attribution``,
which the newsletters and e-modules apps call) are counted for the link's ambassador."""

from django.dispatch import receiver

from portal.core.attribution import COMPLETION, SIGNUP, conversion

KINDS = {SIGNUP: "signup", COMPLETION: "completion"}


@receiver(conversion, dispatch_uid="ambassadors-conversion")
def count_conversion(sender, code, kind, **kwargs):
    from .links import live_link
    from .models import ShareEvent

    link = live_link(code)
    if link is not None:
        ShareEvent.objects.create(link=link, kind=KINDS[kind])
