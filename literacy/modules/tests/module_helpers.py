"""Building e-modules with known questions for the tests, and answering them like a learner."""

from decimal import Decimal

from django.http import QueryDict
from django.urls import reverse

from literacy.modules.models import LessonPage, ModuleIndexPage, ModulePage
from literacy.modules.scoring import display_order
from tests.origin import ORIGIN, sent_from

EXPLANATION = "Because the median is the middle value of the ordered data."
SECRET_FEEDBACK = "Tempting, but the mean is pulled up by large values."


def single_choice(prompt="Which average resists extreme values?"):
    return (
        "single_choice",
        {
            "prompt": prompt,
            "options": [
                {"text": "The mean", "correct": False, "feedback": SECRET_FEEDBACK},
                {"text": "The median", "correct": True, "feedback": ""},
                {"text": "The range", "correct": False, "feedback": ""},
            ],
            "explanation": EXPLANATION,
        },
    )


def multiple_choice():
    return (
        "multiple_choice",
        {
            "prompt": "Which are sources of official statistics?",
            "options": [
                {"text": "Census", "correct": True, "feedback": ""},
                {"text": "Rumour", "correct": False, "feedback": ""},
                {"text": "Tax records", "correct": True, "feedback": ""},
            ],
            "explanation": "Censuses and administrative records both feed official statistics.",
        },
    )


def numeric(answer="10", tolerance="0.5"):
    return (
        "numeric",
        {
            "prompt": "A price rises from 50 to 55. By how many per cent?",
            "answer": Decimal(answer),
            "tolerance": Decimal(tolerance),
            "unit": "%",
            "explanation": "5 divided by 50 is 0.1, or 10%.",
        },
    )


def ordering():
    return (
        "ordering",
        {
            "prompt": "Put the steps of a survey in order.",
            "items": ["Design the sample", "Collect the answers", "Weight the results", "Publish"],
            "explanation": "You cannot weight answers you have not collected.",
        },
    )


def learn_index():
    """The site's one Learn index (the `learn_index` fixture makes it)."""
    return ModuleIndexPage.objects.get()


def make_learn_index(home):
    """A published Learn index under the site root, with the three tier definitions."""
    index = ModuleIndexPage(
        title="Learn",
        slug="learn",
        basic_definition="Basic: reads a table and a chart.",
        intermediate_definition="Intermediate: compares figures and their uncertainty.",
        advanced_definition="Advanced: judges methods and models.",
        tiers_source="UNECE, Making data meaningful.",
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_module(
    slug,
    *,
    lessons=3,
    questions_per_lesson=1,
    tier="basic",
    pass_mark=70,
    prerequisites=(),
    pre_check=None,
    post_check=None,
    topics=("testing",),
    audiences=(),
    index=None,
):
    """A published module under the Learn index with lessons of single-choice questions."""
    index = index or learn_index()
    module = ModulePage(
        title=f"Module {slug}",
        slug=slug,
        summary="A module made by the tests.",
        tier=tier,
        objectives="Know one thing\nKnow another",
        duration_minutes=20,
        pass_mark=pass_mark,
        pre_check=pre_check or [single_choice(), numeric()],
        post_check=post_check or [single_choice(), numeric()],
        audiences=list(audiences),
    )
    module.topics.add(*topics)
    module.prerequisites = list(prerequisites)
    index.add_child(instance=module)
    module.save_revision().publish()
    for number in range(1, lessons + 1):
        add_lesson(module, f"lesson-{number}", questions_per_lesson)
    return ModulePage.objects.get(pk=module.pk)


def add_lesson(module, slug, questions=1, body=None):
    lesson = LessonPage(
        title=f"Lesson {slug}",
        slug=slug,
        summary="A lesson made by the tests.",
        body=body
        or [("paragraph", "<p>Read this first.</p>")]
        + [single_choice(f"Question number {n}?") for n in range(1, questions + 1)],
    )
    module.add_child(instance=lesson)
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def questions(stream):
    return [
        block
        for block in stream
        if block.block_type in ("single_choice", "multiple_choice", "numeric", "ordering")
    ]


def answer_data(block, right=True, name=None):
    """Form fields answering `block` rightly (or wrongly), named as the pages name them."""
    name = name or f"q-{block.id}"
    value = block.value
    if block.block_type == "single_choice":
        index = next(i for i, option in enumerate(value["options"]) if option["correct"] == right)
        return {name: str(index)}
    if block.block_type == "multiple_choice":
        indexes = [i for i, option in enumerate(value["options"]) if option["correct"]]
        return {name: [str(i) for i in (indexes if right else indexes[:1])]}
    if block.block_type == "numeric":
        return {name: str(value["answer"] if right else value["answer"] + value["tolerance"] + 5)}
    shown = display_order(block.id, len(value["items"]))
    positions = [item + 1 for item in shown]
    if not right:
        positions = list(reversed(range(1, len(shown) + 1)))
        if [p - 1 for p in positions] == shown:
            positions = positions[1:] + positions[:1]
    return {f"{name}-{slot}": str(position) for slot, position in enumerate(positions)}


def query_dict(data):
    result = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            result.setlist(key, value)
        else:
            result[key] = value
    return result


def check_form_data(client, module, kind, right=True):
    """GET the check's form (for its one-time token), then the answers to send with it."""
    again = "?again=1" if kind == "post" else ""  # the form even after an earlier attempt
    response = client.get(module.url + module.reverse_subpage(f"{kind}_check") + again)
    assert response.status_code == 200
    token = response.context["token"]
    data = {"token": token}
    for block in questions(module.pre_check if kind == "pre" else module.post_check):
        data.update(answer_data(block, right))
    return data


def take_check(client, module, kind, right=True):
    data = check_form_data(client, module, kind, right)
    return client.post(module.url + module.reverse_subpage(f"{kind}_check"), data)


def lesson_form_url(lesson, action):
    return reverse(f"literacy_lesson_{action}", args=[lesson.pk])


def post_to_lesson(client, lesson, action, data=None, origin=ORIGIN):
    """Send one of a lesson's forms ("answer", "try_again", "done") as a browser does from the
    lesson page: with the page's origin, which stands in for a CSRF token."""
    return client.post(lesson_form_url(lesson, action), data or {}, **sent_from(origin))


def answer_lesson(client, lesson, block, right=True):
    return post_to_lesson(client, lesson, "answer", {"question": block.id, **answer_data(block, right)})


def finish_lessons(client, module):
    for lesson in module.lessons():
        post_to_lesson(client, lesson, "done")


def complete_module(client, module, pre_right=False):
    take_check(client, module, "pre", right=pre_right)
    finish_lessons(client, module)
    take_check(client, module, "post", right=True)
