"""What changed between two versions of a dataset: the preview before an import, and the
record of a correction. Counted and sampled by the database, so memory does not grow with rows."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from .models import Observation

EXAMPLES = 10


@dataclass
class VersionDiff:
    added: int = 0
    removed: int = 0
    changed: int = 0
    added_examples: list = field(default_factory=list)
    removed_examples: list = field(default_factory=list)
    changed_examples: list = field(default_factory=list)

    @property
    def unchanged(self):
        return not (self.added or self.removed or self.changed)

    def lines(self):
        """The diff as text lines, for the command's output and the admin's preview."""
        out = [f"{self.added} added, {self.removed} removed, {self.changed} changed"]
        for title, examples in (
            ("Added", self.added_examples),
            ("Removed", self.removed_examples),
            ("Changed", self.changed_examples),
        ):
            if examples:
                out.append(f"{title} (first {len(examples)}):")
                out.extend(f"  {example}" for example in examples)
        return out


def _key(observation):
    breakdown = f" [{observation.breakdown_key}]" if observation.breakdown_key else ""
    return f"{observation.indicator.code} {observation.period} {observation.area.code}{breakdown}"


def _shown(observation):
    return f"{observation.canonical_value()} ({observation.status})"


def _same_key(version, prefix=""):
    return Observation.objects.filter(
        version=version,
        indicator=OuterRef(f"{prefix}indicator"),
        period=OuterRef(f"{prefix}period"),
        area=OuterRef(f"{prefix}area"),
        breakdown_key=OuterRef(f"{prefix}breakdown_key"),
    )


def _changes(old, new):
    """Querysets of the observations added (in ``new``), removed (from ``old``) and changed (in
    ``new``, value or status) from ``old`` to ``new``."""
    new_rows = Observation.objects.filter(version=new).select_related("indicator", "area")
    old_rows = Observation.objects.filter(version=old).select_related("indicator", "area")
    added = new_rows.filter(~Exists(_same_key(old)))
    removed = old_rows.filter(~Exists(_same_key(new)))
    same_key = _same_key(old)
    same_status = same_key.filter(status=OuterRef("status"))
    changed = new_rows.filter(Exists(same_key)).filter(
        (Q(value__isnull=False) & ~Exists(same_status.filter(value=OuterRef("value"))))
        | (Q(value__isnull=True) & ~Exists(same_status.filter(value__isnull=True)))
    )
    return added, removed, changed


def revised_indicator_ids(old, new):
    """The indicators with figures of ``old`` changed or removed in ``new``: those whose blocks
    carry a correction or revision notice."""
    _, removed, changed = _changes(old, new)
    ids = set(changed.order_by().values_list("indicator_id", flat=True).distinct())
    return ids | set(removed.order_by().values_list("indicator_id", flat=True).distinct())


def diff_versions(old, new, examples=EXAMPLES):
    """Observations added, removed and changed (value or status) from ``old`` to ``new``;
    ``old`` may be None (a first import: everything is added)."""
    new_rows = Observation.objects.filter(version=new).select_related("indicator", "area")
    if old is None:
        return VersionDiff(
            added=new_rows.count(), added_examples=[_key(o) + " " + _shown(o) for o in new_rows[:examples]]
        )
    added, removed, changed = _changes(old, new)
    diff = VersionDiff(added=added.count(), removed=removed.count(), changed=changed.count())
    diff.added_examples = [f"{_key(o)} {_shown(o)}" for o in added[:examples]]
    diff.removed_examples = [f"{_key(o)} {_shown(o)}" for o in removed[:examples]]
    for observation in changed[:examples]:
        before = Observation.objects.get(
            version=old,
            indicator=observation.indicator_id,
            period=observation.period,
            area=observation.area_id,
            breakdown_key=observation.breakdown_key,
        )
        diff.changed_examples.append(f"{_key(observation)} {_shown(before)} → {_shown(observation)}")
    return diff
