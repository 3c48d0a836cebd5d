"""Field validators shared by several apps' models."""

import pytest
from django.core.exceptions import ValidationError

from portal.core.validators import validate_time_zone


@pytest.mark.parametrize("name", ["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires"])
def test_known_time_zones_pass(name):
    assert validate_time_zone(name) is None


@pytest.mark.parametrize("name", ["", "Mars/Olympus_Mons", "../../etc/passwd", "Europe/Paris\x00", "CET+1"])
def test_anything_else_is_refused_with_an_example(name):
    with pytest.raises(ValidationError, match=r"is not a time zone, e\.g\. Europe/Paris or UTC"):
        validate_time_zone(name)
