"""A consultation's results for staff: how often each choice was picked (with its share of the
responses) and every free-text answer, read in one query whatever the number of responses."""

from collections import Counter
from dataclasses import dataclass, field

from .models import ConsultationResponse


@dataclass
class ChoiceCount:
    choice: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    question: object  # a ConsultationFormField
    answered: int = 0
    counts: list = field(default_factory=list)


def _as_list(value, field_type):
    if value in (None, ""):
        return []
    if field_type == "checkbox":
        return ["Yes" if value else "No"]
    return value if isinstance(value, list) else [value]


def summarise(page):
    """(number of responses, a QuestionResult per choice question in the form's order)."""
    questions = [question for question in page.form_fields.all() if question.is_choice]
    answers = list(ConsultationResponse.objects.filter(page=page).values_list("form_data", flat=True))
    results = []
    for question in questions:
        tally = Counter()
        answered = 0
        for data in answers:
            picked = _as_list(data.get(question.clean_name), question.field_type)
            answered += bool(picked)
            tally.update(picked)
        if question.field_type == "checkbox":
            names = ["Yes", "No"]
        else:
            names = [
                value for value, _ in page.form_builder([question]).get_formatted_field_choices(question)
            ]
        names += sorted(set(tally) - set(names))  # answers to choices since removed
        total = len(answers)
        results.append(
            QuestionResult(
                question=question,
                answered=answered,
                counts=[
                    ChoiceCount(name, tally[name], round(100 * tally[name] / total, 1) if total else 0.0)
                    for name in names
                ],
            )
        )
    return len(answers), results


def free_text_rows(page):
    """The header and one row per response: its number, when it came and each free-text answer
    (spreadsheet safety is the writer's job)."""
    questions = [question for question in page.form_fields.all() if question.is_text]
    yield ["Response", "Received", *(question.label for question in questions)]
    for pk, submit_time, data in (
        ConsultationResponse.objects.filter(page=page)
        .order_by("submit_time", "pk")
        .values_list("pk", "submit_time", "form_data")
    ):
        yield [
            pk,
            submit_time.isoformat(timespec="seconds"),
            *(str(data.get(q.clean_name, "")) for q in questions),
        ]
