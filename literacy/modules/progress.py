"""Where a learner is in each module: in the session for anonymous learners, in the database
for signed-in ones, and carried from the one to the other when someone signs in.

Views ask ``progress_for(request)`` for a store and use ``load``/``save`` with a ModuleState;
they never need to know which kind of store they hold.
"""

import secrets
from dataclasses import asdict, dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.contacts.models import TouchpointKind
from portal.contacts.services import record_touchpoint

from .models import TIER_ORDER, CheckAttempt, ModuleCompletion, ModulePage, ModuleProgress

SESSION_KEY = "literacy-learning"


@dataclass
class ModuleState:
    lessons: list = field(default_factory=list)  # ids of lessons marked done
    answers: dict = field(default_factory=dict)  # lesson question id -> {"answer", "correct"}
    check_answers: dict = field(default_factory=dict)  # "pre"/"post" -> {question id -> {...}}
    last_lesson_id: int | None = None
    pre_score: int | None = None
    post_score: int | None = None
    completed: bool = False

    @property
    def started(self):
        return bool(self.lessons or self.answers or self.pre_score is not None)

    def passed(self, module):
        return self.post_score is not None and self.post_score >= module.pass_mark

    def lessons_done(self, lesson_ids):
        return set(lesson_ids) <= set(self.lessons)

    def is_complete(self, module, lesson_ids):
        return bool(lesson_ids) and self.lessons_done(lesson_ids) and self.passed(module)

    def mark_lesson(self, lesson_id):
        if lesson_id not in self.lessons:
            self.lessons.append(lesson_id)
        self.last_lesson_id = lesson_id

    def record_post_score(self, score):
        self.post_score = score if self.post_score is None else max(self.post_score, score)


def _state_from_dict(data):
    known = {name: data[name] for name in ModuleState.__dataclass_fields__ if name in data}
    return ModuleState(**known)


class SessionProgress:
    """Anonymous learners: everything in the session, under one key."""

    signed_in = False

    def __init__(self, request):
        self.session = request.session

    def _data(self):
        return self.session.get(SESSION_KEY) or {"learner": "", "modules": {}}

    @property
    def learner(self):
        data = self._data()
        if not data["learner"]:
            data["learner"] = f"anon-{secrets.token_hex(12)}"
            self.session[SESSION_KEY] = data
        return data["learner"]

    def load(self, module):
        return _state_from_dict(self._data()["modules"].get(str(module.pk), {}))

    def load_all(self):
        """{module id: state} for every module this learner has touched."""
        return {int(pk): _state_from_dict(data) for pk, data in self._data()["modules"].items()}

    def save(self, module, state):
        data = self._data()
        data["modules"][str(module.pk)] = asdict(state)
        self.session[SESSION_KEY] = data


class AccountProgress:
    """Signed-in learners: one ModuleProgress row per module."""

    signed_in = True

    def __init__(self, user):
        self.user = user
        self.learner = f"user-{user.pk}"

    @staticmethod
    def _state(row):
        return ModuleState(
            lessons=list(row.completed_lessons),
            answers=dict(row.answers),
            check_answers=dict(row.check_answers),
            last_lesson_id=row.last_lesson_id,
            pre_score=row.pre_score,
            post_score=row.post_score,
            completed=row.completed_at is not None,
        )

    def load(self, module):
        row = ModuleProgress.objects.filter(user=self.user, module=module).first()
        return self._state(row) if row else ModuleState()

    def load_all(self):
        return {row.module_id: self._state(row) for row in ModuleProgress.objects.filter(user=self.user)}

    def save(self, module, state):
        fields = {
            "completed_lessons": state.lessons,
            "answers": state.answers,
            "check_answers": state.check_answers,
            "last_lesson_id": state.last_lesson_id,
            "pre_score": state.pre_score,
            "post_score": state.post_score,
        }
        updated = ModuleProgress.objects.filter(user=self.user, module=module).update(
            **fields, updated_at=timezone.now()
        )
        if not updated:
            try:
                with transaction.atomic():
                    ModuleProgress.objects.create(user=self.user, module=module, **fields)
            except IntegrityError:  # a request in another tab made the row first
                ModuleProgress.objects.filter(user=self.user, module=module).update(**fields)
            else:
                record_learning(self.user, module, f"Started the e-module “{module.title}”", module.tier)


def progress_for(request):
    if request.user.is_authenticated:
        return AccountProgress(request.user)
    return SessionProgress(request)


def record_learning(user, module, detail, tier):
    """The user database hears of learners who save progress and earn certificates."""
    record_touchpoint(
        user.email,
        kind=TouchpointKind.LEARNING,
        source=module.url or "",
        detail=detail,
        user=user,
        literacy_level=tier,
    )


def record_check(store, module, kind, correct, total, score):
    CheckAttempt.objects.create(
        module=module,
        kind=kind,
        learner=store.learner,
        user=store.user if store.signed_in else None,
        correct=correct,
        total=total,
        score=score,
    )


def update_completion(store, module, state, lesson_ids):
    """Mark the module complete the first time every lesson is done and the post-check passed."""
    if state.completed or not state.is_complete(module, lesson_ids):
        return False
    state.completed = True
    ModuleCompletion.objects.get_or_create(
        module=module,
        learner=store.learner,
        defaults={"user": store.user if store.signed_in else None},
    )
    if store.signed_in:
        ModuleProgress.objects.filter(user=store.user, module=module, completed_at__isnull=True).update(
            completed_at=timezone.now()
        )
    return True


def merge(saved, carried):
    """One state from the account's saved state and the session's: nothing learnt is lost."""
    lessons = list(saved.lessons) + [lesson for lesson in carried.lessons if lesson not in saved.lessons]
    post_scores = [score for score in (saved.post_score, carried.post_score) if score is not None]
    return ModuleState(
        lessons=lessons,
        answers={**carried.answers, **saved.answers},
        check_answers={**carried.check_answers, **saved.check_answers},
        last_lesson_id=carried.last_lesson_id or saved.last_lesson_id,
        pre_score=saved.pre_score if saved.pre_score is not None else carried.pre_score,
        post_score=max(post_scores) if post_scores else None,
        completed=saved.completed or carried.completed,
    )


@transaction.atomic
def carry_over(request, user):
    """On sign-in: move the session's progress, check attempts and completions to the account."""
    data = request.session.get(SESSION_KEY)
    if not data or not data.get("modules"):
        return []
    session_store = SessionProgress(request)
    carried = session_store.load_all()
    account = AccountProgress(user)
    modules = ModulePage.objects.filter(pk__in=carried).order_by("title")
    saved = {row.module_id: row for row in ModuleProgress.objects.filter(user=user, module__in=modules)}
    for module in modules:
        state = merge(
            account._state(saved[module.pk]) if module.pk in saved else ModuleState(), carried[module.pk]
        )
        row, _ = ModuleProgress.objects.get_or_create(user=user, module=module)
        row.completed_lessons = state.lessons
        row.answers = state.answers
        row.check_answers = state.check_answers
        row.last_lesson_id = state.last_lesson_id
        row.pre_score = state.pre_score
        row.post_score = state.post_score
        if state.completed and row.completed_at is None:
            row.completed_at = timezone.now()
        row.save()
    anonymous = data["learner"]
    if anonymous:
        CheckAttempt.objects.filter(learner=anonymous).update(learner=account.learner, user=user)
        already = ModuleCompletion.objects.filter(learner=account.learner).values("module_id")
        ModuleCompletion.objects.filter(learner=anonymous, module_id__in=already).delete()
        ModuleCompletion.objects.filter(learner=anonymous).update(learner=account.learner, user=user)
    del request.session[SESSION_KEY]
    modules = list(modules)
    if modules:
        top_tier = max((module.tier for module in modules), key=TIER_ORDER.index)
        titles = ", ".join(f"“{module.title}”" for module in modules)
        record_touchpoint(
            user.email,
            kind=TouchpointKind.LEARNING,
            source=modules[0].url or "",
            detail=f"Signed in to save e-module progress: {titles}",
            user=user,
            literacy_level=top_tier,
        )
    return modules
