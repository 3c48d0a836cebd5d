"""The data finder: search published datasets and their indicators by keyword, with facets for
topic, area (datasets with figures for that area) and indicator.

Database search by default (``icontains`` on titles, summaries, topics and indicators' names,
definitions and codes); on PostgreSQL, full-text search (``SearchVector``/``SearchQuery``, in
English, ranked). Only datasets with a published version are ever found, so nothing embargoed
leaks through a search."""

from django import forms
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .figures import public_datasets
from .models import Code, Indicator, Observation

MAX_QUERY = 200


class FinderForm(forms.Form):
    """The finder's GET form. A bad value is named in the error summary, and the other filters
    still apply: a visitor never loses what they asked for."""

    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY,
        label="Search the data",
        help_text="Words from a dataset's title or summary, or an indicator's name or code.",
        error_messages={
            "max_length": f"Search for at most {MAX_QUERY} characters.",
            "null_characters_not_allowed": "The search holds an invisible character (NUL): remove it.",
        },
    )
    topic = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": "There is no topic “%(value)s”."}
    )
    area = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": "There is no area “%(value)s”."}
    )
    indicator = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": "There is no indicator “%(value)s”."}
    )

    def __init__(self, data, facets):
        super().__init__(data)
        self.fields["q"].widget.input_type = "search"
        self.fields["topic"].choices = [("", "All topics"), *((t, t) for t in facets.topics)]
        self.fields["area"].choices = [("", "All areas"), *facets.areas]
        self.fields["indicator"].choices = [("", "All indicators"), *facets.indicators]

    def values(self):
        """The valid values only (a bad one is left out, and named in ``errors``)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class Facets:
    """The choices of each facet, from the published datasets: three queries."""

    def __init__(self, datasets):
        topics = set()
        for text in datasets.values_list("topics", flat=True):
            topics.update(topic.strip() for topic in text.split(",") if topic.strip())
        self.topics = sorted(topics, key=str.casefold)
        codes = Code.objects.filter(code_list__in=datasets.values("area_code_list")).order_by(
            "code_list__name", "order", "code"
        )
        self.areas = list(dict.fromkeys((code.code, f"{code.label} ({code.code})") for code in codes))
        names = {}
        for code, name in (
            Indicator.objects.filter(dataset__in=datasets)
            .order_by("name", "code")
            .values_list("code", "name")
        ):
            names.setdefault(code, name)
        self.indicators = sorted(
            ((code, f"{name} ({code})") for code, name in names.items()), key=lambda c: c[1]
        )


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
    datasets = public_datasets()
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
    if values.get("area"):
        covered = Observation.objects.filter(
            version__dataset=OuterRef("pk"),
            version__published_at__lte=at or timezone.now(),
            area__code=values["area"],
            area__code_list=OuterRef("area_code_list"),
        )
        datasets = datasets.filter(Exists(covered))
    if values.get("indicator"):
        datasets = datasets.filter(indicators__code=values["indicator"])
    if not ranked:
        datasets = datasets.order_by("title", "pk")
    return datasets
