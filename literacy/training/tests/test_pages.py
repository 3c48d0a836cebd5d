"""The public training pages: listings and filters, a session's page, registering and cancelling."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client

from home.tests.factories import StandardPageFactory
from literacy.training import services as training
from literacy.training.models import Registration, SessionMaterial, TrainingIndexPage
from portal.contacts.models import Contact
from portal.core.vocabularies import UserGroup
from tests.queries import counts

from .conftest import in_days

pytestmark = pytest.mark.django_db
Status = Registration.Status
JOINING_LINK = "https://meet.example/j/secret-room"


def form_data(**fields):
    data = {
        "name": "Rita Reporter",
        "email": "reporter@news.example",
        "organisation": "Daily News",
        "role": "Economics reporter",
        "user_group": "media",
        "accessibility_needs": "Step-free access",
        "questions": "How are seasonal adjustments made?",
        "consent": "on",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def titles(response):
    return re.findall(r'class="session-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def register_url(session):
    return session.url + "register/"


# The list of upcoming sessions


def test_index_lists_upcoming_live_sessions_in_date_order(client, make_session, training_index):
    make_session(title="Later", starts_at=in_days(20))
    make_session(title="Sooner", starts_at=in_days(3))
    make_session(title="Already held", starts_at=in_days(-3))
    make_session(title="Unpublished").unpublish()
    response = client.get(training_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Later"]
    assert "2 upcoming sessions" in response.content.decode()
    assert 'href="/en/training/past/"' in response.content.decode()


def test_cards_say_how_many_places_are_left_and_when_full(client, make_session, person, training_index):
    roomy = make_session(title="Roomy", capacity=3)
    full = make_session(title="Packed", capacity=1)
    training.register(roomy, **person())
    training.register(full, **person())
    make_session(title="Called off", cancelled=True)
    html = client.get(training_index.url).content.decode()
    assert "2 places left" in html
    assert "Full: join the waitlist" in html
    assert "This session has been cancelled." in html


def test_listing_runs_a_fixed_number_of_queries(
    client, make_session, training_index, django_assert_max_num_queries
):
    for number in range(3):
        make_session(title=f"Session {number}")
    client.get(training_index.url)  # warm caches (site root paths, settings)
    with django_assert_max_num_queries(25) as few:
        client.get(training_index.url)
    for number in range(3, 8):
        make_session(title=f"Session {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(training_index.url)


def test_a_session_the_past_sessions_and_the_calendar_do_not_grow_with_registrations(
    make_session, training_index, person
):
    upcoming = make_session(title="Upcoming", capacity=100)
    past = make_session(title="Held", starts_at=in_days(-20))
    urls = [training_index.url + "past/", training_index.url + "calendar/", upcoming.url, past.url]

    def add(first, last):
        for number in range(first, last):
            training.register(upcoming, **person(email=f"reader{number}@news.example"))
            make_session(title=f"Held {number}", starts_at=in_days(-30 - number))

    add(0, 2)
    few = counts(urls)
    add(2, 14)
    many = counts(urls)
    assert many == few, f"queries with 2 and with 14 registrations and past sessions: {few}, {many}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("audience=media", ["Journalists basic", "Everyone advanced online"]),
        ("audience=teachers_and_students", ["Teachers intermediate", "Everyone advanced online"]),
        ("level=intermediate", ["Teachers intermediate"]),
        ("format=online", ["Everyone advanced online"]),
        ("audience=media&level=advanced", ["Everyone advanced online"]),
        ("month=NEXT", ["Everyone advanced online"]),
        ("audience=aliens&level=expert&format=smoke&month=2026-13", None),  # unknown values are ignored
        ("month=2099-01", None),  # a month without sessions is not a listing of its own
        ("month=1999-12", None),
        ("month=" + "9" * 400, None),
    ],
)
def test_filters(client, make_session, training_index, query, expected):
    make_session(title="Journalists basic", starts_at=in_days(2))
    make_session(
        title="Teachers intermediate",
        audience=UserGroup.TEACHERS_AND_STUDENTS,
        level="intermediate",
        starts_at=in_days(3),
    )
    late = make_session(
        title="Everyone advanced online",
        audience="",
        level="advanced",
        format="online",
        address="",
        joining_link=JOINING_LINK,
        starts_at=in_days(70),
    )
    query = query.replace("NEXT", late.starts_at.strftime("%Y-%m"))
    response = client.get(f"{training_index.url}?{query}")
    assert response.status_code == 200
    everything = ["Journalists basic", "Teachers intermediate", "Everyone advanced online"]
    assert titles(response) == (everything if expected is None else expected)


def test_filters_keep_their_selection_and_offer_months_with_sessions(client, make_session, training_index):
    session = make_session(audience=UserGroup.TEACHERS_AND_STUDENTS)
    month = session.starts_at.strftime("%Y-%m")
    html = client.get(f"{training_index.url}?audience=teachers_and_students&month={month}").content.decode()
    assert '<option value="teachers_and_students" selected>' in html
    assert f'<option value="{month}" selected>' in html
    assert "1 upcoming session for teachers and students" in html
    assert "Including sessions open to everyone." in html
    assert '<form class="filters" method="get"' in html


def test_pagination_keeps_the_filters(client, make_session, training_index):
    for day in range(1, 13):
        make_session(title=f"Session {day:02}", starts_at=in_days(day))
    first = client.get(f"{training_index.url}?audience=media")
    assert len(titles(first)) == 10
    assert "Page 1 of 2" in first.content.decode()
    assert 'href="?audience=media&amp;page=2"' in first.content.decode()
    second = client.get(f"{training_index.url}?audience=media&page=2")
    assert titles(second) == ["Session 11", "Session 12"]
    assert titles(client.get(f"{training_index.url}?page=99")) == ["Session 11", "Session 12"]


def test_honest_empty_states(client, make_session, training_index):
    html = client.get(training_index.url).content.decode()
    assert "No sessions are planned at the moment." in html
    assert "past/" not in html
    make_session(audience=UserGroup.TEACHERS_AND_STUDENTS)
    html = client.get(f"{training_index.url}?audience=researchers").content.decode()
    assert "0 upcoming sessions" in html
    assert "No upcoming sessions match these filters." in html
    html = client.get(training_index.url + "past/").content.decode()
    assert "No sessions have taken place yet." in html


def test_past_sessions_show_only_materials_for_everyone(client, make_session, training_index):
    session = make_session(title="Held last month", starts_at=in_days(-30))
    SessionMaterial.objects.create(session=session, title="Slides", url="https://files.example/slides.pdf")
    SessionMaterial.objects.create(
        session=session,
        title="Recording",
        url="https://files.example/recording",
        visibility=SessionMaterial.Visibility.REGISTRANTS,
    )
    make_session(title="Coming up")
    make_session(title="Called off", starts_at=in_days(-10), cancelled=True)
    response = client.get(training_index.url + "past/")
    html = response.content.decode()
    assert titles(response) == ["Held last month"]
    assert '<a href="https://files.example/slides.pdf">Slides</a>' in html
    assert "files.example/recording" not in html
    session_html = client.get(session.url).content.decode()
    assert "slides.pdf" in session_html and "files.example/recording" not in session_html


# A session's page


def test_session_page_shows_what_a_journalist_needs(client, make_session, training_index):
    guide = StandardPageFactory(parent=training_index.get_parent(), title="Getting to Statistics House")
    session = make_session(
        starts_at=in_days(12, hour=9),
        capacity=12,
        registration_deadline=in_days(10),
        preparation=[("page", guide)],
    )
    html = client.get(session.url).content.decode()
    start = session.starts_at.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    for text in (
        session.title,
        "For media",
        "Basic level",
        "In person",
        f"{start:%H:%M} to",
        "(Europe/Paris time, CET)",
        "1 hour 30 minutes",
        "Statistics House",
        "1 Census Street, Capital City",
        'href="https://maps.example/statistics-house"',
        "Ana Trainer, Head of Prices",
        "12 of 12 left",
        "Registration closes on",
        f'href="{guide.url}"',
        training_index.consent_text,
        f'action="{session.url}register/#register"',
    ):
        assert text in html, text


def test_online_session_page_never_shows_the_joining_link(client, make_session, person, training_index):
    session = make_session(format="online", address="", venue_name="", joining_link=JOINING_LINK)
    html = client.get(session.url).content.decode()
    assert "Online: the joining link is sent to registered people" in html
    assert "meet.example" not in html
    response = client.post(register_url(session), form_data(), follow=True)
    assert "You have a place" in response.content.decode()
    registration = Registration.objects.get()
    for url in (
        session.url,
        training_index.url,
        training_index.url + "past/",
        f"{session.url}cancel/{registration.token}/",
    ):
        assert "meet.example" not in client.get(url).content.decode(), url
    assert "meet.example" not in response.content.decode()


def test_full_session_offers_the_waitlist(client, make_session, person):
    session = make_session(capacity=1)
    training.register(session, **person("first@news.example"))
    html = client.get(session.url).content.decode()
    assert "This session is full. Register to join the waitlist" in html
    assert ">Join the waitlist</button>" in html


def test_session_needing_approval_says_so(client, make_session):
    html = client.get(make_session(requires_approval=True).url).content.decode()
    assert "The training team approves each place" in html
    assert ">Request a place</button>" in html


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"registration_deadline": in_days(-1)}, "Registration closed on"),
        ({"starts_at": in_days(-2)}, "This session has already taken place."),
        ({"cancelled": True, "cancellation_note": "The trainer is ill."}, "This session has been cancelled."),
    ],
)
def test_closed_sessions_say_why_and_show_no_form(client, make_session, fields, reason):
    session = make_session(**fields)
    html = client.get(session.url).content.decode()
    assert reason in html
    assert '<form class="form"' not in html
    response = client.post(register_url(session), form_data())
    assert response.status_code == 409
    assert reason in response.content.decode()
    assert not Registration.objects.exists()
    assert not Contact.objects.filter(email="reporter@news.example").exists()


# Registering


@pytest.mark.parametrize(
    ("setup", "heading"),
    [
        ({}, "You have a place"),
        ({"capacity": 0}, "You are on the waitlist"),
        ({"requires_approval": True}, "Your request is awaiting approval"),
    ],
)
def test_registering_leads_to_a_page_saying_where_they_stand(client, make_session, setup, heading):
    session = make_session(**setup)
    response = client.post(register_url(session), form_data())
    assert response.status_code == 302
    assert response["Location"] == session.url + "registered/"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "reporter@news.example" in html
    assert page["Cache-Control"].startswith("max-age=0")
    registration = Registration.objects.get()
    assert (registration.name, registration.organisation, registration.accessibility_needs) == (
        "Rita Reporter",
        "Daily News",
        "Step-free access",
    )
    if setup.get("capacity") == 0:
        assert "You are number 1 on the waitlist" in html


def test_registered_page_without_a_registration_goes_back_to_the_session(client, session):
    response = client.get(session.url + "registered/")
    assert response.status_code == 302
    assert response["Location"] == session.url


def test_register_route_only_takes_posts(client, session):
    response = client.get(register_url(session))
    assert response.status_code == 302
    assert response["Location"] == session.url + "#register"


def test_errors_keep_what_was_typed_and_are_summarised(client, session):
    response = client.post(
        register_url(session), form_data(email="not an email", consent=None, questions="Keep <this>")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert '<a href="#id_email">Email address: Enter a valid email address.</a>' in html
    assert '<a href="#id_consent">Please agree to this so that we can register you.</a>' in html
    assert 'value="Rita Reporter"' in html
    assert 'value="not an email"' in html
    assert "Keep &lt;this&gt;</textarea>" in html
    assert 'aria-invalid="true"' in html
    assert not Registration.objects.exists()


@pytest.mark.parametrize("field", ["name", "organisation", "role"])
def test_line_breaks_in_one_line_fields_are_refused(client, session, field):
    response = client.post(register_url(session), form_data(**{field: "Eve\r\nBcc: victim@example.org"}))
    assert response.status_code == 200
    assert f"Enter your {field} on one line." in response.content.decode()
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_duplicate_email_in_another_case_is_refused_on_the_form(client, session, person):
    training.register(session, **person())
    response = client.post(register_url(session), form_data(email="  REPORTER@news.example "))
    assert response.status_code == 200
    assert "This email address is already registered for this session." in response.content.decode()
    assert Registration.objects.count() == 1


def test_consent_wording_changed_while_filling_in_must_be_agreed_again(client, session, training_index):
    html = client.get(session.url).content.decode()
    version = re.search(r'name="consent_version" value="([0-9a-f]+)"', html).group(1)
    TrainingIndexPage.objects.filter(pk=training_index.pk).update(consent_text="New wording.")
    response = client.post(register_url(session), form_data(consent_version=version))
    assert "The wording of this agreement changed" in response.content.decode()
    assert not Registration.objects.exists()
    client.post(
        register_url(session),
        form_data(
            consent_version=re.search(
                r'name="consent_version" value="([0-9a-f]+)"', response.content.decode()
            ).group(1)
        ),
    )
    assert Contact.objects.get(email="reporter@news.example").consents.get().wording == "New wording."


def test_registrations_are_rate_limited_per_address(client, make_session):
    sessions = [make_session(title=f"Session {number}") for number in range(4)]
    codes = [client.post(register_url(s), form_data()).status_code for s in sessions]
    assert codes == [302, 302, 302, 429]
    assert Registration.objects.count() == 3


def test_posting_needs_the_csrf_token(session):
    response = Client(enforce_csrf_checks=True).post(register_url(session), form_data())
    assert response.status_code == 403
    assert not Registration.objects.exists()


# Cancelling from the email link


def cancel_url(registration):
    return f"{registration.session.url}cancel/{registration.token}/"


def test_cancel_link_asks_then_cancels_then_says_so(client, make_session, person):
    session = make_session(capacity=1)
    registration = training.register(session, **person())
    waiting = training.register(session, **person("next@news.example"))
    response = client.get(cancel_url(registration))
    html = response.content.decode()
    assert "<h1>Cancel your registration?</h1>" in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED, "opening the link changes nothing"

    response = client.post(cancel_url(registration))
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Your registration is cancelled. We have emailed you a confirmation." in html
    assert "<h1>This registration is cancelled</h1>" in html
    assert "register again" in html
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.status, waiting.status) == (Status.CANCELLED, Status.CONFIRMED)

    again = client.post(cancel_url(registration))
    assert again.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_guessed_or_foreign_token_is_a_404_and_changes_nothing(client, make_session, person, method):
    session = make_session()
    other_session = make_session(title="Another")
    mine = training.register(session, **person())
    theirs = training.register(other_session, **person("someone@else.example"))
    for url in (
        f"{session.url}cancel/{'A' * 43}/",
        f"{session.url}cancel/{mine.token[:-1]}/",
        f"{session.url}cancel/{theirs.token}/",  # a real token, on another session's page
    ):
        assert getattr(client, method)(url).status_code == 404, url
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.CONFIRMED}


def test_cancelling_needs_the_csrf_token(session, person):
    registration = training.register(session, **person())
    response = Client(enforce_csrf_checks=True).post(cancel_url(registration))
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_too_late_to_cancel_once_started(client, make_session, person):
    session = make_session()
    registration = training.register(session, **person())
    type(session).objects.filter(pk=session.pk).update(starts_at=in_days(-1))
    assert "<h1>This session has started</h1>" in client.get(cancel_url(registration)).content.decode()
    assert client.post(cancel_url(registration)).status_code == 409
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_declined_registration_link_says_so(client, make_session, person):
    session = make_session(requires_approval=True)
    registration = training.register(session, **person())
    training.decline(registration, reason="Accredited media only")
    html = client.get(cancel_url(registration)).content.decode()
    assert "<h1>This registration was declined</h1>" in html
