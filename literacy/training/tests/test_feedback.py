"""The attendees' survey (a tokenised page on the session) and what staff see of the answers."""

import datetime

import pytest
from bs4 import BeautifulSoup

from literacy.training.models import SessionFeedback
from portal.contacts.models import Touchpoint, TouchpointKind

from .staff_fixtures import move_session

pytestmark = pytest.mark.django_db

SUMMARY_URL = "/admin/literacy/feedback-summary/"
FEEDBACK_LIST_URL = "/admin/literacy/sessionfeedback/"
ENDED = -150 * datetime.timedelta(minutes=1)


def survey_url(registration):
    return registration.session.url + registration.session.reverse_subpage(
        "feedback", args=[registration.token]
    )


def page(response, status=200):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def attendee(session, make_registration):
    registration = make_registration(session, "came@example.org", name="Came Along", attended=True)
    move_session(session, starts_in=ENDED)
    registration.refresh_from_db()
    return registration


def test_the_survey_is_an_accessible_form(client, attendee):
    html = page(client.get(survey_url(attendee)))
    form = html.select_one("main form[method=post]")
    fieldset = form.select_one("fieldset")
    assert fieldset.legend.get_text(strip=True) == "How useful was the session for your work?"
    radios = fieldset.select('input[type="radio"][name="rating"]')
    assert [radio["value"] for radio in radios] == ["1", "2", "3", "4", "5"]
    for radio in radios:
        assert form.select_one(f'label[for="{radio["id"]}"]') is not None
    textarea = form.select_one("textarea[name=improve]")
    assert (
        form.select_one(f'label[for="{textarea["id"]}"]').get_text(strip=True)
        == "What could be better? (optional)"
    )
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not html.select("[style]") and not html.select("style")
    assert all(script.has_attr("src") for script in html.select("script"))


def test_an_answer_is_stored_once_and_can_be_changed(client, attendee):
    url = survey_url(attendee)
    response = client.post(url, {"rating": "4", "improve": "More time for questions."})
    assert response.status_code == 302 and response["Location"] == url
    feedback = SessionFeedback.objects.get(registration=attendee)
    assert (feedback.rating, feedback.improve) == (4, "More time for questions.")
    thanks = page(client.get(url))
    assert "Thank you: we have your feedback" in thanks.get_text()
    assert thanks.select_one('input[name="rating"][value="4"]').has_attr("checked")

    client.post(url, {"rating": "5", "improve": ""})
    assert SessionFeedback.objects.filter(registration=attendee).count() == 1
    feedback.refresh_from_db()
    assert (feedback.rating, feedback.improve) == (5, "")
    touchpoints = Touchpoint.objects.filter(contact__email="came@example.org", kind=TouchpointKind.FEEDBACK)
    assert touchpoints.count() == 1  # answering is one touchpoint, changing the answer is not another


@pytest.mark.parametrize("rating", ["0", "6", "four", "", "4.5"])
def test_a_rating_outside_1_to_5_is_refused(client, attendee, rating):
    html = page(client.post(survey_url(attendee), {"rating": rating, "improve": "x"}))
    summary = html.select_one(".error-summary")
    assert "Choose a rating from 1 to 5." in summary.get_text()
    assert summary.select_one('a[href="#id_rating_0"]') is not None
    assert html.select_one("fieldset.field--error") is not None
    assert not SessionFeedback.objects.exists()


def test_an_overlong_comment_is_refused(client, attendee):
    html = page(client.post(survey_url(attendee), {"rating": "3", "improve": "x" * 2001}))
    assert "at most 2000 characters" in html.select_one(".error-summary").get_text()
    assert not SessionFeedback.objects.exists()


def test_hostile_html_is_kept_as_text_and_escaped(client, superuser_client, attendee):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post(survey_url(attendee), {"rating": "2", "improve": hostile})
    assert SessionFeedback.objects.get().improve == hostile
    for response in (client.get(survey_url(attendee)), superuser_client.get(FEEDBACK_LIST_URL)):
        body = response.content.decode()
        assert hostile not in body
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


def test_a_bad_token_is_not_found(client, attendee, make_session, make_registration):
    base = attendee.session.url
    assert client.get(f"{base}feedback/not-a-real-token/").status_code == 404
    other_session = make_session(title="Another session")
    elsewhere = make_registration(other_session, "other@example.org", attended=True)
    assert client.get(f"{base}feedback/{elsewhere.token}/").status_code == 404
    assert client.post(f"{base}feedback/{elsewhere.token}/", {"rating": "5"}).status_code == 404
    assert not SessionFeedback.objects.exists()


@pytest.mark.parametrize(("attended", "says"), [(False, "does not show"), (None, "have not recorded")])
def test_people_who_did_not_attend_cannot_answer(client, session, make_registration, attended, says):
    registration = make_registration(session, "away@example.org", name="Stayed Away", attended=attended)
    move_session(session, starts_in=ENDED)
    url = survey_url(registration)
    html = page(client.get(url), status=403)
    assert says in html.get_text()
    assert html.select_one("form[method=post] input[name=rating]") is None
    assert client.post(url, {"rating": "5"}).status_code == 403
    assert not SessionFeedback.objects.exists()


def test_staff_see_counts_and_averages_per_session(client, comms_member, make_session, make_registration):
    answered = make_session(title="GDP explained")
    quiet = make_session(title="Census basics")
    ratings = [5, 4, 2]
    for index, rating in enumerate(ratings):
        registration = make_registration(answered, f"a{index}@example.org", attended=True)
        SessionFeedback.objects.create(registration=registration, rating=rating, improve=f"Comment {index}")
    make_registration(answered, "absent@example.org", attended=False)
    make_registration(quiet, "q@example.org", attended=True)
    move_session(answered, starts_in=-2 * datetime.timedelta(days=1))
    move_session(quiet, starts_in=-1 * datetime.timedelta(days=1))
    upcoming = make_session(title="Not yet")

    client.force_login(comms_member)
    html = page(client.get(SUMMARY_URL))
    rows = {
        row.th.get_text(strip=True): [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in html.select("table.listing tbody tr")
    }
    assert rows["GDP explained"][1:4] == ["3", "3", "3.7 out of 5"]
    assert rows["Census basics"][1:4] == ["1", "0", "No answers yet"]
    assert upcoming.title not in rows

    [link] = html.select("table.listing tbody a")  # only sessions with answers have one
    assert link.get_text(" ", strip=True) == "Read the answers for GDP explained"
    answers = client.get(link["href"]).content.decode()
    assert all(f"Comment {index}" in answers for index in range(3))
    other = make_registration(upcoming, "o@example.org", attended=True)
    SessionFeedback.objects.create(registration=other, rating=1, improve="Elsewhere")
    assert "Elsewhere" not in client.get(link["href"]).content.decode()


def test_the_summary_is_in_the_training_menu_only_for_those_who_may_see_it(client, comms_member, make_staff):
    client.force_login(comms_member)
    assert SUMMARY_URL in client.get("/admin/").content.decode()
    editor = make_staff("editor@statistics.example")
    client.force_login(editor)
    assert SUMMARY_URL not in client.get("/admin/").content.decode()
    assert client.get(SUMMARY_URL).status_code in (302, 403)


def test_feedback_cannot_be_edited_in_the_admin(superuser_client, attendee):
    feedback = SessionFeedback.objects.create(registration=attendee, rating=3)
    for url in (f"{FEEDBACK_LIST_URL}edit/{feedback.pk}/", f"{FEEDBACK_LIST_URL}delete/{feedback.pk}/"):
        assert superuser_client.get(url).status_code in (302, 403)
    assert superuser_client.get(f"{FEEDBACK_LIST_URL}inspect/{feedback.pk}/").status_code == 200
