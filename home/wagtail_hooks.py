"""Sections that home, which may import every app, offers on behalf of apps that do not yet
offer them themselves (see newsletters.sections)."""

from wagtail import hooks

from literacy.training.models import TrainingSessionPage
from literacy.training.times import session_when


@hooks.register("newsletter_upcoming_training")
def upcoming_training(limit, now=None):
    """The next sessions still open for registration, and when each takes place."""
    sessions = TrainingSessionPage.upcoming(now)[:limit]
    return [(session, session_when(session)) for session in sessions if session.is_open_for_registration(now)]
