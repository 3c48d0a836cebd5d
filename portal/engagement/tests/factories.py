"""Engagement's own records, for tests: a page's views on one day."""

import datetime

import factory

from portal.engagement.models import PageViewCount


class PageViewCountFactory(factory.django.DjangoModelFactory):
    """The views of the ``page`` given on one day."""

    class Meta:
        model = PageViewCount

    content_type_id = factory.LazyAttribute(lambda count: count.page.content_type_id)
    day = datetime.date(2026, 1, 5)
    views = 1
