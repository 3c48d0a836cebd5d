"""What a page shows of a question: the prompt and the choices before it is answered, and the
feedback (with the right answer and why) only after.

Templates get these objects, never the question block's value, so that nothing about the right
answer can slip into the page before the learner has answered.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from .blocks import QUESTION_TYPES
from .scoring import display_order


@dataclass
class Feedback:
    correct: bool
    your_answer: list
    right_answer: list
    explanation: str
    notes: list = field(default_factory=list)  # the chosen options' own feedback


@dataclass
class Question:
    id: str
    kind: str
    number: int
    prompt: str
    choices: list  # (value, text) pairs: option indexes, or ordering slots
    unit: str = ""
    feedback: Feedback | None = None
    error: str = ""  # why the answer sent could not be scored
    selected: list = field(default_factory=list)  # what the learner sent, to keep on an error
    positions: dict = field(default_factory=dict)

    @property
    def options(self):
        """The choices with what the learner sent, kept when the answer has to be sent again."""
        return [
            {
                "value": value,
                "text": text,
                "checked": str(value) in self.selected,
                "position": self.positions.get(value, ""),
            }
            for value, text in self.choices
        ]

    @property
    def positions_available(self):
        return range(1, len(self.choices) + 1)

    @property
    def typed(self):
        return self.selected[0] if self.selected else ""

    @property
    def template(self):
        return f"modules/questions/{self.kind}.html"


def is_question(block):
    return block.block_type in QUESTION_TYPES


def _answer_texts(block, answer):
    value = block.value
    if block.block_type == "numeric":
        return [f"{answer} {value['unit']}".strip()]
    if block.block_type == "ordering":
        return [value["items"][i] for i in answer if 0 <= i < len(value["items"])]
    indexes = answer if isinstance(answer, list) else [answer]
    return [value["options"][i]["text"] for i in indexes if 0 <= i < len(value["options"])]


def _right_texts(block):
    value = block.value
    if block.block_type == "numeric":
        answer = f"{value['answer'].normalize():f} {value['unit']}".strip()
        if value["tolerance"]:
            answer += " " + gettext("(answers within %(tolerance)s of it count)") % {
                "tolerance": f"{value['tolerance'].normalize():f}"
            }
        return [answer]
    if block.block_type == "ordering":
        return list(value["items"])
    return [option["text"] for option in value["options"] if option["correct"]]


def feedback_for(block, stored):
    """The feedback for a stored answer ({"answer": ..., "correct": bool})."""
    answer = stored["answer"]
    notes = []
    if block.block_type in ("single_choice", "multiple_choice"):
        indexes = answer if isinstance(answer, list) else [answer]
        options = block.value["options"]
        notes = [options[i]["feedback"] for i in indexes if 0 <= i < len(options) and options[i]["feedback"]]
    return Feedback(
        correct=stored["correct"],
        your_answer=_answer_texts(block, answer),
        right_answer=_right_texts(block),
        explanation=block.value["explanation"],
        notes=notes,
    )


def question_for(block, number, stored=None):
    value = block.value
    if block.block_type == "ordering":
        items = value["items"]
        choices = [(slot, items[item]) for slot, item in enumerate(display_order(block.id, len(items)))]
    elif block.block_type == "numeric":
        choices = []
    else:
        choices = [(index, option["text"]) for index, option in enumerate(value["options"])]
    return Question(
        id=block.id,
        kind=block.block_type,
        number=number,
        prompt=value["prompt"],
        choices=choices,
        unit=value.get("unit", "") if block.block_type == "numeric" else "",
        feedback=feedback_for(block, stored) if stored else None,
    )


def questions_in(stream):
    """The question blocks of a stream, in order."""
    return [block for block in stream if is_question(block)]


def find_question(stream, question_id):
    """The question block with this id in this stream, or None (e.g. an id from another page)."""
    for block in stream:
        if is_question(block) and block.id == question_id:
            return block
    return None
