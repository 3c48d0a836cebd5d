"""A consultation's life: upcoming → open → closed → outcome published, with the clock moved
(freezegun); what the page shows in each state, answers refused outside the open window, and
the editor's checks on dates and on the outcome's three parts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time
from wagtail.test.utils.form_data import rich_text

from consultations.models import ConsultationResponse, State
from consultations.tests.factories import ConsultationPageFactory
from portal.contacts.forms import wording_fingerprint

pytestmark = pytest.mark.django_db

OPENS = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)
CLOSES = datetime.datetime(2027, 3, 31, 17, 0, tzinfo=datetime.UTC)
OUTCOME = {
    "we_asked": "<p>We asked 400 users how they read prices.</p>",
    "you_said": "<p>Most of you wanted regional tables.</p>",
    "we_did": "<p>We now publish prices by region every month.</p>",
}


@pytest.fixture
def dated(index_page):
    return ConsultationPageFactory(parent=index_page, opens_at=OPENS, closes_at=CLOSES)


def answer(client, page):
    return client.post(
        page.url,
        {
            "q_how_often_do_you_use_our_figures": "Every week",
            "consent_version": wording_fingerprint(page.consent_text),
        },
    )


def publish_outcome(page, **parts):
    for name, value in (parts or OUTCOME).items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_before_opening_the_page_says_when_it_opens_and_refuses_answers(client, dated):
    with freeze_time(OPENS - datetime.timedelta(minutes=1)):
        assert dated.state() == State.UPCOMING
        page = client.get(dated.url)
        html = page.content.decode()
        assert "This consultation opens on" in html and "1 March 2027, 09:00" in html
        assert "consultation__form" not in html
        refused = answer(client, dated)
    assert refused.status_code == 403
    assert "This consultation is not open yet" in refused.content.decode()
    assert not ConsultationResponse.objects.exists()


def test_while_open_the_form_takes_answers(client, dated):
    with freeze_time(OPENS):
        assert dated.state() == State.OPEN
        assert 'class="form consultation__form"' in client.get(dated.url).content.decode()
        assert answer(client, dated).status_code == 302
    assert ConsultationResponse.objects.count() == 1


def test_after_closing_the_page_says_so_and_refuses_answers_sent_from_an_old_form(client, dated):
    with freeze_time(OPENS + datetime.timedelta(days=1)):
        form_page = client.get(dated.url)  # the form is open in someone's browser…
    assert form_page.status_code == 200
    with freeze_time(CLOSES):  # …and sent the moment it closes
        assert dated.state() == State.CLOSED
        refused = answer(client, dated)
        html = client.get(dated.url).content.decode()
    assert refused.status_code == 403
    assert "closed on 31 March 2027, 17:00, so we can no longer accept answers" in refused.content.decode()
    assert not ConsultationResponse.objects.exists()
    assert "This consultation closed on" in html and "consultation__form" not in html
    assert "We asked, you said, we did" not in html  # no outcome yet


def test_the_published_outcome_shows_its_three_parts_once_closed(client, dated):
    publish_outcome(dated)
    with freeze_time(CLOSES - datetime.timedelta(seconds=1)):
        assert dated.state() == State.OPEN  # an outcome written early waits for the close
        assert "Most of you wanted regional tables." not in client.get(dated.url).content.decode()
    with freeze_time(CLOSES + datetime.timedelta(days=40)):
        assert dated.state() == State.OUTCOME
        html = client.get(dated.url).content.decode()
    assert "We asked, you said, we did" in html
    for text in (
        "We asked 400 users",
        "Most of you wanted regional tables.",
        "We now publish prices by region",
    ):
        assert text in html


def test_the_whole_life_in_order(dated):
    seen = []
    for moment in (OPENS - datetime.timedelta(days=1), OPENS, CLOSES, CLOSES + datetime.timedelta(days=30)):
        if moment > CLOSES:
            publish_outcome(dated)
        seen.append(dated.state(moment))
    assert seen == [State.UPCOMING, State.OPEN, State.CLOSED, State.OUTCOME]


def test_a_consultation_must_close_after_it_opens(index_page):
    page = ConsultationPageFactory.build(opens_at=CLOSES, closes_at=OPENS)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "must close after it opens" in str(error.value.message_dict["closes_at"])
    page.closes_at = page.opens_at
    with pytest.raises(ValidationError):
        page.clean()


def test_the_outcome_has_all_three_parts_or_none(dated):
    dated.we_asked = OUTCOME["we_asked"]
    with pytest.raises(ValidationError) as error:
        dated.clean()
    assert set(error.value.message_dict) == {"you_said", "we_did"}
    dated.you_said, dated.we_did = OUTCOME["you_said"], "  "
    with pytest.raises(ValidationError):
        dated.clean()
    dated.we_did = OUTCOME["we_did"]
    dated.clean()
    assert dated.has_outcome


def test_the_editor_sees_the_questionnaire_in_the_admin(superuser_client, dated):
    response = superuser_client.get(f"/admin/pages/{dated.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "How often do you use our figures?" in html and "Outcome: we asked, you said, we did" in html


def test_an_editor_can_add_a_consultation_with_questions_in_the_admin(superuser_client, index_page):
    from consultations.models import ConsultationPage

    data = {
        "title": "Census questions",
        "slug": "census-questions",
        "opens_at": "2027-01-01 09:00",
        "closes_at": "2027-02-01 09:00",
        "summary": "Which questions should the next census ask?",
        "intro": rich_text(""),
        "consent_text": "I agree.",
        "thank_you_text": "Thanks.",
        "we_asked": rich_text(""),
        "you_said": rich_text(""),
        "we_did": rich_text(""),
        "form_fields-TOTAL_FORMS": "1",
        "form_fields-INITIAL_FORMS": "0",
        "form_fields-MIN_NUM_FORMS": "0",
        "form_fields-MAX_NUM_FORMS": "1000",
        "form_fields-0-label": "Should we ask about languages?",
        "form_fields-0-help_text": "",
        "form_fields-0-required": "on",
        "form_fields-0-field_type": "radio",
        "form_fields-0-choices": "Yes\nNo",
        "form_fields-0-default_value": "",
        "form_fields-0-ORDER": "1",
    }
    response = superuser_client.post(
        f"/admin/pages/add/consultations/consultationpage/{index_page.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ConsultationPage.objects.get(slug="census-questions")
    assert [field.clean_name for field in page.form_fields.all()] == ["q_should_we_ask_about_languages"]
    data.update(slug="census-questions-2", closes_at="2026-12-01 09:00")
    refused = superuser_client.post(f"/admin/pages/add/consultations/consultationpage/{index_page.pk}/", data)
    assert refused.status_code == 200 and "must close after it opens" in refused.content.decode()
