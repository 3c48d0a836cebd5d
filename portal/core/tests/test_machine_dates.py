"""<time datetime="..."> holds a valid HTML date or global date and time: never microseconds,
which Django's "c" format adds and the Nu HTML Checker rejects."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template

from portal.core.templatetags.machine_dates import machine_datetime

VALID = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def test_aware_times_lose_their_microseconds_and_keep_the_offset(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = datetime.datetime(2026, 3, 1, 9, 5, 7, 123456, tzinfo=datetime.UTC)
    assert machine_datetime(moment) == "2026-03-01T10:05:07+01:00"
    assert VALID.match(machine_datetime(moment))


@pytest.mark.parametrize("value", [None, "", "2026-01-01", datetime.date(2026, 1, 1)])
def test_anything_but_a_datetime_gives_an_empty_attribute(value):
    assert machine_datetime(value) == ""


def test_in_a_template():
    moment = datetime.datetime(2026, 3, 1, 9, 5, 7, 999, tzinfo=datetime.UTC)
    html = Template('{% load machine_dates %}<time datetime="{{ when|machine_datetime }}">').render(
        Context({"when": moment})
    )
    assert html == '<time datetime="2026-03-01T09:05:07+00:00">'


def test_no_template_writes_a_datetime_attribute_with_microseconds():
    """Every datetime attribute uses machine_datetime or a plain date (Y-m-d) or month (Y-m)
    format, both valid HTML."""
    root = Path(settings.BASE_DIR)
    offenders = []
    for template in root.glob("**/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        for number, line in enumerate(template.read_text().splitlines(), 1):
            # A sentence in {% blocktranslate with when=...|machine_datetime %} names its value.
            bound = {
                f"{{{{ {name} }}}}": value for name, value in re.findall(r"(\w+)=(\S+)", line) if "|" in value
            }
            for attribute in re.findall(r'datetime="([^"]*)"', line):
                attribute = bound.get(attribute, attribute)
                plain = "date:'Y-m-d'" in attribute or "date:'Y-m'" in attribute
                if "machine_datetime" not in attribute and not plain:
                    offenders.append(f"{template.relative_to(root)}:{number}: {attribute}")
    assert offenders == []
