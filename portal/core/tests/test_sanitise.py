import pytest

from portal.core.sanitise import clean_user_html, plain_user_text


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
    ("typed", "kept"),
    [
        ("<script>alert(1)</script>Hello", "alert(1)Hello"),
        ('<img src=x onerror="alert(1)">Evil & Co', "Evil & Co"),
        ("a < b and c > d", "a < b and c > d"),
        ("<!-- hidden -->Shown", "Shown"),
        ("Bell\x07 and\x00 NUL\x1b", "Bell and NUL"),
        ("Two\nlines\tand a tab", "Two\nlines\tand a tab"),
        ("  padded  ", "padded"),
        ("R&amp;D &amp; more", "R&D & more"),
        ("Bell\x07 and\x1b escape", "Bell and escape"),
        ("", ""),
        (None, ""),
    ],
)
def test_plain_user_text_keeps_only_the_words(typed, kept):
    assert plain_user_text(typed) == kept
