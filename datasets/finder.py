"""The data finder: search published datasets and their indicators by keyword, with facets for
topic, area (datasets with figures for that area) and indicator, each option with the number of
datasets it finds given the other filters.

Database search by default (``icontains`` on titles, summaries, topics and indicators' names,
definitions and codes); on PostgreSQL, full-text search (``SearchVector``/``SearchQuery``, in
English, ranked). Only datasets with a published version are ever found, so nothing embargoed
leaks through a search."""

import hashlib

from django import forms
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .figures import data_generation, new_data_generation, public_datasets
from .models import Code, CodeList, Dataset, DatasetVersion, Indicator, Observation

MAX_QUERY = 200
# What the facets (and area pages) are read from: a change to any of these starts a new data
# generation (``figures.data_generation``).
FACET_SOURCES = (Dataset, DatasetVersion, Indicator, Code, CodeList)
FACETS_SECONDS = 60 * 60


class FinderForm(forms.Form):
    """The finder's GET form. A bad value is named in the error summary, and the other filters
    still apply: a visitor never loses what they asked for."""

    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY,
        label=_("Search the data"),
        help_text=_("Words from a dataset's title or summary, or an indicator's name or code."),
        error_messages={
            "max_length": _("Search for at most %(limit_value)d characters."),
            "null_characters_not_allowed": _("The search holds an invisible character (NUL): remove it."),
        },
    )
    topic = forms.ChoiceField(
        required=False,
        label=_("Topic"),
        error_messages={"invalid_choice": _("There is no topic “%(value)s”.")},
    )
    area = forms.ChoiceField(
        required=False, label=_("Area"), error_messages={"invalid_choice": _("There is no area “%(value)s”.")}
    )
    indicator = forms.ChoiceField(
        required=False,
        label=_("Indicator"),
        error_messages={"invalid_choice": _("There is no indicator “%(value)s”.")},
    )

    def __init__(self, data, facets):
        super().__init__(data)
        self.fields["q"].widget.input_type = "search"
        self.fields["topic"].choices = [("", gettext("All topics")), *((t, t) for t in facets.topics)]
        self.fields["area"].choices = [("", gettext("All areas")), *facets.areas]
        self.fields["indicator"].choices = [("", gettext("All indicators")), *facets.indicators]

    def values(self):
        """The valid values only (a bad one is left out, and named in ``errors``)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def _topics(text):
    return [topic.strip() for topic in text.split(",") if topic.strip()]


class Facets:
    """Each facet's options from what the public may see, and how many datasets each would find
    given the other active filters. The topics are those of published datasets; the areas and
    indicators those with figures in a published version (nothing embargoed counts). Five
    queries to read, once per publication (``current``), three more to count per request:
    constant whatever the number of datasets or areas."""

    FACETS = ("topic", "area", "indicator")

    @classmethod
    def current(cls):
        """The facets as the public sees them now, read once per publication instead of per
        request (their two scans of every published figure were most of the finder's cost).

        The key holds the generation that any change to a dataset, version, indicator or code
        list replaces, and the number of versions public now, which a release's minute changes
        without any save."""
        at = timezone.now()
        public_versions = DatasetVersion.objects.filter(published_at__lte=at).count()
        generation = data_generation()
        key = f"datasets:finder-facets:{generation}:{public_versions}"
        facets = cache.get(key)
        if facets is None:
            facets = cls(at)
            cache.set(key, facets, FACETS_SECONDS)
        facets.at, facets.key = at, key
        return facets

    def kept(self, name, parts, compute):
        """``compute()``, kept as long as these facets are: what a search finds and counts
        depends only on the public data (this key) and the search (``parts``)."""
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
        return cache.get_or_set(f"{self.key}:{name}:{digest}", compute, FACETS_SECONDS)

    def __init__(self, at=None):
        self.at = at or timezone.now()
        self.dataset_topics = {
            pk: _topics(text) for pk, text in public_datasets(self.at).values_list("pk", "topics")
        }
        self.topics = sorted({t for ts in self.dataset_topics.values() for t in ts}, key=str.casefold)
        # No ordering: the model's default one would be part of DISTINCT, which then returns
        # every published figure (thousands of rows) instead of the few pairs.
        published = Observation.objects.filter(version__published_at__lte=self.at).order_by()
        pairs = set(published.values_list("version__dataset_id", "area_id").distinct())
        codes = Code.objects.filter(pk__in={area for _, area in pairs}).order_by(
            "code_list__name", "order", "code"
        )
        code_of = {}
        areas = {}
        for code in codes:
            code_of[code.pk] = code.code
            areas.setdefault(code.code, f"{code.label} ({code.code})")
        self.areas = list(areas.items())
        self.dataset_areas = {(dataset, code_of[area]) for dataset, area in pairs}
        self.dataset_indicators = set(
            published.values_list("version__dataset_id", "indicator__code").distinct()
        )
        names = {}
        for code, name in (
            Indicator.objects.filter(
                dataset__in=list(self.dataset_topics), code__in={c for _dataset, c in self.dataset_indicators}
            )
            .order_by("name", "code")
            .values_list("code", "name")
        ):
            names.setdefault(code, name)
        self.indicators = sorted(
            ((code, f"{name} ({code})") for code, name in names.items()), key=lambda c: c[1]
        )

    def counts(self, values):
        """{facet: {option: datasets found if it were chosen}}, the other valid filters kept."""
        found = {}
        for facet in self.FACETS:
            others = {name: value for name, value in values.items() if name != facet}
            matching = set(find(others, self.at).values_list("pk", flat=True))
            count = {}
            if facet == "topic":
                for pk in matching:
                    for topic in {t.casefold() for t in self.dataset_topics.get(pk, [])}:
                        count[topic] = count.get(topic, 0) + 1
                count = {topic: count.get(topic.casefold(), 0) for topic in self.topics}
            else:
                pairs = self.dataset_areas if facet == "area" else self.dataset_indicators
                for pk, code in pairs:
                    if pk in matching:
                        count[code] = count.get(code, 0) + 1
            found[facet] = count
        return found

    def options(self, values):
        """Each facet's options to show: (value, label, count), those with no dataset left out
        unless chosen (a visitor sees what they asked for, with its 0)."""
        counts = self.counts(values)
        choices = {"topic": [(t, t) for t in self.topics], "area": self.areas, "indicator": self.indicators}
        return {
            facet: [
                (value, label, counts[facet].get(value, 0))
                for value, label in choices[facet]
                if counts[facet].get(value, 0) or values.get(facet) == value
            ]
            for facet in self.FACETS
        }


def forget_facets(**kwargs):
    """A new generation once the change is committed: a request reading in between would
    otherwise keep the old facets under the new key."""
    transaction.on_commit(new_data_generation)


def connect():
    for model in FACET_SOURCES:
        name = model.__name__
        post_save.connect(forget_facets, sender=model, dispatch_uid=f"datasets_facets_{name}")
        post_delete.connect(forget_facets, sender=model, dispatch_uid=f"datasets_facets_gone_{name}")


def keyword_filter(datasets, query):
    """Datasets matching the words of ``query``: full text on PostgreSQL, ``icontains`` of every
    word elsewhere. Returns (queryset, ranked)."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        search = SearchQuery(query, search_type="websearch", config="english")
        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "summary", "topics", weight="B", config="english"
        )
        indicator_vector = SearchVector("name", "code", "definition", config="english")
        in_indicators = Indicator.objects.annotate(search=indicator_vector).filter(search=search)
        matched = (
            datasets.annotate(search=vector, rank=SearchRank(vector, search))
            .filter(Q(search=search) | Q(pk__in=in_indicators.values("dataset")))
            .order_by("-rank", "title", "pk")
        )
        return matched, True
    for word in query.split()[:20]:
        in_indicators = Indicator.objects.filter(
            Q(name__icontains=word) | Q(code__iexact=word) | Q(definition__icontains=word)
        )
        datasets = datasets.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(topics__icontains=word)
            | Q(pk__in=in_indicators.values("dataset"))
        )
    return datasets, False


def find(values, at=None):
    """The published datasets matching the form's valid ``values``, best first."""
    datasets = public_datasets(at)
    ranked = False
    if values.get("q"):
        datasets, ranked = keyword_filter(datasets, values["q"])
    if values.get("topic"):
        # Topics are a comma-separated list: match the whole topic, in any place.
        topic = values["topic"]
        datasets = datasets.filter(
            Q(topics__iexact=topic)
            | Q(topics__istartswith=f"{topic},")
            | Q(topics__iendswith=f",{topic}")
            | Q(topics__iendswith=f", {topic}")
            | Q(topics__icontains=f",{topic},")
            | Q(topics__icontains=f", {topic},")
        )
    published = Observation.objects.filter(
        version__dataset=OuterRef("pk"), version__published_at__lte=at or timezone.now()
    )
    if values.get("area"):
        covered = published.filter(area__code=values["area"], area__code_list=OuterRef("area_code_list"))
        datasets = datasets.filter(Exists(covered))
    if values.get("indicator"):
        # An indicator counts once it has published figures (a new one in an embargoed version
        # reveals nothing).
        datasets = datasets.filter(Exists(published.filter(indicator__code=values["indicator"])))
    if not ranked:
        datasets = datasets.order_by("title", "pk")
    return datasets
