"""Release alerts: sign up for a data topic (double opt-in, consent logged), manage it with the
token links, and get one email through a real SMTP server when a release of the topic goes out,
never before its minute and never twice."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
    ObservationFactory,
)
from newsletters import subscriptions
from newsletters.models import SignupRequest, Subscriber, TopicAlert
from newsletters.tests.factories import SubscriberFactory
from portal.contacts.models import Consent, Touchpoint
from portal.core.mail import site_root_url
from tests.queries import queries_for


def published_dataset(title="Consumer prices", topics="Prices, Economy", slug=None, published=True):
    """A dataset with one indicator and a version (published an hour ago unless told not to):
    the index for the country and a region, in two periods."""
    areas = AreaListFactory()
    country = CodeFactory(code_list=areas, code="NAT", label="Country", order=0)
    region = CodeFactory(code_list=areas, code="R1", label="North", parent=country, order=1)
    dataset = DatasetFactory(
        title=title, slug=slug or title.lower().replace(" ", "-")[:50], topics=topics, area_code_list=areas
    )
    indicator = IndicatorFactory(
        dataset=dataset, code="CPI", name="Consumer price index", unit="", decimals=1
    )
    at = timezone.now() - datetime.timedelta(hours=1) if published else None
    version = DatasetVersionFactory(dataset=dataset, number=1, published_at=at)
    for period, start, value, area in (
        ("2026-09", datetime.date(2026, 9, 1), "101.2", country),
        ("2026-10", datetime.date(2026, 10, 1), "102.4", country),
        ("2026-10", datetime.date(2026, 10, 1), "99.9", region),
    ):
        ObservationFactory(
            version=version,
            indicator=indicator,
            period=period,
            period_start=start,
            area=area,
            value=Decimal(value),
        )
    return version


def follower(email, *topics):
    subscriber = SubscriberFactory(email=email)
    TopicAlert.objects.bulk_create([TopicAlert(subscriber=subscriber, topic=topic) for topic in topics])
    return subscriber


def alerts_url(index):
    return index.url + index.reverse_subpage("release_alerts")


def received(sink):
    return sorted(recipient for message in sink.messages for recipient in message.rcpt_tos)


def confirm_path(message):
    [link] = [link for link in message.links if "/en/email/confirm/" in link]
    return link.removeprefix(site_root_url())


@pytest.fixture
def prices(db):
    return published_dataset()


def signup_poster(client, index, capture, **defaults):
    """POST the release-alerts form with these defaults (and the fields given), running what
    waits for the commit (the confirmation email)."""

    def post(**fields):
        data = {"email": "Reporter@Example.org", "consent": "on", **defaults, **fields}
        with capture(execute=True):
            return client.post(alerts_url(index), data)

    return post


@pytest.fixture
def sign_up(client, newsletter_index, prices, django_capture_on_commit_callbacks):
    return signup_poster(client, newsletter_index, django_capture_on_commit_callbacks, topics=["Prices"])


# The sign-up page


def test_the_page_offers_the_topics_of_public_datasets_only(client, newsletter_index, prices):
    published_dataset(title="Secret survey", topics="Embargoed topic", published=False)
    response = client.get(alerts_url(newsletter_index))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    offered = [box["value"] for box in html.select('input[name="topics"]')]
    assert offered == ["Economy", "Prices"]
    assert b"Embargoed topic" not in response.content
    assert html.find("legend", string=lambda text: text and "Topics to follow" in text)
    consent = html.find("input", attrs={"name": "consent"})
    assert newsletter_index.alerts_consent_text in html.find("label", attrs={"for": consent["id"]}).text
    assert html.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert "private" in response["Cache-Control"]


def test_with_no_public_data_the_page_says_alerts_open_later(client, newsletter_index, db):
    response = client.get(alerts_url(newsletter_index))
    assert b"Release alerts open once our first figures are out." in response.content
    assert b'name="topics"' not in response.content


def test_the_newsletter_page_links_to_release_alerts(client, newsletter_index, lists):
    response = client.get(newsletter_index.url)
    assert alerts_url(newsletter_index).encode() in response.content


def test_hostile_topic_names_are_escaped(client, newsletter_index, db):
    published_dataset(title="Odd", topics='<script>alert("x")</script>')
    response = client.get(alerts_url(newsletter_index))
    assert b"<script>alert" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_the_page_reads_topics_and_areas_in_constant_queries_whatever_the_number_of_datasets(
    client, newsletter_index, db
):
    published_dataset(title="Prices 0", topics="Prices")
    few = queries_for(client, alerts_url(newsletter_index))
    for n in range(1, 8):
        version = published_dataset(title=f"Prices {n}", topics=f"Topic {n}, Prices")
        CodeFactory(code_list=version.dataset.area_code_list, code=f"M{n}", label=f"Town {n}", order=5)
    assert queries_for(client, alerts_url(newsletter_index)) == few
    response = client.get(alerts_url(newsletter_index))
    assert response.content.count(b'name="topics"') == 8
    assert response.content.count(b'name="areas"') == 9  # NAT, R1 (each once) and seven towns


# Double opt-in


def test_sign_up_confirm_and_consent_is_logged(sign_up, client, smtp_sink, newsletter_index):
    response = sign_up(topics=["Prices", "Economy"])
    assert response.status_code == 302
    assert response["Location"].endswith("/check-your-email/")
    assert not Subscriber.objects.exists()  # nothing until the link is clicked
    [message] = smtp_sink.messages
    assert message.rcpt_tos == ("reporter@example.org",)
    assert "Release alerts: Prices" in message.text
    assert "Release alerts: Economy" in message.text

    path = confirm_path(message)
    page = client.get(path)
    assert b"Release alerts: Prices" in page.content
    assert not Subscriber.objects.exists()  # a mail scanner opening the link subscribes nobody
    done = client.post(path)
    assert b"You are subscribed" in done.content
    subscriber = Subscriber.objects.get()
    assert sorted(subscriber.topic_alerts.values_list("topic", flat=True)) == ["Economy", "Prices"]
    assert not subscriber.subscriptions.exists()
    consent = Consent.objects.get(contact=subscriber.contact)
    assert (consent.purpose, consent.granted) == ("release_alerts", True)
    assert consent.wording == newsletter_index.alerts_consent_text
    touchpoint = Touchpoint.objects.get(contact=subscriber.contact)
    assert "Release alerts: Prices" in touchpoint.detail
    assert sorted(subscriber.contact.topics.names()) == ["Economy", "Prices"]
    # The link works once.
    assert b"This link has been used" in client.post(path).content
    assert TopicAlert.objects.count() == 2


def test_a_duplicate_sign_up_gets_the_same_answer_and_changes_nothing_twice(sign_up, client, smtp_sink):
    follower("reporter@example.org", "Prices")
    first, second = sign_up(), sign_up()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    for message in smtp_sink.messages:
        client.post(confirm_path(message))
    assert list(TopicAlert.objects.values_list("topic", flat=True)) == ["Prices"]
    assert Subscriber.objects.count() == 1


def test_confirming_alerts_keeps_the_newsletter_pace_and_lists(sign_up, client, smtp_sink, lists):
    subscriber = SubscriberFactory(email="reporter@example.org", lists=[lists["monthly"]])
    Subscriber.objects.filter(pk=subscriber.pk).update(frequency="monthly")
    sign_up()
    client.post(confirm_path(smtp_sink.messages[0]))
    subscriber.refresh_from_db()
    assert subscriber.frequency == "monthly"
    assert list(subscriber.subscriptions.values_list("newsletter_list", flat=True)) == [lists["monthly"].pk]
    assert list(subscriber.topic_alerts.values_list("topic", flat=True)) == ["Prices"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"email": ""}, "Enter your email address."),
        ({"email": "a" * 250 + "@example.org"}, "at most 254 characters"),
        ({"topics": []}, "Choose at least one topic or area."),
        ({"topics": ["Astrology"]}, "not offered any more"),
        ({"topics": ["<script>alert(1)</script>"]}, "not offered any more"),
        ({"consent": ""}, "so that we can send you release alerts"),
    ],
)
def test_bad_input_is_named_and_nothing_is_kept(sign_up, smtp_sink, fields, message):
    response = sign_up(**fields)
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    summary = html.select_one(".error-summary")
    assert summary is not None
    assert message in summary.text
    assert b"<script>alert(1)" not in response.content
    assert not SignupRequest.objects.exists()
    assert not smtp_sink.messages


@pytest.mark.parametrize("fields", [{"email": "reporter\x00@example.org"}, {"topics": ["Prices\x00"]}])
def test_a_nul_byte_is_refused_and_nothing_is_kept(sign_up, smtp_sink, fields):
    assert sign_up(**fields).status_code == 400  # the site refuses NUL bytes in any request
    assert not SignupRequest.objects.exists()
    assert not smtp_sink.messages


def test_what_was_typed_is_kept_after_an_error(sign_up):
    response = sign_up(email="reporter@example.org", consent="")
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "email"})["value"] == "reporter@example.org"
    assert html.find("input", attrs={"name": "topics", "value": "Prices"}).has_attr("checked")


def test_the_form_needs_its_csrf_token(newsletter_index, prices, db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        alerts_url(newsletter_index), {"email": "a@example.org", "topics": ["Prices"], "consent": "on"}
    )
    assert response.status_code == 403
    assert not SignupRequest.objects.exists()


def test_sign_ups_are_rate_limited(sign_up, settings, smtp_sink):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "newsletter_signup": "2/m/key"}
    assert [sign_up(email="same@example.org").status_code for _ in range(3)] == [302, 302, 429]
    assert SignupRequest.objects.count() == 2


def test_an_expired_or_forged_link_subscribes_nobody(sign_up, client, smtp_sink, settings):
    sign_up()
    path = confirm_path(smtp_sink.messages[0])
    forged = path.replace("/en/email/confirm/", "/en/email/confirm/x")
    assert client.post(forged).status_code == 400
    later = timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_MAX_AGE + 60)
    with time_machine.travel(later):
        assert client.post(path).status_code == 410
    assert not TopicAlert.objects.exists()
    assert not Subscriber.objects.exists()


def test_the_service_refuses_a_sign_up_without_topics(db):
    with pytest.raises(ValueError):
        subscriptions.request_alert_signup("a@example.org", topics=["  ", ""], consent_wording="I agree.")
