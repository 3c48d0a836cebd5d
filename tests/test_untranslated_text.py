"""No user-visible English outside the translation functions (issue 21), and the check itself."""

import textwrap

import pytest

from tests.untranslated import untranslated_in_python, untranslated_in_template, untranslated_text


def template_findings(tmp_path, source, suffix=".html"):
    path = tmp_path / f"page{suffix}"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return [text for _line, text in untranslated_in_template(path)]


def python_findings(tmp_path, source):
    path = tmp_path / "module.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return [text for _line, text in untranslated_in_python(path)]


@pytest.mark.parametrize(
    "source",
    [
        '{% load i18n %}<h1>{% translate "Latest releases" %}</h1>',
        "<p>{% blocktranslate trimmed with name=n %}Hello {{ name }}{% endblocktranslate %}</p>",
        "{% comment %}Why this template exists.{% endcomment %}<p>{{ page.title }}</p>",
        "{# a note for developers #}<p>{{ value }}</p>",
        "<script>const label = 'chart';</script><style>.card { color: red }</style>",
        '<img src="x.png" alt="{{ image.alt }}"><input type="text" value="{{ form.q.value }}">',
        "<p>{{ count }} · 3 %</p>",
        '<a href="{% url "search" %}" class="button primary">{% translate "Search" %}</a>',
    ],
)
def test_translated_or_wordless_template_text_passes(tmp_path, source):
    assert template_findings(tmp_path, source) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<h1>Latest releases</h1>", "Latest releases"),
        ('<img src="x.png" alt="A bar chart">', "A bar chart"),
        ('<button aria-label="Close menu">&times;</button>', "Close menu"),
        ('<input type="submit" value="Send">', "Send"),
        ('<input type="search" placeholder="Find a dataset">', "Find a dataset"),
        ('<meta name="description" content="Official statistics">', "Official statistics"),
        ('<li{% if current %} aria-current="page"{% endif %}>Contact us</li>', "Contact us"),
        ("{% if x %}<p>Nothing found</p>{% endif %}", "Nothing found"),
        ("<p>Статистика</p>", "Статистика"),
    ],
)
def test_template_text_outside_translation_is_found(tmp_path, source, expected):
    assert template_findings(tmp_path, source) == [expected]


def test_plain_text_email_lines_are_checked(tmp_path):
    source = """\
        {% load i18n %}{% translate "Hello" %}
        Thank you for signing up.
        {{ url }}
        """
    assert template_findings(tmp_path, source, suffix=".txt") == ["Thank you for signing up."]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('forms.CharField(label="Your name")', ["Your name"]),
        ('forms.CharField(help_text=f"At most {limit} characters")', ["At most  characters"]),
        ('messages.success(request, "Saved")', ["Saved"]),
        ('raise ValidationError("Choose a date in the future.")', ["Choose a date in the future."]),
        ('raise ValidationError("Too many: %(n)s" % {"n": 3})', ["Too many: %(n)s"]),
        ('form.add_error("email", "Enter an email address.")', ["Enter an email address."]),
        ('models.CharField(choices=[("a", "Apples"), ("b", _("Bananas"))])', ["Apples"]),
        ('forms.CharField(error_messages={"required": "Enter it."})', ["Enter it."]),
        ('send(subject="Your certificate")', ["Your certificate"]),
        ("class Thing:\n    class Meta:\n        verbose_name = 'thing'", ["thing"]),
        ("class Tier(models.TextChoices):\n    BASIC = 'basic', 'Basic'", ["Basic"]),
    ],
)
def test_shown_python_literals_are_found(tmp_path, source, expected):
    assert python_findings(tmp_path, source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'forms.CharField(label=_("Your name"))',
        'messages.success(request, gettext("Saved"))',
        'raise ValidationError(_("Too many: %(n)s") % {"n": 3})',
        'logger.info("Sent %s emails", count)',
        'self.stdout.write("Imported 3 rows")',
        'forms.CharField(label="")',
        "class Tier(models.TextChoices):\n    BASIC = 'basic', _('Basic')",
        'messages.success(request, ngettext("%(n)s saved", "%(n)s saved", n) % {"n": n})',
    ],
)
def test_translated_or_operator_python_text_passes(tmp_path, source):
    assert python_findings(tmp_path, source) == []


def test_the_project_shows_no_english_outside_the_translation_functions():
    findings = [str(finding) for finding in untranslated_text()]
    assert findings == [], "\n".join(findings[:40])
