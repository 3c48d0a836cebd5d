"""The public release calendar: the list with filters, a release's page, and its feeds (.ics for
calendars, Atom for feed readers). Titles and dates are public from the announcement; a
release's dataset is linked only once it is published, so nothing embargoed leaks."""

from django import forms
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event, vText

from portal.core.templatetags.language_tags import bcp47

from ..models import Release

PER_PAGE = 20
ICS_STATUS = {
    Release.Status.PROVISIONAL: "TENTATIVE",
    Release.Status.CONFIRMED: "CONFIRMED",
    Release.Status.PUBLISHED: "CONFIRMED",
    Release.Status.POSTPONED: "TENTATIVE",
    Release.Status.CANCELLED: "CANCELLED",
}


class CalendarFilters(forms.Form):
    """The calendar's GET filters; a bad value is named and the others still apply."""

    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={"invalid_choice": _("There is no topic “%(value)s”.")},
    )
    status = forms.ChoiceField(
        required=False,
        label=_("Status"),
        choices=[("", _("All statuses")), *Release.Status.choices],
        error_messages={"invalid_choice": _("There is no status “%(value)s”.")},
    )
    month = forms.DateField(
        required=False,
        input_formats=["%Y-%m"],
        label=_("Month"),
        error_messages={"invalid": _("Enter a month as year and month, e.g. 2026-03.")},
    )

    def __init__(self, data, topics):
        super().__init__(data)
        self.fields["topic"].choices = [("", gettext("All topics")), *((topic, topic) for topic in topics)]

    def filter(self, releases):
        self.is_valid()
        values = {name: value for name, value in self.cleaned_data.items() if value}
        if "topic" in values:
            releases = releases.filter(topic=values["topic"])
        if "status" in values:
            releases = releases.filter(status=values["status"])
        if "month" in values:
            month = values["month"]
            releases = releases.filter(announced_at__year=month.year, announced_at__month=month.month)
        return releases


def release_calendar(request):
    """Upcoming releases first, then recent ones; filter by topic, status and month."""
    topics = Release.objects.topics()
    filters = CalendarFilters(request.GET, topics)
    releases = filters.filter(Release.objects.calendar_order())
    page = Paginator(releases, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "datasets/releases/calendar.html",
        {
            "releases": page,
            "filters": filters,
            "filter_query": query.urlencode(),
            "topics": topics,
            "now": timezone.now(),
        },
        status=400 if filters.errors else 200,
    )


def release_detail(request, pk):
    """A release's date, status and date log; the dataset once the release is out."""
    release = get_object_or_404(Release.objects.select_related("dataset", "version"), pk=pk)
    return TemplateResponse(
        request,
        "datasets/releases/release_detail.html",
        {
            "release": release,
            "date_changes": release.date_changes.all(),
            "dataset_url": release.dataset.get_absolute_url() if release.is_published else "",
        },
    )


def release_ics(request):
    """An iCalendar of every release, or of one topic (?topic=): UIDs stay the same for a
    release whatever happens to it, so calendars update instead of duplicating. Its name and
    descriptions' words are in the address's language, and the name says so (LANGUAGE: the rest
    is mostly the editors' text); the PRODID is an identifier."""
    releases = Release.objects.order_by("announced_at", "pk")
    name = gettext("Release calendar")
    topic = request.GET.get("topic")
    if topic is not None:
        if topic not in Release.objects.topics():
            raise Http404("No such topic")
        releases = releases.filter(topic=topic)
        name = gettext("Release calendar: %(topic)s") % {"topic": topic}
    language = {"LANGUAGE": bcp47(get_language())}
    calendar = Calendar()
    calendar.add("prodid", "-//National Statistics Office//Release calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", vText(name), parameters=language)  # vText: escaped like SUMMARY
    for release in releases.prefetch_related("date_changes"):
        calendar.add_component(release_event(request, release))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="releases.ics"'
    return response


def release_event(request, release):
    event = Event()
    event.add("uid", f"{release.uid}@releases")
    event.add("dtstamp", release.updated_at)
    event.add("last-modified", release.updated_at)
    event.add("dtstart", release.announced_at)
    event.add("summary", release.title)
    status = release.get_status_display()
    if release.status_reason:
        description = gettext("%(status)s: %(reason)s") % {"status": status, "reason": release.status_reason}
    else:
        description = gettext("%(status)s.") % {"status": status}
    if release.summary:
        description += f"\n\n{release.summary}"
    event.add("description", description)
    event.add("status", ICS_STATUS[release.status])
    event.add("sequence", len(release.date_changes.all()))
    event.add("url", request.build_absolute_uri(release.get_absolute_url()))
    if release.topic:
        event.add("categories", [release.topic])
    return event


class PublishedReleasesFeed(Feed):
    """An Atom feed of releases that have gone out, newest first, in the address's language (the
    feed's ``language`` is Django's default: the active one); its links keep the same prefix."""

    feed_type = Atom1Feed
    title = _("Published releases")
    subtitle = _("Statistics as they are released, at their announced time.")

    def link(self):
        return reverse("datasets:releases")

    def items(self):
        return Release.objects.filter(status=Release.Status.PUBLISHED).order_by("-announced_at", "-pk")[:50]

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        return release.summary

    def item_pubdate(self, release):
        return release.announced_at

    def item_updateddate(self, release):
        return release.updated_at

    def item_guid(self, release):
        return f"urn:uuid:{release.uid}"

    item_guid_is_permalink = False

    def item_categories(self, release):
        return [release.topic] if release.topic else []
