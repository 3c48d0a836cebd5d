"""The API's interface in French and Arabic: the key form, the guide page and Arabic's plural
forms come from the app's catalogue."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import ngettext, override

from api.forms import NewKeyForm
from api.models import ApiKey


def test_the_key_form_in_french_and_arabic():
    with override("fr"):
        form = NewKeyForm(user=None)
        assert str(form.fields["name"].label) == "Nom de la clé"
        assert str(form.fields["name"].help_text).startswith("L\u2019usage que vous en ferez")
    with override("ar"):
        assert str(NewKeyForm(user=None).fields["name"].label) == "اسم المفتاح"
    assert str(NewKeyForm(user=None).fields["name"].label) == "Name of the key"


def test_a_bad_key_name_is_refused_in_french():
    form = NewKeyForm({"name": "x"}, user=None)
    form.cleaned_data = {"name": "bad\x07name"}
    with override("fr"):
        with pytest.raises(ValidationError) as raised:
            form.clean_name()
        assert raised.value.messages == [
            "Utilisez uniquement des lettres, des chiffres, des espaces et de la ponctuation."
        ]


def test_the_model_names_in_french():
    with override("fr"):
        assert str(ApiKey._meta.verbose_name) == "clé d\u2019API"
        assert str(ApiKey._meta.get_field("digest").help_text) == "SHA-256 de la clé entière, en hexadécimal."


@pytest.mark.django_db
def test_the_guide_page_in_french(client):
    page = client.get(reverse("api_guide"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<h1>API de données ouvertes</h1>" in page
    assert "Interroger les observations" in page


def test_arabic_plural_forms_for_three_and_eleven_keys():
    singular = "You can have up to %(counter)s keys at a time, for example one per program."
    plural = "You can have up to %(counter)s keys at a time, for example one per program."
    with override("ar"):
        three = ngettext(singular, plural, 3) % {"counter": 3}
        eleven = ngettext(singular, plural, 11) % {"counter": 11}
    assert "3 مفاتيح" in three
    assert "11 مفتاحًا" in eleven


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "json", "json-stat", "sdmx-csv"])
def test_downloads_and_answers_keep_the_canonical_number_format_in_every_language(client, published, fmt):
    """People read "1 234,5" in French; a file or an API answer always says 1234.5."""
    from django.core.cache import cache

    from api.tests.helpers import BASE, body

    urls = [f"{BASE}/versions/1/download/{fmt}", f"{BASE}/observations?format={fmt}"]
    answers = {}
    for language in ["en-gb", "fr", "ar"]:
        cache.clear()  # each language's answer made afresh, not the first one kept
        with override(language):
            responses = [client.get(url) for url in urls]
        assert [response.status_code for response in responses] == [200, 200]
        answers[language] = [body(response) for response in responses]
    assert answers["fr"] == answers["en-gb"] == answers["ar"]
    assert b"1234.5" in answers["fr"][0] and b"1250.25" in answers["fr"][0]
