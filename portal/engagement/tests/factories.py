"""Engagement's own records, for tests: a page's views on one day."""

import datetime

import factory

from portal.engagement.models import KpiTarget, PageViewCount


class PageViewCountFactory(factory.django.DjangoModelFactory):
    """The views of the ``page`` given on one day."""

    class Meta:
        model = PageViewCount

    content_type_id = factory.LazyAttribute(lambda count: count.page.content_type_id)
    day = datetime.date(2026, 1, 5)
    views = 1


class KpiTargetFactory(factory.django.DjangoModelFactory):
    """A target on the page views indicator for the first months of 2026."""

    class Meta:
        model = KpiTarget

    name = "More readers"
    indicator = "page_views"
    target = 1000
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2026, 6, 30)
