"""Finds user-visible English written outside Django's translation functions.

Every label, heading, message and email goes through gettext so that French and Arabic readers
get them in their language (docs/languages.md). Templates: text nodes and the attributes people
read or hear (alt, title, aria-label, placeholder, button values, the page description) outside
``{% translate %}`` and ``{% blocktranslate %}``; plain-text email templates: every line with
words. Python: the strings Django and Wagtail show people (labels, help texts, verbose names,
choice labels, validation errors, flash messages, email subjects) when they are literals instead
of ``gettext``/``gettext_lazy`` calls.
"""

import ast
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parent.parent
APP_DIRS = (
    "portal",
    "home",
    "stories",
    "literacy",
    "forums",
    "newsletters",
    "feedback",
    "datasets",
    "trust",
    "consultations",
    "api",
    "areas",
    "ambassadors",
    "satisfaction",
)
# Folders whose files are not shown to the site's visitors or editors: tests, migrations,
# operators' commands, settings, and the format modules.
SKIPPED_PARTS = {"tests", "migrations", "management", "settings", "formats", "locale", "static"}
# A word: two letters in a row, in any script.
WORD = re.compile(r"[^\W\d_]{2,}")
READ_ATTRIBUTES = {"alt", "title", "aria-label", "aria-description", "placeholder", "aria-roledescription"}
# Inside these elements the text is code or data, not prose.
CODE_ELEMENTS = {"script", "style", "code", "pre", "svg", "math", "kbd", "samp"}
# What a template tag leaves behind: a space keeps tags split by template tags parseable.
PLACEHOLDER = " "
# Blocks whose text is translated (blocktranslate), or never shown (comment, verbatim code).
SKIPPED_BLOCKS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
    "verbatim": "endverbatim",
}
TRANSLATION_FUNCTIONS = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
    "format_lazy",
}
# Keyword arguments whose text Django, Wagtail or the forms show to people.
SHOWN_KEYWORDS = {
    "label",
    "help_text",
    "verbose_name",
    "verbose_name_plural",
    "heading",
    "empty_label",
    "subject",
    "menu_label",
    "placeholder",
    "message",
}
MESSAGE_FUNCTIONS = {"success", "error", "info", "warning", "debug", "add_message"}
SHOWN_META_ATTRIBUTES = {"verbose_name", "verbose_name_plural"}
CHOICES_BASES = {"TextChoices", "IntegerChoices", "Choices"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.text!r}"


def has_words(text):
    return bool(WORD.search(text))


def template_source_without_translations(source):
    """The template with its translated parts blanked and every tag replaced by a placeholder.

    Lines are kept, so a finding's line number is the template's.
    """
    pieces = []
    skipped_by = None
    for token in Lexer(source).tokenize():
        raw = source_of(token)
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            if skipped_by is None and name in SKIPPED_BLOCKS:
                skipped_by = SKIPPED_BLOCKS[name]
            elif name == skipped_by:
                skipped_by = None
        if token.token_type == TokenType.TEXT and skipped_by is None:
            pieces.append(raw)
        else:
            pieces.append(PLACEHOLDER + "\n" * raw.count("\n"))
    return "".join(pieces)


def source_of(token):
    starts = {TokenType.VAR: ("{{", "}}"), TokenType.BLOCK: ("{%", "%}"), TokenType.COMMENT: ("{#", "#}")}
    if token.token_type in starts:
        opening, closing = starts[token.token_type]
        return f"{opening} {token.contents} {closing}"
    return token.contents


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.code_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in CODE_ELEMENTS:
            self.code_depth += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if value and self._is_read(tag, name, attributes) and has_words(value):
                self.found.append((self.getpos()[0], value))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in CODE_ELEMENTS:
            self.code_depth -= 1

    def handle_endtag(self, tag):
        if tag in CODE_ELEMENTS and self.code_depth:
            self.code_depth -= 1

    def handle_data(self, data):
        if not self.code_depth and has_words(data):
            self.found.append((self.getpos()[0], data.strip()))

    @staticmethod
    def _is_read(tag, name, attributes):
        if name in READ_ATTRIBUTES:
            return True
        if name == "value" and tag in {"input", "button"}:
            return attributes.get("type") in {"submit", "button", "reset"}
        return name == "content" and attributes.get("name") == "description"


def untranslated_in_template(path):
    source = path.read_text(encoding="utf-8")
    blanked = template_source_without_translations(source)
    if path.suffix == ".txt":
        lines = blanked.splitlines()
        return [(number, line.strip()) for number, line in enumerate(lines, 1) if has_words(line)]
    parser = _VisibleText()
    parser.feed(blanked)
    parser.close()
    return parser.found


def name_of(node):
    """The last name of a dotted expression (``forms.ValidationError`` is ``ValidationError``)."""
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


class _ShownLiterals(ast.NodeVisitor):
    def __init__(self):
        self.found = []
        self.class_bases = []

    def visit_ClassDef(self, node):
        bases = {name_of(base) for base in node.bases}
        self.class_bases.append((node.name, bases))
        self.generic_visit(node)
        self.class_bases.pop()

    def visit_Assign(self, node):
        if self.class_bases:
            name, bases = self.class_bases[-1]
            targets = {target.id for target in node.targets if isinstance(target, ast.Name)}
            if name == "Meta" and targets & SHOWN_META_ATTRIBUTES:
                self._check(node.value)
            if bases & CHOICES_BASES and isinstance(node.value, ast.Tuple) and len(node.value.elts) >= 2:
                self._check(node.value.elts[-1])
        self.generic_visit(node)

    def visit_Call(self, node):
        function = node.func
        name = name_of(function)
        if name in TRANSLATION_FUNCTIONS:
            return
        for keyword in node.keywords:
            if keyword.arg in SHOWN_KEYWORDS:
                self._check(keyword.value)
            if keyword.arg == "error_messages" and isinstance(keyword.value, ast.Dict):
                for value in keyword.value.values:
                    self._check(value)
            if keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
                for pair in keyword.value.elts:
                    if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                        self._check(pair.elts[1])
        if name == "ValidationError" and node.args:
            self._check(node.args[0])
        is_message = isinstance(function, ast.Attribute) and name_of(function.value) == "messages"
        if is_message and name in MESSAGE_FUNCTIONS and len(node.args) >= 2:
            self._check(node.args[-1])
        if name == "add_error" and len(node.args) >= 2:
            self._check(node.args[1])
        self.generic_visit(node)

    def _check(self, value):
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and has_words(value.value):
            self.found.append((value.lineno, value.value))
        elif isinstance(value, ast.JoinedStr):
            text = "".join(part.value for part in value.values if isinstance(part, ast.Constant))
            if has_words(text):
                self.found.append((value.lineno, text))
        elif isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mod):
            self._check(value.left)


def untranslated_in_python(path):
    visitor = _ShownLiterals()
    visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return visitor.found


def project_files(suffixes, root=ROOT):
    for app in APP_DIRS:
        for path in sorted((root / app).rglob("*")):
            if path.suffix in suffixes and not SKIPPED_PARTS & set(path.relative_to(root).parts):
                yield path


def template_files(root=ROOT):
    return (path for path in project_files({".html", ".txt"}, root) if "templates" in path.parts)


def python_files(root=ROOT):
    return project_files({".py"}, root)


def untranslated_text(root=ROOT):
    """Every finding in the project's templates and Python modules."""
    checks = [(path, untranslated_in_template) for path in template_files(root)]
    checks += [(path, untranslated_in_python) for path in python_files(root)]
    return [
        Finding(str(path.relative_to(root)), line, text)
        for path, check in checks
        for line, text in check(path)
    ]
