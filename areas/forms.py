"""The GET forms of /areas/ (find an area) and /areas/compare/ (choose 2 to 5 areas): what was
typed is checked and kept; bad input gets a message, never an error page."""

from django import forms

MAX_QUERY = 100
MIN_COMPARE, MAX_COMPARE = 2, 5
MAX_PARAMETERS = 50  # more "areas=" than this is not a person choosing areas


class FindForm(forms.Form):
    q = forms.CharField(
        label="Area name or code",
        max_length=MAX_QUERY,
        required=False,
        strip=True,
        help_text="For example Fjellby, Northmark or M101. Capitals and accents do not matter.",
        error_messages={"max_length": f"Type at most {MAX_QUERY} characters: an area name is shorter."},
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if "\x00" in query or any(ord(c) < 32 for c in query):
            raise forms.ValidationError("The search contains control characters: type a name or a code.")
        return " ".join(query.split())


def read_compare(codes, tree):
    """(places, problems, notes) from the ``areas`` parameters: known areas once each, in the
    order given; problems stop the comparison, notes only explain."""
    problems, notes = [], []
    if len(codes) > MAX_PARAMETERS:
        return [], [f"{len(codes)} areas were asked for: choose {MIN_COMPARE} to {MAX_COMPARE}."], []
    places, unknown = [], []
    for raw in codes:
        code = raw.strip()
        if not code:
            continue
        place = tree.get(code)
        if place is None:
            unknown.append("".join(c if c.isprintable() else "?" for c in code[:50]))
        elif place in places:
            notes.append(f"{place.label} was chosen twice: it is shown once.")
        else:
            places.append(place)
    if unknown:
        problems.append(
            f"No area has the code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: "
            "choose areas from the lists."
        )
    if places and any(place.code_list_id != places[0].code_list_id for place in places):
        problems.append("These areas come from different area lists and cannot be compared.")
    if len(places) > MAX_COMPARE:
        problems.append(f"{len(places)} areas are chosen: compare at most {MAX_COMPARE}.")
    elif len(places) < MIN_COMPARE and codes and not unknown:
        problems.append(f"Choose at least {MIN_COMPARE} different areas to compare.")
    return places, problems, notes
