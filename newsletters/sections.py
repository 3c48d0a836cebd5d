"""What other apps put in a newsletter issue, asked through Wagtail hooks so that newsletters
imports none of them.

An app offers a section by registering one function under the section's hook name (in its
``wagtail_hooks.py``):

- ``newsletter_latest_stories``: ``fn(limit)`` returns the latest published stories, newest
  first: pages with a ``standfirst``.
- ``newsletter_upcoming_training``: ``fn(limit, now=None)`` returns ``(page, when)`` pairs: the
  next sessions still open for registration, and when each takes place, in words.

The first function registered answers; with none registered, the section stays empty.
"""

from wagtail import hooks

LATEST_STORIES = "newsletter_latest_stories"
UPCOMING_TRAINING = "newsletter_upcoming_training"


def _answer(hook_name, *args, **kwargs):
    providers = hooks.get_hooks(hook_name)
    return list(providers[0](*args, **kwargs)) if providers else []


def latest_stories(limit):
    return _answer(LATEST_STORIES, limit)


def upcoming_training(limit, now=None):
    return _answer(UPCOMING_TRAINING, limit, now=now)
