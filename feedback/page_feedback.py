"""Recording a "Was this page useful?" answer: one insert, nothing about the person."""

from django.contrib.contenttypes.models import ContentType

from portal.contacts.models import TouchpointKind
from portal.contacts.services import record_touchpoint
from portal.core.languages import active_language

from .models import PageFeedback


def collects_feedback(page):
    """Only live pages whose type opts in (``collects_feedback = True``) take feedback."""
    return page is not None and page.live and getattr(page.specific_class, "collects_feedback", False)


def record_feedback(page, *, useful, feedback_type="", comment="", user=None, source=""):
    """Store the answer; a signed-in person's visit also goes into the user database."""
    feedback = PageFeedback.objects.create(
        page=page,
        page_title=page.title[:255],
        content_type=ContentType.objects.get_for_id(page.content_type_id),
        useful=useful,
        feedback_type=feedback_type,
        comment=comment,
        language=active_language(),
    )
    if user is not None and user.is_authenticated and user.email:
        record_touchpoint(
            user.email,
            kind=TouchpointKind.FEEDBACK,
            source=source,
            detail=f"{'Useful' if useful else 'Not useful'}: {page.title}",
            user=user,
        )
    return feedback
