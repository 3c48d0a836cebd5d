"""The GET forms of the area pages: /areas/ (find an area), /areas/compare/ (choose 2 to 5
areas) and /areas/map/ (indicator, level, period and area, no JavaScript). What was typed is
checked and kept; bad input gets a message, never an error page."""

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from datasets import figures

from .geometry import CODE_PATTERN
from .models import AreaLevel

MAX_QUERY = 100
MIN_COMPARE, MAX_COMPARE = 2, 5
MAX_PARAMETERS = 50  # more "areas=" than this is not a person choosing areas


class FindForm(forms.Form):
    q = forms.CharField(
        label=_("Area name or code"),
        max_length=MAX_QUERY,
        required=False,
        strip=True,
        help_text=_("For example Fjellby, Northmark or M101. Capitals and accents do not matter."),
        error_messages={"max_length": _("Type at most %(limit_value)d characters: an area name is shorter.")},
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if "\x00" in query or any(ord(c) < 32 for c in query):
            raise forms.ValidationError(_("The search contains control characters: type a name or a code."))
        return " ".join(query.split())


def read_compare(codes, tree):
    """(places, problems, notes) from the ``areas`` parameters: known areas once each, in the
    order given; problems stop the comparison, notes only explain."""
    problems, notes = [], []
    if len(codes) > MAX_PARAMETERS:
        asked = gettext("%(count)d areas were asked for: choose %(min)d to %(max)d.") % {
            "count": len(codes),
            "min": MIN_COMPARE,
            "max": MAX_COMPARE,
        }
        return [], [asked], []
    places, unknown = [], []
    for raw in codes:
        code = raw.strip()
        if not code:
            continue
        place = tree.get(code)
        if place is None:
            unknown.append("".join(c if c.isprintable() else "?" for c in code[:50]))
        elif place in places:
            notes.append(gettext("%(area)s was chosen twice: it is shown once.") % {"area": place.label})
        else:
            places.append(place)
    if unknown:
        problems.append(
            ngettext(
                "No area has the code %(codes)s: choose areas from the lists.",
                "No area has the codes %(codes)s: choose areas from the lists.",
                len(unknown),
            )
            % {"codes": ", ".join(unknown)}
        )
    if places and any(place.code_list_id != places[0].code_list_id for place in places):
        problems.append(gettext("These areas come from different area lists and cannot be compared."))
    if len(places) > MAX_COMPARE:
        problems.append(
            gettext("%(count)d areas are chosen: compare at most %(max)d.")
            % {"count": len(places), "max": MAX_COMPARE}
        )
    elif len(places) < MIN_COMPARE and codes and not unknown:
        problems.append(gettext("Choose at least %(min)d different areas to compare.") % {"min": MIN_COMPARE})
    return places, problems, notes


class MapForm(forms.Form):
    """Every value is checked against what exists: an unknown indicator, level, period or area
    is a form error saying what there is instead, never a server error."""

    indicator = forms.ChoiceField(
        label=_("Indicator"), help_text=_("Every published indicator; each area shows its latest total.")
    )
    level = forms.ChoiceField(label=_("Areas"), help_text=_("Which areas the map divides the country into."))
    period = forms.CharField(
        label=_("Period"),
        required=False,
        max_length=10,
        help_text=_("Leave as “Latest” for the newest figures."),
    )
    within = forms.CharField(
        label=_("Only within"),
        required=False,
        max_length=50,
        help_text=_("Show only the areas of one region (or another larger area)."),
    )

    def __init__(self, data, *, indicators, levels, parents):
        super().__init__(data)
        self.indicators = {f"{i.dataset.slug}/{i.code}": i for i in indicators}
        self.levels = {level.slug: level for level in levels}
        self.fields["indicator"].choices = [
            (key, f"{i.name} ({i.dataset.title})") for key, i in self.indicators.items()
        ]
        self.fields["level"].choices = [(slug, str(level)) for slug, level in self.levels.items()]
        self.parents = parents  # [(code, name)] of the areas one may look within
        self.periods = []

    def clean_within(self):
        within = self.cleaned_data["within"].strip()
        if within and (not CODE_PATTERN.fullmatch(within) or within not in dict(self.parents)):
            raise forms.ValidationError(_("There is no such area to look within: choose one from the list."))
        return within

    def clean(self):
        cleaned = super().clean()
        indicator = self.indicators.get(cleaned.get("indicator"))
        if indicator is None:
            return cleaned
        cleaned["indicator"] = indicator
        cleaned["level"] = self.levels.get(cleaned.get("level"))
        self.periods = figures.indicator_periods(indicator)
        period = cleaned.get("period", "")
        if not self.periods:
            self.add_error(
                "indicator",
                gettext("%(indicator)s has no published figures yet.") % {"indicator": indicator.name},
            )
        elif period and period not in self.periods:
            shown = ", ".join(figures.period_text(p) for p in self.periods[:5])
            self.add_error(
                "period",
                gettext("%(indicator)s has no figures for %(period)s. The latest periods: %(latest)s.")
                % {"indicator": indicator.name, "period": repr(period[:10]), "latest": shown},
            )
        elif not period:
            cleaned["period"] = self.periods[0]
        return cleaned


def levels_with_boundaries():
    """The levels that have areas to draw, from the top."""
    return AreaLevel.objects.filter(boundaries__isnull=False).distinct().order_by("depth")
