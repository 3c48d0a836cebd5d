"""The public side of the e-modules: the Learn index, a module, its checks, lessons and answers.

A module's addresses (``module_urls`` in literacy/modules/urls.py) and those a lesson's forms
post to come here, and the Learn index and lesson pages draw their content from here
(ModuleIndexPage.get_context, LessonPage.serve); these functions take the page first. Every
answer is checked here on the server, and every POST redirects (or, when the answer cannot be
read, shows the page again with a message), so the site works without JavaScript.
"""

import secrets
from functools import partial, reduce
from operator import getitem, or_

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from taggit.models import Tag

from portal.core.attribution import COMPLETION, record_conversion, remember_share_code
from portal.core.caching.pagecache import could_be_cached
from portal.core.origin import from_this_site
from portal.core.private import private
from portal.core.ratelimit import limit_or_429
from portal.core.vocabularies import UserGroup

from .models import TIER_ORDER, Certificate, CheckAttempt, LessonPage, ModulePage
from .progress import ModuleState, progress_for, record_check, update_completion
from .questions import find_question, is_question, question_for, questions_in
from .scoring import AnswerError, check, percentage

CHECK_FORM_KEY = "literacy-check-{module}-{kind}"
LESSON_FIELDS = ("id", "title", "slug", "path", "depth", "url_path", "duration_minutes", "live")


def module_lessons(module):
    return list(module.lessons().only(*LESSON_FIELDS))


def next_step(module, state, lessons):
    """(url, label) of where this learner should go next in the module."""
    if state.pre_score is None:
        return module.url + module.reverse_subpage("pre_check"), gettext("Start with the pre-check")
    for lesson in lessons:
        if lesson.pk not in state.lessons:
            label = (
                gettext("Continue where you left off") if state.lessons else gettext("Start the first lesson")
            )
            return lesson.url, gettext("%(label)s: %(lesson)s") % {"label": label, "lesson": lesson.title}
    if not state.passed(module):
        return module.url + module.reverse_subpage("post_check"), gettext("Take the post-check")
    return module.url + module.reverse_subpage("certificate"), gettext("Get your certificate")


# The Learn index


def read_filters(request, topics, audiences):
    topic = request.GET.get("topic", "")
    audience = request.GET.get("audience", "")
    return {
        "topic": topic if topic in {slug for slug, _ in topics} else "",
        "audience": audience if audience in {slug for slug, _ in audiences} else "",
    }


def module_index(index, request):
    """Learn: modules by tier, filtered by topic and audience, and the learner's modules in
    progress."""
    return index.render(request, context_overrides=index_context(index, request))


LISTING = ("tiers", "module_count", "filters", "filtering", "topic_options", "audience_options")


def index_context(index, request):
    """The listing is read only when it is drawn: for a visitor without progress it comes from the
    fragment cache (``{% body_cache %}``, one copy per address). A learner's badges and
    "continue where you left off" are never cached."""
    states = progress_for(request).load_all()
    listing = SimpleLazyObject(lambda: module_listing(index, request, states))
    return {
        **{name: SimpleLazyObject(partial(getitem, listing, name)) for name in LISTING},
        "has_progress": bool(states),
        "in_progress": in_progress(index, states),
    }


def module_listing(index, request, states):
    live_modules = ModulePage.objects.live().public().child_of(index)
    topics = [
        (tag.slug, tag.name)
        for tag in Tag.objects.filter(modules_moduletopic_items__content_object__in=live_modules)
        .distinct()
        .order_by("name")
    ]
    written_for = {group for groups in live_modules.values_list("audiences", flat=True) for group in groups}
    audiences = [(group.value, group.label) for group in UserGroup if group in written_for]
    filters = read_filters(request, topics, audiences)
    modules = live_modules.order_by("path").prefetch_related(
        "topics", Prefetch("prerequisites", queryset=ModulePage.objects.only("id", "title"))
    )
    if filters["topic"]:
        modules = modules.filter(topics__slug=filters["topic"])
    modules = list(modules.distinct())
    if filters["audience"]:
        modules = [module for module in modules if filters["audience"] in module.audiences]
    tiers = [
        {
            "value": tier.value,
            "label": tier.label,
            "definition": index.tier_definition(tier.value),
            "modules": [module for module in modules if module.tier == tier],
        }
        for tier in TIER_ORDER
    ]
    for module in modules:
        module.state = states.get(module.pk)
    return {
        "tiers": tiers,
        "module_count": len(modules),
        "filters": filters,
        "filtering": any(filters.values()),
        "topic_options": topics,
        "audience_options": audiences,
    }


def in_progress(index, states):
    """Started, unfinished modules with the next step in each: "continue where you left off"."""
    started = [pk for pk, state in states.items() if state.started and not state.completed]
    if not started:
        return []
    modules = list(ModulePage.objects.live().child_of(index).filter(pk__in=started).order_by("path"))
    if not modules:
        return []
    lessons = (
        LessonPage.objects.live()
        .filter(
            reduce(or_, (Q(path__startswith=module.path) for module in modules)), depth=modules[0].depth + 1
        )
        .only(*LESSON_FIELDS)
        .order_by("path")
    )
    by_module = {module.path: [] for module in modules}
    for lesson in lessons:
        by_module[lesson.path[: len(modules[0].path)]].append(lesson)
    items = []
    for module in modules:
        state = states[module.pk]
        module_lessons_ = by_module[module.path]
        url, label = next_step(module, state, module_lessons_)
        done = sum(1 for lesson in module_lessons_ if lesson.pk in state.lessons)
        items.append(
            {"module": module, "url": url, "label": label, "done": done, "total": len(module_lessons_)}
        )
    return items


# A module


def module_overview(module, request):
    """A learner with no progress in any module sees the overview as every newcomer does: it is
    drawn once per revision, chrome generation and language (``{% body_cache %}``), and its
    lessons and prerequisites are read only when it is drawn. Anyone else's steps, scores,
    badges and certificate are drawn for them alone."""
    remember_share_code(request)  # kept only in a session the learner already has
    store = progress_for(request)
    states = store.load_all()
    state = states.get(module.pk) or ModuleState()
    lessons = SimpleLazyObject(lambda: lessons_done(module, state))
    next_url_and_label = SimpleLazyObject(lambda: next_step(module, state, lessons))
    certificate = None
    if store.signed_in and state.completed:
        certificate = Certificate.objects.filter(
            user=request.user, module=module, revoked_at__isnull=True
        ).first()
    return private(
        module.render(
            request,
            context_overrides={
                "state": state,
                "fresh": not states,
                "lessons": lessons,
                "prerequisites": SimpleLazyObject(lambda: prerequisites_completed(module, states)),
                "next_url": SimpleLazyObject(partial(getitem, next_url_and_label, 0)),
                "next_label": SimpleLazyObject(partial(getitem, next_url_and_label, 1)),
                "gain": gain(state),
                "certificate": certificate,
                "index_page": SimpleLazyObject(lambda: module.get_parent().specific),
            },
        ),
        indexable=True,
    )


def lessons_done(module, state):
    lessons = module_lessons(module)
    for lesson in lessons:
        lesson.done = lesson.pk in state.lessons
    return lessons


def prerequisites_completed(module, states):
    prerequisites = list(
        ModulePage.objects.live()
        .filter(required_by=module)
        .only("id", "title", "url_path", "tier", "depth", "path")
    )
    for prerequisite in prerequisites:
        prerequisite_state = states.get(prerequisite.pk)
        prerequisite.completed = bool(prerequisite_state and prerequisite_state.completed)
    return prerequisites


def gain(state):
    if state.pre_score is None or state.post_score is None:
        return None
    return state.post_score - state.pre_score


def teachers(module, request):
    return module.render(
        request,
        template="modules/module_teachers.html",
        context_overrides={"lessons": module_lessons(module), "index_page": module.get_parent().specific},
    )


# Pre-check and post-check


def new_check_token(request, module, kind):
    token = secrets.token_urlsafe(16)
    request.session[CHECK_FORM_KEY.format(module=module.pk, kind=kind)] = token
    return token


def take_check_token(request, module, kind):
    """True, once, for the token this check's form was given: a replayed form is refused."""
    expected = request.session.pop(CHECK_FORM_KEY.format(module=module.pk, kind=kind), None)
    submitted = request.POST.get("token", "")
    return bool(expected) and constant_time_compare(expected, submitted)


def check_view(module, request, kind):
    store = progress_for(request)
    state = store.load(module)
    is_pre = kind == CheckAttempt.Kind.PRE
    stream = module.pre_check if is_pre else module.post_check
    blocks = questions_in(stream)
    if not is_pre and state.pre_score is None:
        messages.info(
            request, gettext("Take the pre-check first: it shows how much you learn in this module.")
        )
        return HttpResponseRedirect(module.url + module.reverse_subpage("pre_check"))
    taken = state.pre_score is not None if is_pre else state.post_score is not None
    if request.method == "POST":
        if limited := limit_or_429(request, "module_answer"):
            return limited
        if not take_check_token(request, module, kind):
            messages.error(
                request,
                gettext("This form was already sent, so it was not scored again. Here is your result."),
            )
            return HttpResponseRedirect(module.url + module.reverse_subpage(f"{kind}_check"))
        if is_pre and taken:
            messages.error(
                request, gettext("You have already taken the pre-check: your first score is kept.")
            )
            return HttpResponseRedirect(module.url + module.reverse_subpage("pre_check"))
        return score_check(module, request, store, state, kind, blocks)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    again = not is_pre and request.GET.get("again") == "1"
    if taken and not again:
        return render_check_result(module, request, state, kind, blocks)
    return render_check_form(module, request, kind, blocks)


def render_check_form(module, request, kind, blocks, errors=None, data=None):
    questions = []
    for number, block in enumerate(blocks, start=1):
        question = question_for(block, number)
        if data is not None:
            question.selected = data.getlist(f"q-{block.id}")
            question.positions = {slot: data.get(f"q-{block.id}-{slot}", "") for slot, _ in question.choices}
        question.error = (errors or {}).get(block.id, "")
        questions.append(question)
    response = module.render(
        request,
        template="modules/module_check.html",
        context_overrides={
            "kind": kind,
            "kind_label": CheckAttempt.Kind(kind).label,
            "questions": questions,
            "token": new_check_token(request, module, kind),
            "problems": [
                (f"#question-{question.id}", f"Question {question.number}: {question.error}")
                for question in questions
                if question.error
            ],
            "index_page": module.get_parent().specific,
        },
    )
    if errors:
        response.status_code = 400
    return private(response, indexable=True)


def score_check(module, request, store, state, kind, blocks):
    results, errors = {}, {}
    for block in blocks:
        try:
            results[block.id] = check(block.block_type, block.value, request.POST, block.id, f"q-{block.id}")
        except AnswerError as error:
            errors[block.id] = str(error)
    if errors:
        return render_check_form(module, request, kind, blocks, errors, request.POST)
    correct = sum(1 for result in results.values() if result.correct)
    score = percentage(correct, len(blocks))
    state.check_answers[kind] = {
        question_id: {"answer": result.answer, "correct": result.correct}
        for question_id, result in results.items()
    }
    if kind == CheckAttempt.Kind.PRE:
        state.pre_score = score
    else:
        state.record_post_score(score)
    record_check(store, module, kind, correct, len(blocks), score)
    if update_completion(store, module, state, [lesson.pk for lesson in module_lessons(module)]):
        record_conversion(request, COMPLETION)  # for an ambassador's link, when the visit carried one
    store.save(module, state)
    return HttpResponseRedirect(module.url + module.reverse_subpage(f"{kind}_check"))


def render_check_result(module, request, state, kind, blocks):
    answers = state.check_answers.get(kind, {})
    questions = [
        question_for(block, number, answers.get(block.id)) for number, block in enumerate(blocks, start=1)
    ]
    lessons = module_lessons(module)
    url, label = next_step(module, state, lessons)
    return private(
        module.render(
            request,
            template="modules/module_check_result.html",
            context_overrides={
                "kind": kind,
                "kind_label": CheckAttempt.Kind(kind).label,
                "questions": questions,
                "state": state,
                "score": state.pre_score if kind == CheckAttempt.Kind.PRE else state.post_score,
                "gain": gain(state),
                "next_url": url,
                "next_label": label,
                "lessons_done": state.lessons_done([lesson.pk for lesson in lessons]),
                "index_page": module.get_parent().specific,
            },
        ),
        indexable=True,
    )


# Lessons


def lesson(lesson_page, request, errors=None, data=None):
    """A learner who has done and answered nothing in the module sees the lesson as every
    newcomer does: it is drawn once per revision, chrome generation and language
    (``{% body_cache %}``), and its questions and navigation are read only when it is drawn.
    Anyone else's answers, ticks and errors are drawn for them alone."""
    module = lesson_page.get_parent().specific
    store = progress_for(request)
    state = store.load(module)
    navigation = SimpleLazyObject(lambda: lesson_navigation(lesson_page, module))
    response = TemplateResponse(
        request,
        lesson_page.get_template(request),
        {
            **lesson_page.get_context(request),
            **{name: SimpleLazyObject(partial(getitem, navigation, name)) for name in NAVIGATION},
            "module": module,
            "items": SimpleLazyObject(lambda: lesson_items(lesson_page, state, errors, data)),
            "state": state,
            "errors": errors,
            "fresh": not (errors or state.answers or state.lessons),
            "done": lesson_page.pk in state.lessons,
            "save_progress_text": ""
            if store.signed_in
            else SimpleLazyObject(lambda: module.get_parent().specific.save_progress_text),
        },
    )
    if errors:
        response.status_code = 400
    if could_be_cached(request):
        return response  # no session: the lesson as every newcomer sees it, cached for all
    return private(response, indexable=True)


NAVIGATION = ("lessons", "position", "previous_lesson", "next_lesson")


def lesson_navigation(lesson_page, module):
    lessons = module_lessons(module)
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson_page.pk), None)
    return {
        "lessons": lessons,
        "position": None if position is None else position + 1,
        "previous_lesson": lessons[position - 1] if position else None,
        "next_lesson": lessons[position + 1]
        if position is not None and position + 1 < len(lessons)
        else None,
    }


def lesson_items(lesson_page, state, errors, data):
    """The lesson's blocks, its questions numbered, with this learner's answers and errors."""
    number = 0
    items = []
    for block in lesson_page.body:
        if is_question(block):
            number += 1
            question = question_for(block, number, state.answers.get(block.id))
            if errors and block.id in errors:
                question.error = errors[block.id]
                question.selected = data.getlist(f"q-{block.id}")
                question.positions = {
                    slot: data.get(f"q-{block.id}-{slot}", "") for slot, _ in question.choices
                }
            items.append({"question": question})
        else:
            items.append({"block": block})
    return items


@csrf_exempt
def lesson_form(request, lesson_id, handle):
    """Where a lesson's forms post (an answer, "try again", "done"), apart from the lesson page
    itself, which is cached. No CSRF token, the Origin header instead: see portal/origin.py."""
    if request.method != "POST":
        raise Http404("Answers are sent with the form on the lesson page.")
    if not from_this_site(request):
        raise PermissionDenied("Answers can only be sent from this site's lessons.")
    lesson_page = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not all(restriction.accept_request(request) for restriction in lesson_page.get_view_restrictions()):
        raise Http404("There is no such lesson.")
    return handle(lesson_page, request)


def answer(lesson_page, request):
    """Check one answer and keep it; show the lesson again with the feedback."""
    if limited := limit_or_429(request, "module_answer"):
        return limited
    block = find_question(lesson_page.body, request.POST.get("question", ""))
    if block is None:
        raise Http404("There is no such question in this lesson.")
    module = lesson_page.get_parent().specific
    store = progress_for(request)
    state = store.load(module)
    anchor = f"#question-{block.id}"
    if block.id in state.answers:
        messages.info(
            request,
            gettext("You have already answered this question. Choose “Try again” to answer it again."),
        )
        return HttpResponseRedirect(lesson_page.url + anchor)
    try:
        result = check(block.block_type, block.value, request.POST, block.id, f"q-{block.id}")
    except AnswerError as error:
        return lesson(lesson_page, request, errors={block.id: str(error)}, data=request.POST)
    state.answers[block.id] = {"answer": result.answer, "correct": result.correct}
    state.last_lesson_id = lesson_page.pk
    store.save(module, state)
    return HttpResponseRedirect(lesson_page.url + anchor)


def try_again(lesson_page, request):
    block = find_question(lesson_page.body, request.POST.get("question", ""))
    if block is None:
        raise Http404("There is no such question in this lesson.")
    module = lesson_page.get_parent().specific
    store = progress_for(request)
    state = store.load(module)
    if state.answers.pop(block.id, None) is not None:
        store.save(module, state)
    return HttpResponseRedirect(f"{lesson_page.url}#question-{block.id}")


def lesson_done(lesson_page, request):
    """Mark the lesson done and go on: to the next lesson, or to the post-check after the last."""
    module = lesson_page.get_parent().specific
    store = progress_for(request)
    state = store.load(module)
    lessons = module_lessons(module)
    state.mark_lesson(lesson_page.pk)
    if update_completion(store, module, state, [item.pk for item in lessons]):
        messages.success(request, gettext("You have completed this module."))
        record_conversion(request, COMPLETION)
    store.save(module, state)
    following = [item for item in lessons if item.pk not in state.lessons]
    later = [item for item in following if item.path > lesson_page.path]
    if later or following:
        return HttpResponseRedirect((later or following)[0].url)
    url, _ = next_step(module, state, lessons)
    return HttpResponseRedirect(url)
