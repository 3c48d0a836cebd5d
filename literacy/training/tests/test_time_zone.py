import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires"])
def test_real_time_zones_are_accepted(session, name):
    session.time_zone = name
    session.full_clean()


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../../etc/passwd", "Europe/Paris\nX"])
def test_unknown_time_zones_are_refused(session, name):
    session.time_zone = name
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "time_zone" in error.value.message_dict


def test_editor_picks_the_time_zone_from_a_list(client, session):
    client.force_login(get_user_model().objects.create_superuser("tz@statistics.example", PASSWORD))
    html = client.get(f"/admin/pages/{session.pk}/edit/").content.decode()
    assert '<option value="UTC"' in html
    assert '<option value="Europe/Paris"' in html
