"""The area hierarchy (country → region → municipality) read once, and finding areas by name.

The whole code list is one query (``datasets.figures.area_rows``): breadcrumbs, siblings, levels,
search and suggestions are then worked out in memory, so no page's queries grow with the number
of areas."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from datasets import figures

LEVEL_NAMES = ("country", "region", "municipality")
PLURAL = {"country": "countries", "municipality": "municipalities"}
CODE = re.compile(r"[A-Za-z0-9_.+-]{1,50}")
# Letters that Unicode does not decompose into a base letter and an accent.
FOLDED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d"})


def fold(text: str) -> str:
    """Text compared without case or accents: "Vargøy" and "VARGOY" are the same."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(FOLDED))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def level_name(depth: int, plural: bool = False) -> str:
    name = LEVEL_NAMES[depth] if depth < len(LEVEL_NAMES) else "area"
    return PLURAL.get(name, f"{name}s") if plural else name


@dataclass(eq=False)  # one object per area: compared and hashed by identity
class Place:
    pk: int
    code: str
    label: str
    parent_id: int | None
    code_list_id: int
    depth: int = 0
    children: list = field(default_factory=list, repr=False)
    folded: str = ""

    def __str__(self):
        return self.label

    @property
    def level(self) -> str:
        return level_name(self.depth)


class Tree:
    """Every area of the site's area lists, by id and by code (the first list wins a code)."""

    def __init__(self, rows):
        self.places = [Place(*row) for row in rows]
        self.by_id = {place.pk: place for place in self.places}
        self.by_code = {}
        for place in self.places:
            self.by_code.setdefault(place.code, place)
            place.folded = fold(place.label)
            parent = self.by_id.get(place.parent_id)
            if parent:
                parent.children.append(place)
        for place in self.places:  # rows come parents first only by chance: walk up instead
            place.depth = len(self.ancestors(place))

    @classmethod
    def load(cls, code_list_id=None):
        """Every area, named in the reader's language where translated (areas.AreaTranslation)."""
        from .models import local_label

        return cls(figures.area_rows(code_list_id, label=local_label()))

    def get(self, code):
        return self.by_code.get(code) if isinstance(code, str) and CODE.fullmatch(code) else None

    def parent(self, place):
        return self.by_id.get(place.parent_id)

    def ancestors(self, place):
        """From the top down to the parent; stops at a loop rather than spinning."""
        found, seen, current = [], {place.pk}, self.by_id.get(place.parent_id)
        while current is not None and current.pk not in seen:
            found.insert(0, current)
            seen.add(current.pk)
            current = self.by_id.get(current.parent_id)
        return found

    def roots(self):
        return [place for place in self.places if place.parent_id is None]

    def siblings(self, place):
        parent = self.parent(place)
        return parent.children if parent else self.roots()

    def level(self, place):
        return [
            other
            for other in self.places
            if other.depth == place.depth and other.code_list_id == place.code_list_id
        ]

    def search(self, query, limit=50):
        """Areas whose code is the query or whose name contains it (no case, no accents): the
        names that start with it first."""
        wanted = fold(query)
        if not wanted:
            return []
        exact = [place for place in self.places if place.code.casefold() == query.strip().casefold()]
        starts = [place for place in self.places if place.folded.startswith(wanted)]
        inside = [
            place for place in self.places if wanted in place.folded and not place.folded.startswith(wanted)
        ]
        return list(dict.fromkeys(exact + starts + inside))[:limit]

    def suggestions(self, query, limit=5):
        """Names close to a query that matched nothing (a typo): "Fjelby" suggests Fjellby."""
        wanted = fold(query)[:100]
        if not wanted:
            return []
        names = {}
        for place in self.places:
            names.setdefault(place.folded, place)
            names.setdefault(place.code.casefold(), place)
        close = difflib.get_close_matches(wanted, list(names), n=limit * 2, cutoff=0.6)
        return list(dict.fromkeys(names[name] for name in close))[:limit]
