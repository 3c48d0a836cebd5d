"""What the communications team measures per module: starts, completions, and the learning gain
from the pre-check (the baseline) to the post-check (the end-of-module survey).

A learner's pre-check score is their lowest (normally their only one: it is taken once) and their
post-check score their best; the gain is averaged over learners who took both.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q

from portal.core.vocabularies import UserGroup

from .models import TIER_ORDER, CheckAttempt, ModuleCompletion, ModulePage

NO_GROUP = "Signed in, group not given"


@dataclass
class Figures:
    label: str
    starts: int = 0
    completions: int = 0
    pre_scores: list = field(default_factory=list)
    post_scores: list = field(default_factory=list)
    gains: list = field(default_factory=list)

    def add_learner(self, pre, post):
        if pre is not None:
            self.starts += 1
            self.pre_scores.append(pre)
        if post is not None:
            self.post_scores.append(post)
        if pre is not None and post is not None:
            self.gains.append(post - pre)

    @staticmethod
    def _mean(values):
        return round(sum(values) / len(values), 1) if values else None

    @property
    def completion_rate(self):
        return round(100 * self.completions / self.starts, 1) if self.starts else None

    @property
    def average_pre(self):
        return self._mean(self.pre_scores)

    @property
    def average_post(self):
        return self._mean(self.post_scores)

    @property
    def learning_gain(self):
        return self._mean(self.gains)


@dataclass
class ModuleFigures:
    module: ModulePage
    all_learners: Figures
    by_group: dict


def group_label(value):
    return UserGroup(value).label if value in UserGroup.values else NO_GROUP


def module_statistics(tier=""):
    """[(tier label, [ModuleFigures])] for every module, in a fixed number of queries."""
    modules = ModulePage.objects.order_by("path").only("id", "title", "tier", "pass_mark")
    if tier:
        modules = modules.filter(tier=tier)
    figures = {module.pk: ModuleFigures(module, Figures("All learners"), {}) for module in modules}
    learners = (
        CheckAttempt.objects.filter(module__in=list(figures))
        .values("module_id", "learner")
        .annotate(
            pre=Min("score", filter=Q(kind=CheckAttempt.Kind.PRE)),
            post=Max("score", filter=Q(kind=CheckAttempt.Kind.POST)),
            signed_in=Max("user_id"),
            group=Max("user__contact__user_group"),
        )
    )
    for row in learners:
        entry = figures[row["module_id"]]
        entry.all_learners.add_learner(row["pre"], row["post"])
        if row["signed_in"] is not None:
            label = group_label(row["group"])
            entry.by_group.setdefault(label, Figures(label)).add_learner(row["pre"], row["post"])
    completions = (
        ModuleCompletion.objects.filter(module__in=list(figures))
        .values("module_id", "user__contact__user_group")
        .annotate(count=Count("id"), signed_in=Count("user_id"))
    )
    for row in completions:
        entry = figures[row["module_id"]]
        entry.all_learners.completions += row["count"]
        if row["signed_in"]:
            label = group_label(row["user__contact__user_group"])
            entry.by_group.setdefault(label, Figures(label)).completions += row["signed_in"]
    by_tier = defaultdict(list)
    for entry in figures.values():
        entry.by_group = dict(sorted(entry.by_group.items()))
        by_tier[entry.module.tier].append(entry)
    return [(level.label, by_tier[level]) for level in TIER_ORDER if by_tier[level]]
