"""Local release alerts: follow an area (from the area list, or the "Follow <area>" link of its
page), confirm by email, and get one email per release with that area's figures, through a real
SMTP server, never before publication and never twice; manage it with the token links."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from datasets.models import Observation
from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
    ObservationFactory,
)
from newsletters import alerts, subscriptions
from newsletters.models import AreaAlert, Delivery, Sending, SignupRequest, Subscriber, TopicAlert
from newsletters.tests.test_release_alerts import (
    alerts_url,
    confirm_path,
    follower,
    published_dataset,
    signup_poster,
)
from portal.contacts.models import Consent, Touchpoint
from portal.core.mail import site_root_url


def area_follower(email, *codes, topics=()):
    subscriber = follower(email, *topics)
    AreaAlert.objects.bulk_create([AreaAlert(subscriber=subscriber, area_code=code) for code in codes])
    return subscriber


@pytest.fixture
def prices(db):
    """Consumer prices, public: the country (NAT) and North (R1) have figures; South (R2) is on
    the list without any; a second indicator has a figure for the country only."""
    version = published_dataset()
    areas = version.dataset.area_code_list
    CodeFactory(code_list=areas, code="R2", label="South", parent=areas.codes.get(code="NAT"), order=2)
    rents = IndicatorFactory(dataset=version.dataset, code="RENT", name="Rents index", unit="", decimals=1)
    ObservationFactory(
        version=version,
        indicator=rents,
        period="2026-10",
        period_start=datetime.date(2026, 10, 1),
        area=areas.codes.get(code="NAT"),
        value=Decimal("110.5"),
        status=Observation.PROVISIONAL,
    )
    return version


@pytest.fixture
def sign_up(client, newsletter_index, prices, django_capture_on_commit_callbacks):
    return signup_poster(client, newsletter_index, django_capture_on_commit_callbacks, areas=["R1"])


def publish(version, capture, previous=None):
    """What datasets.signals.publish_version sends, through the one module that may import it."""
    with capture(execute=True):
        alerts.version_published.send(sender=type(version), version=version, previous=previous)


# The form


def test_the_form_offers_the_areas_of_public_datasets_once_each(client, newsletter_index, prices):
    hidden = AreaListFactory(slug="hidden-areas", name="Hidden areas")
    DatasetVersionFactory(dataset=DatasetFactory(slug="secret", area_code_list=hidden), published_at=None)
    CodeFactory(code_list=hidden, code="X9", label="Hidden town", order=9)
    response = client.get(alerts_url(newsletter_index))
    html = BeautifulSoup(response.content, "html.parser")
    assert [box["value"] for box in html.select('input[name="areas"]')] == ["NAT", "R1", "R2"]
    assert b"Hidden town" not in response.content
    assert html.find("legend", string=lambda text: text and "Areas to follow" in text)
    assert not html.select('input[name="areas"][checked]')
    assert alerts.area_choices() == [("NAT", "Country"), ("R1", "North"), ("R2", "South")]


def test_an_area_link_comes_with_the_area_ticked(client, newsletter_index, prices):
    response = client.get(alerts_url(newsletter_index) + "?area=R1")
    html = BeautifulSoup(response.content, "html.parser")
    assert [box["value"] for box in html.select('input[name="areas"][checked]')] == ["R1"]
    assert html.find("h2", string="Follow North")


@pytest.mark.parametrize("code", ["ZZ", "<script>alert(1)</script>", "R1" * 40])
def test_an_unknown_area_in_the_link_is_named_and_nothing_is_ticked(client, newsletter_index, prices, code):
    response = client.get(alerts_url(newsletter_index), {"area": code})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    notice = html.select_one(".notice")
    assert "We do not publish figures for an area with the code" in notice.text
    assert code[:50] in notice.text
    assert b"<script>alert(1)" not in response.content
    assert not html.select('input[name="areas"][checked]')


def test_the_follow_link_goes_to_the_form_with_the_area(client, newsletter_index, prices):
    response = client.get("/en/email/follow-area/?area=R1")
    assert response.status_code == 302
    assert response["Location"] == alerts_url(newsletter_index) + "?area=R1"
    assert client.get("/en/email/follow-area/")["Location"] == alerts_url(newsletter_index)
    assert client.post("/en/email/follow-area/?area=R1").status_code == 405


def test_the_area_page_links_to_follow_it(client, newsletter_index, prices):
    response = client.get("/en/areas/R1/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    link = html.find("a", href="/en/email/follow-area/?area=R1")
    assert link is not None and "Follow North" in link.text


# Double opt-in


def test_following_an_area_is_confirmed_and_logged_in_the_user_database(
    sign_up, client, smtp_sink, newsletter_index
):
    response = sign_up(areas=["R1", "NAT"])
    assert response.status_code == 302
    assert not AreaAlert.objects.exists()  # nothing until the link is clicked
    [message] = smtp_sink.messages
    assert "Area alerts: North (R1)" in message.text
    assert "Area alerts: Country (NAT)" in message.text
    path = confirm_path(message)
    assert b"Area alerts: North (R1)" in client.get(path).content
    client.post(path)
    subscriber = Subscriber.objects.get()
    assert sorted(subscriber.area_alerts.values_list("area_code", flat=True)) == ["NAT", "R1"]
    assert not subscriber.topic_alerts.exists() and not subscriber.subscriptions.exists()
    consent = Consent.objects.get(contact=subscriber.contact)
    assert (consent.purpose, consent.granted) == ("release_alerts", True)
    assert consent.wording == newsletter_index.alerts_consent_text
    assert "Area alerts: R1" in Touchpoint.objects.get(contact=subscriber.contact).detail


def test_a_topic_and_an_area_in_one_sign_up(sign_up, client, smtp_sink):
    sign_up(topics=["Prices"], areas=["R1"])
    client.post(confirm_path(smtp_sink.messages[0]))
    subscriber = Subscriber.objects.get()
    assert list(subscriber.topic_alerts.values_list("topic", flat=True)) == ["Prices"]
    assert list(subscriber.area_alerts.values_list("area_code", flat=True)) == ["R1"]


def test_following_an_area_twice_keeps_one(sign_up, client, smtp_sink):
    area_follower("reporter@example.org", "R1")
    sign_up(areas=["R1", "R1"])
    sign_up()
    for message in smtp_sink.messages:
        client.post(confirm_path(message))
    assert list(AreaAlert.objects.values_list("area_code", flat=True)) == ["R1"]
    assert SignupRequest.objects.first().areas == ["R1"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"areas": []}, "Choose at least one topic or area."),
        ({"areas": ["ZZ"]}, "not one we publish figures for"),
        ({"areas": ["<script>alert(1)</script>"]}, "not one we publish figures for"),
        ({"areas": ["NAT", "R1", "R2", "R1", "NAT", "R2"]}, None),  # duplicates count once
        ({"areas": ["R1"], "email": "not-an-address"}, "Enter a valid email address."),
    ],
)
def test_bad_areas_are_named_and_nothing_is_kept(sign_up, smtp_sink, fields, message):
    response = sign_up(**fields)
    if message is None:
        assert response.status_code == 302
        assert SignupRequest.objects.get().areas == ["NAT", "R1", "R2"]
        return
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    assert message in summary.text
    assert b"<script>alert(1)" not in response.content
    assert not SignupRequest.objects.exists()
    assert not smtp_sink.messages


def test_too_many_areas_are_refused(sign_up, smtp_sink, monkeypatch, prices):
    monkeypatch.setattr(alerts, "MAX_AREAS", 2)
    response = sign_up(areas=["NAT", "R1", "R2"])
    assert response.status_code == 400
    assert (
        "Choose at most 2 areas."
        in BeautifulSoup(response.content, "html.parser").select_one(".error-summary").text
    )
    assert not SignupRequest.objects.exists()


def test_a_nul_byte_in_an_area_is_refused(sign_up, smtp_sink):
    assert sign_up(areas=["R1\x00"]).status_code == 400
    assert not SignupRequest.objects.exists()


def test_an_expired_or_forged_link_follows_nothing(sign_up, client, smtp_sink, settings):
    import time_machine

    sign_up()
    path = confirm_path(smtp_sink.messages[0])
    assert client.post(path.replace("/en/email/confirm/", "/en/email/confirm/x")).status_code == 400
    later = timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_MAX_AGE + 60)
    with time_machine.travel(later):
        assert client.post(path).status_code == 410
    assert not AreaAlert.objects.exists()


def test_the_service_refuses_a_sign_up_without_topics_or_areas(db):
    with pytest.raises(ValueError):
        subscriptions.request_alert_signup(
            "a@example.org", topics=[], areas=[" "], consent_wording="I agree."
        )


# What the data layer says (datasets.figures, read through newsletters.alerts, its one reader)


def test_figures_of_an_area_say_not_available_never_zero(prices):
    assert alerts.areas_in_version(prices) == [("NAT", "Country"), ("R1", "North")]
    figures = alerts.area_headline_figures(prices, ["R1", "NAT"])
    assert figures["R1"][0]["value"] == "99.9" and figures["R1"][0]["period"]
    assert figures["R1"][1] == {
        "indicator": "Rents index",
        "period": "",
        "value": "not available",
        "unit": "",
        "status": "",
        "number": None,
        "decimals": 1,
        "period_code": "",
    }
    assert (figures["NAT"][1]["value"], figures["NAT"][1]["status"]) == ("110.5", "provisional")


def test_an_embargoed_version_reveals_no_area(db):
    secret = published_dataset(published=False)
    assert alerts.areas_in_version(secret) == []
    assert alerts.area_headline_figures(secret, ["R1"]) == {}


# Sending


@pytest.fixture
def followers(db, lists):
    people = {
        "north": area_follower("north@example.org", "R1"),
        "country": area_follower("country@example.org", "NAT"),
        "both": area_follower("both@example.org", "R1", "NAT"),
        "south": area_follower("south@example.org", "R2"),  # no figures for South in this version
        "topic": area_follower("topic@example.org", "R1", topics=["Prices"]),
        "gone": area_follower("gone@example.org", "R1"),
    }
    subscriptions.unsubscribe(people["gone"])
    AreaAlert.objects.create(subscriber=people["gone"], area_code="R1")  # left behind: still not sent
    return people


def test_followers_get_one_email_with_their_areas_figures(
    prices, followers, smtp_sink, django_capture_on_commit_callbacks
):
    publish(prices, django_capture_on_commit_callbacks)
    publish(prices, django_capture_on_commit_callbacks)  # a second signal sends nothing twice
    area_emails = [message for message in smtp_sink.messages if message.subject.startswith("New figures for")]
    assert sorted(recipient for message in area_emails for recipient in message.rcpt_tos) == [
        "both@example.org",
        "country@example.org",
        "north@example.org",
        "topic@example.org",
    ]
    [north] = smtp_sink.sent_to("north@example.org")
    assert north.subject == "New figures for North: Consumer prices"
    assert "Consumer price index" in north.text and "99.9" in north.text
    assert "Rents index: not available" in north.text
    assert "Rents index: 0" not in north.text
    assert site_root_url() + "/en/areas/R1/" in north.links
    assert "You get this email because you asked for release alerts on North." in north.text
    # Someone following two areas of the release gets one email covering both.
    [both] = smtp_sink.sent_to("both@example.org")
    assert both.subject == "New figures for Country and 1 more: Consumer prices"
    assert "110.5" in both.text and "99.9" in both.text
    # Someone following a topic and an area gets two distinct emails: the national one and the local one.
    subjects = sorted(message.subject for message in smtp_sink.sent_to("topic@example.org"))
    assert subjects == ["New figures for North: Consumer prices", "New figures: Consumer prices"]
    assert not smtp_sink.sent_to("south@example.org")
    assert not smtp_sink.sent_to("gone@example.org")
    assert Sending.objects.exclude(alert_key="").count() == 3  # NAT, NAT+R1, R1
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_nothing_is_sent_for_an_embargoed_version(followers, smtp_sink, django_capture_on_commit_callbacks):
    version = published_dataset(published=False)
    publish(version, django_capture_on_commit_callbacks)
    version.published_at = timezone.now() + datetime.timedelta(minutes=5)
    version.save()
    publish(version, django_capture_on_commit_callbacks)
    assert alerts.area_alerts_for_version(version) == []
    assert not Sending.objects.exists()
    assert not smtp_sink.messages


def test_a_revision_says_revised(prices, followers, smtp_sink, django_capture_on_commit_callbacks):
    second = DatasetVersionFactory(dataset=prices.dataset, number=2, published_at=timezone.now())
    ObservationFactory(
        version=second,
        indicator=prices.dataset.indicators.get(code="CPI"),
        period="2026-11",
        period_start=datetime.date(2026, 11, 1),
        area=prices.dataset.area_code_list.codes.get(code="R1"),
        value=Decimal("100.3"),
    )
    publish(second, django_capture_on_commit_callbacks, previous=prices)
    [north] = smtp_sink.sent_to("north@example.org")
    assert "Revised figures are out" in north.text and "100.3" in north.text
    assert not smtp_sink.sent_to("country@example.org")  # version 2 has no national figure


def test_hostile_area_names_are_escaped_and_the_subject_stays_on_one_line(
    prices, smtp_sink, lists, django_capture_on_commit_callbacks
):
    prices.dataset.area_code_list.codes.filter(code="R1").update(label="<script>x</script>\r\nBcc: a@b.c")
    area_follower("north@example.org", "R1")
    publish(prices, django_capture_on_commit_callbacks)
    [message] = smtp_sink.sent_to("north@example.org")
    assert "\n" not in message.subject and message.message["Bcc"] is None
    assert "<script>x</script>" not in message.html


def test_creating_the_alerts_takes_the_same_queries_for_2_or_20_followers(
    prices, lists, django_capture_on_commit_callbacks
):
    def queries(count, first):
        for n in range(first, first + count):
            area_follower(f"north{n}@example.org", "R1")
        Sending.objects.all().delete()
        with CaptureQueriesContext(connection) as context:
            sendings = alerts.area_alerts_for_version(prices)
        assert [sending.alert_key for sending in sendings] == ["R1"]
        return len(context.captured_queries)

    assert queries(2, 0) == queries(18, 2)


# Managing


def test_the_preference_centre_drops_an_area_and_skips_what_is_queued(
    client, newsletter_index, prices, followers
):
    subscriber = followers["both"]
    url = f"/en/email/preferences/{subscriber.token}/"
    html = BeautifulSoup(client.get(url).content, "html.parser")
    assert sorted(box["value"] for box in html.select('input[name="areas"][checked]')) == ["NAT", "R1"]
    assert html.find("label", string=lambda text: text and "North" in text)
    sending = Sending.objects.create(
        alert_version_id=prices.pk, alert_key="R1", alert={"topics": [], "areas": [{"code": "R1"}]}
    )
    queued = Delivery.objects.create(sending=sending, contact=subscriber.contact)
    response = client.post(url, {"areas": ["NAT"], "frequency": "every_issue", "user_group": ""})
    assert b"Your choices are saved." in response.content
    assert list(subscriber.area_alerts.values_list("area_code", flat=True)) == ["NAT"]
    withdrawn = Consent.objects.get(contact=subscriber.contact, granted=False)
    assert (withdrawn.purpose, withdrawn.wording) == ("release_alerts", "Stopped area alerts for: R1.")
    queued.refresh_from_db()
    assert queued.status == Delivery.Status.SKIPPED


def test_an_area_not_followed_cannot_be_added_in_the_preference_centre(client, newsletter_index, followers):
    subscriber = followers["north"]
    response = client.post(
        f"/en/email/preferences/{subscriber.token}/",
        {"areas": ["R1", "R2"], "frequency": "every_issue", "user_group": ""},
    )
    assert b"not one we publish figures for" in response.content
    assert list(subscriber.area_alerts.values_list("area_code", flat=True)) == ["R1"]


def test_unticking_the_last_area_unsubscribes(client, newsletter_index, followers):
    subscriber = followers["north"]
    response = client.post(f"/en/email/preferences/{subscriber.token}/", {"frequency": "every_issue"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert not subscriber.area_alerts.exists()


def test_unsubscribe_stops_area_alerts_and_a_forged_token_manages_nothing(
    client, newsletter_index, followers
):
    assert client.get("/en/email/preferences/forged-token/").status_code == 404
    assert client.post("/en/email/unsubscribe/forged-token/").status_code == 404
    client.post(f"/en/email/unsubscribe/{followers['north'].token}/")
    assert not followers["north"].area_alerts.exists()
    assert AreaAlert.objects.filter(subscriber=followers["both"]).count() == 2


def test_personal_data_lists_the_areas_and_erasing_removes_them(followers):
    assert subscriptions.personal_data(followers["both"])["area_alerts"] == ["NAT", "R1"]
    subscriptions.erase(followers["both"])
    assert not AreaAlert.objects.filter(subscriber__contact__email="both@example.org").exists()
    assert AreaAlert.objects.filter(area_code="NAT").count() == 1  # the country's follower keeps it
    assert TopicAlert.objects.filter(topic="Prices").exists()


def test_the_form_is_valid_html_with_an_area_chosen_unknown_or_with_errors(client, newsletter_index, prices):
    from tests.html_validator import validate

    url = alerts_url(newsletter_index)
    errors = client.post(url, {"areas": ["ZZ", "R1"], "email": "x"})
    assert errors.status_code == 400
    pages = {
        "chosen": client.get(url + "?area=R1").content,
        "unknown": client.get(url + "?area=ZZ").content,
        "errors": errors.content,
    }
    assert not validate(pages)
