"""Importing the area hierarchy with its boundaries: the one way in for the command
(``manage.py import_areas``), the admin's upload screen and the demo.

Every feature is checked first and every problem reported, naming the feature; only a file
without problems is written, in one transaction: codes and names into the data layer's area
code list (``datasets.area_codes``), outlines simplified per level into ``AreaBoundary``."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from datasets.area_codes import existing_area_codes, save_area_codes

from .geometry import BoundariesInvalid, bounds, project, read_features, simplify, svg_path
from .models import AreaBoundary, AreaLevel

MAX_PROBLEMS = 50


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    per_level: dict = field(default_factory=dict)  # level name (plural) → number of areas

    def __str__(self):
        levels = ", ".join(f"{count} {name}" for name, count in self.per_level.items())
        return f"{self.created + self.updated} areas ({levels}): {self.created} new, {self.updated} updated."


def check_hierarchy(features, code_list, levels):
    """Problems of the features as a whole: duplicate codes, unknown levels and parents, a parent
    that is not on a higher level. Parents may be in the file or already in the code list."""
    problems = []
    by_code = {}
    for feature in features:
        if not feature.code:
            continue
        if feature.code in by_code:
            problems.append(
                f"{feature.where}: the code is also used by feature {by_code[feature.code].index}."
            )
        else:
            by_code[feature.code] = feature
    known = existing_area_codes(
        code_list, {f.parent for f in features if f.parent and f.parent not in by_code}
    )
    known_levels = dict(
        AreaBoundary.objects.filter(code__in=known.values()).values_list("code__code", "level__depth")
    )
    for feature in features:
        level = levels.get(feature.level)
        if feature.level and level is None:
            problems.append(
                f"{feature.where}: the level {feature.level[:60]!r} is not one of "
                f"{', '.join(levels) or 'none'} (data editors add levels in the admin's area levels)."
            )
            continue
        if not level:
            continue
        if not feature.parent:
            if level.depth > 0:
                problems.append(
                    f'{feature.where}: the property "parent" is missing (a {level.name} has one).'
                )
            continue
        if feature.parent == feature.code:
            problems.append(f"{feature.where}: the area is its own parent.")
        elif feature.parent in by_code:
            parent_level = levels.get(by_code[feature.parent].level)
            if parent_level and parent_level.depth >= level.depth:
                problems.append(
                    f"{feature.where}: the parent {feature.parent} is a {parent_level.name}, "
                    "not on a level above."
                )
        elif feature.parent not in known:
            problems.append(f"{feature.where}: the parent {feature.parent[:60]!r} is unknown.")
        elif known_levels.get(feature.parent, -1) >= level.depth:
            problems.append(f"{feature.where}: the parent {feature.parent} is not on a level above.")
    return problems


def import_boundaries(data, code_list, *, dry_run=False):
    """Check and (unless ``dry_run``) write the areas of a GeoJSON or TopoJSON file (bytes) into
    ``code_list``. BoundariesInvalid, with every problem (at most MAX_PROBLEMS), if any."""
    features = read_features(data)
    levels = {level.slug: level for level in AreaLevel.objects.all()}
    problems = [problem for feature in features for problem in feature.problems]
    problems += check_hierarchy(features, code_list, levels)
    if problems:
        if len(problems) > MAX_PROBLEMS:
            problems = [*problems[:MAX_PROBLEMS], f"… and {len(problems) - MAX_PROBLEMS} more problems."]
        raise BoundariesInvalid(problems)
    features.sort(key=lambda feature: levels[feature.level].depth)  # parents before children
    summary = ImportSummary()
    for feature in features:
        name = levels[feature.level].name_plural
        summary.per_level[name] = summary.per_level.get(name, 0) + 1
    if dry_run:
        existing = existing_area_codes(code_list, [feature.code for feature in features])
        summary.updated = len(existing)
        summary.created = len(features) - summary.updated
        return summary
    with transaction.atomic():
        before = set(existing_area_codes(code_list, [feature.code for feature in features]))
        codes = save_area_codes(
            code_list, ({"code": f.code, "name": f.name, "parent": f.parent} for f in features)
        )
        _save_outlines(features, codes, levels)
    summary.updated = len(before)
    summary.created = len(features) - len(before)
    return summary


def _save_outlines(features, codes, levels):
    by_level = defaultdict(list)
    for feature in features:
        by_level[feature.level].append(feature)
    existing = {
        boundary.code_id: boundary
        for boundary in AreaBoundary.objects.filter(code__in=[codes[f.code] for f in features])
    }
    new, changed = [], []
    for slug, members in by_level.items():
        level = levels[slug]
        outlines = simplify([project(feature.geometry) for feature in members], level.simplify_tolerance)
        for feature, outline in zip(members, outlines, strict=True):
            code = codes[feature.code]
            boundary = existing.get(code.pk) or AreaBoundary(code=code)
            boundary.level = level
            boundary.path = svg_path(outline)
            boundary.min_x, boundary.min_y, boundary.max_x, boundary.max_y = bounds(outline)
            (changed if boundary.pk else new).append(boundary)
    AreaBoundary.objects.bulk_create(new, batch_size=500)
    now = timezone.now()  # bulk_update does not apply auto_now: maps are cached by this time
    for boundary in changed:
        boundary.updated_at = now
    fields = ["level", "path", "min_x", "min_y", "max_x", "max_y", "updated_at"]
    AreaBoundary.objects.bulk_update(changed, fields, batch_size=500)
