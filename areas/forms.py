"""The map's choice of indicator, level, period and area, as a plain GET form (no JavaScript)."""

from django import forms

from datasets import figures

from .geometry import CODE_PATTERN
from .models import AreaLevel


class MapForm(forms.Form):
    """Every value is checked against what exists: an unknown indicator, level, period or area
    is a form error saying what there is instead, never a server error."""

    indicator = forms.ChoiceField(help_text="Every published indicator; each area shows its latest total.")
    level = forms.ChoiceField(label="Areas", help_text="Which areas the map divides the country into.")
    period = forms.CharField(
        required=False, max_length=10, help_text="Leave as “Latest” for the newest figures."
    )
    within = forms.CharField(
        label="Only within",
        required=False,
        max_length=50,
        help_text="Show only the areas of one region (or another larger area).",
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
            raise forms.ValidationError("There is no such area to look within: choose one from the list.")
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
            self.add_error("indicator", f"{indicator.name} has no published figures yet.")
        elif period and period not in self.periods:
            shown = ", ".join(figures.period_text(p) for p in self.periods[:5])
            self.add_error(
                "period", f"{indicator.name} has no figures for {period[:10]!r}. The latest periods: {shown}."
            )
        elif not period:
            cleaned["period"] = self.periods[0]
        return cleaned


def levels_with_boundaries():
    """The levels that have areas to draw, from the top."""
    return AreaLevel.objects.filter(boundaries__isnull=False).distinct().order_by("depth")
