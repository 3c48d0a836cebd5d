"""Corrections and revisions in the open: the list of notices (filter by dataset, topic and kind),
a notice's page, and the Atom feed. Only notices of public versions exist for the public."""

from django import forms
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..models import Dataset, RevisionKind, RevisionNotice

PER_PAGE = 20
FEED_ITEMS = 50


def public_notices():
    return (
        RevisionNotice.objects.public()
        .select_related("dataset", "version", "previous")
        .prefetch_related("indicators")
        .newest_first()
    )


class NoticeFilters(forms.Form):
    """The list's GET filters; a bad value is named and the others still apply."""

    dataset = forms.ChoiceField(
        label=_("Dataset"),
        required=False,
        error_messages={"invalid_choice": _("There is no dataset “%(value)s” with notices.")},
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={"invalid_choice": _("There is no topic “%(value)s”.")},
    )
    kind = forms.ChoiceField(
        required=False,
        label=_("Kind"),
        choices=[("", _("Corrections and revisions")), *RevisionKind.choices],
        error_messages={"invalid_choice": _("There is no kind “%(value)s”.")},
    )

    def __init__(self, data, datasets):
        super().__init__(data)
        self.datasets = datasets
        self.fields["dataset"].choices = [
            ("", gettext("All datasets")),
            *((d.slug, d.title) for d in datasets),
        ]
        topics = sorted({topic for dataset in datasets for topic in dataset.topic_list()}, key=str.lower)
        self.fields["topic"].choices = [("", gettext("All topics")), *((topic, topic) for topic in topics)]

    def filter(self, notices):
        self.is_valid()
        values = {name: value for name, value in self.cleaned_data.items() if value}
        if "dataset" in values:
            notices = notices.filter(dataset__slug=values["dataset"])
        if "topic" in values:
            notices = notices.filter(
                dataset__in=[d.pk for d in self.datasets if values["topic"] in d.topic_list()]
            )
        if "kind" in values:
            notices = notices.filter(kind=values["kind"])
        return notices


def corrections(request):
    """Every public correction and revision notice, newest first."""
    datasets = list(
        Dataset.objects.filter(pk__in=RevisionNotice.objects.public().values("dataset")).order_by("title")
    )
    filters = NoticeFilters(request.GET, datasets)
    page = Paginator(filters.filter(public_notices()), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "datasets/corrections/list.html",
        {"notices": page, "filters": filters, "filter_query": query.urlencode()},
        status=400 if filters.errors else 200,
    )


def correction_detail(request, pk):
    """One notice: what changed, why, when and by whom, with the figures' examples."""
    notice = get_object_or_404(public_notices(), pk=pk)
    return TemplateResponse(request, "datasets/corrections/detail.html", {"notice": notice})


class CorrectionsFeed(Feed):
    """An Atom feed of the latest public correction and revision notices, in the address's
    language (the feed's ``language`` is the active one); its links keep the same prefix."""

    feed_type = Atom1Feed
    title = _("Corrections and revisions")
    subtitle = _("Every change to published figures, with what changed and why.")

    def link(self):
        return reverse("datasets:corrections")

    def items(self):
        return public_notices()[:FEED_ITEMS]

    def item_title(self, notice):
        return gettext("%(kind)s: %(title)s, version %(number)s") % {
            "kind": notice.get_kind_display(),
            "title": notice.dataset.title,
            "number": notice.version.number,
        }

    def item_description(self, notice):
        counts = ngettext(
            "%(changed)s figure changed, %(removed)s removed.",
            "%(changed)s figures changed, %(removed)s removed.",
            notice.changed,
        ) % {"changed": notice.changed, "removed": notice.removed}
        return f"{notice.reason} {counts}".strip() if notice.reason else counts

    def item_link(self, notice):
        return notice.get_absolute_url()

    def item_pubdate(self, notice):
        return notice.version.published_at

    def item_updateddate(self, notice):
        return notice.version.published_at

    def item_guid(self, notice):
        return f"urn:uuid:{notice.uid}"

    item_guid_is_permalink = False

    def item_categories(self, notice):
        return [notice.get_kind_display(), *notice.dataset.topic_list()]
