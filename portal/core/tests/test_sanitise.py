import pytest

from portal.core.sanitise import clean_user_html, clean_user_text


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<p onclick="alert(1)">hi</p>',
        "<style>body{display:none}</style>",
        '<iframe src="https://evil.example"></iframe>',
        "<svg><script>alert(1)</script></svg>",
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    ],
)
def test_hostile_markup_is_neutralised(hostile):
    cleaned = clean_user_html(hostile)
    for marker in ("<script", "onerror", "onclick", "javascript:", "<style", "<iframe", "<svg", "data:"):
        assert marker not in cleaned.lower()


def test_formatting_subset_survives():
    html = "<p><strong>Bold</strong> and <em>italic</em></p><ul><li>one</li></ul><blockquote>q</blockquote>"
    assert clean_user_html(html) == html


def test_links_are_marked_as_user_content():
    cleaned = clean_user_html('<a href="https://statistics.example/cpi">CPI</a>')
    assert 'href="https://statistics.example/cpi"' in cleaned
    assert 'rel="nofollow ugc noopener"' in cleaned


def test_bare_urls_become_marked_links():
    cleaned = clean_user_html("<p>See https://data.statistics.org/jobs for more</p>")
    assert '<a href="https://data.statistics.org/jobs" rel="nofollow ugc noopener">' in cleaned


def test_user_cannot_override_rel():
    cleaned = clean_user_html('<a href="https://a.example" rel="dofollow">a</a>')
    assert cleaned.count("rel=") == 1
    assert 'rel="nofollow ugc noopener"' in cleaned


@pytest.mark.parametrize("empty", ["", None])
def test_empty_input_gives_empty_output(empty):
    assert clean_user_html(empty) == ""


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ('<script>alert("x")</script>Hi', 'alert("x")Hi'),
        ('<img src=x onerror="steal()">Photo', "Photo"),
        ("<!-- hidden -->Shown", "Shown"),
        ("R&amp;D &amp; more", "R&D & more"),
        ("Bell\x07 and\x1b escape", "Bell and escape"),
        ("Line one\nLine two\tTabbed", "Line one\nLine two\tTabbed"),
        ("2 < 3 and 5 > 4", "2 < 3 and 5 > 4"),
        ("", ""),
        (None, ""),
    ],
)
def test_user_text_keeps_words_and_loses_markup_and_control_characters(text, plain):
    assert clean_user_text(text) == plain
