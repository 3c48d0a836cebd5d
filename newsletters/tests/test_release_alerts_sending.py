"""Release alerts going out: one email per follower of the released dataset's topics, through
the newsletter sending machinery and a real SMTP server, at the release's minute and only once;
and managing them with the token links."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from datasets.models import Release
from datasets.tests.factories import DatasetVersionFactory, ReleaseFactory
from newsletters import alerts, subscriptions
from newsletters.models import Delivery, Sending, TopicAlert
from newsletters.sending import recipient_contact_ids
from newsletters.tests.factories import SubscriberFactory
from newsletters.tests.test_release_alerts import follower, published_dataset, received
from portal.contacts.models import Consent
from portal.core.mail import site_root_url


@pytest.fixture
def followers(db, lists):
    """Two followers of Prices, one of Economy and Prices, one of Health, one unsubscribed."""
    people = {
        "prices": follower("prices@example.org", "Prices"),
        "both": follower("both@example.org", "Prices", "Economy"),
        "health": follower("health@example.org", "Health"),
        "gone": follower("gone@example.org", "Prices"),
    }
    SubscriberFactory(email="monthly@example.org", lists=[lists["monthly"]])
    subscriptions.unsubscribe(people["gone"])
    TopicAlert.objects.create(subscriber=people["gone"], topic="Prices")  # left behind: still not sent
    return people


@pytest.fixture
def due(db):
    """A confirmed release of Consumer prices at 09:30 tomorrow, its version still embargoed."""
    version = published_dataset(published=False)
    at = (timezone.now() + datetime.timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0)
    return ReleaseFactory(
        title="Consumer prices, October 2026",
        dataset=version.dataset,
        version=version,
        topic="Prices",
        status=Release.Status.CONFIRMED,
        announced_at=at,
    )


def run_releases(capture):
    with capture(execute=True):
        call_command("publish_due_releases", stdout=None)


def test_nothing_is_sent_before_the_minute_and_one_email_each_after(
    due, followers, smtp_sink, django_capture_on_commit_callbacks
):
    with time_machine.travel(due.announced_at - datetime.timedelta(seconds=1)):
        run_releases(django_capture_on_commit_callbacks)
    assert not Sending.objects.exists()
    assert not smtp_sink.messages

    with time_machine.travel(due.announced_at + datetime.timedelta(seconds=30)):
        run_releases(django_capture_on_commit_callbacks)
        run_releases(django_capture_on_commit_callbacks)  # the next minute's run: nothing twice
    assert received(smtp_sink) == ["both@example.org", "prices@example.org"]
    sending = Sending.objects.get()
    assert sending.issue is None
    assert sending.alert_version_id == due.version_id
    assert sending.status == Sending.Status.SENT
    assert set(sending.deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}

    [message] = smtp_sink.sent_to("prices@example.org")
    root = site_root_url()
    assert message.subject == "New figures: Consumer prices"
    assert "New figures are out." in message.text
    assert "Release: Consumer prices, October 2026" in message.text
    assert f"{root}/en/data/releases/{due.pk}/" in message.text
    assert f"{root}{due.dataset.get_absolute_url()}" in message.text
    # The headline figure: the latest period, for the country.
    assert "Consumer price index, Country (October 2026): 102.4" in message.text
    assert "99.9" not in message.text
    assert "101.2" not in message.text
    token = followers["prices"].token
    unsubscribe = f"{root}/en/email/unsubscribe/{token}/{sending.pk}/"
    assert str(message.message["List-Unsubscribe"]).strip() == f"<{unsubscribe}>"
    assert "release-alerts." in str(message.message["List-Id"])
    assert unsubscribe in message.text
    html = BeautifulSoup(message.html, "html.parser")
    assert html.find("a", href=unsubscribe)
    assert "102.4" in html.text
    assert followers["both"].token not in message.text + message.html


def test_a_revision_says_revised(followers, smtp_sink, django_capture_on_commit_callbacks):
    first = published_dataset()
    second = DatasetVersionFactory(dataset=first.dataset, number=2, published_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        # What datasets.signals.publish_version sends (the test reaches the signal through the
        # one module that may import it).
        alerts.version_published.send(sender=type(second), version=second, previous=first)
    [message] = smtp_sink.sent_to("prices@example.org")
    assert message.subject == "Revised figures: Consumer prices"
    assert "Revised figures are out" in message.text
    assert "(version 1)" in message.text


def test_a_version_triggers_one_alert_however_often_the_signal_comes(
    followers, smtp_sink, django_capture_on_commit_callbacks
):
    version = published_dataset()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            alerts.version_published.send(sender=type(version), version=version, previous=None)
    assert alerts.alert_for_version(version) is None
    assert Sending.objects.count() == 1
    assert received(smtp_sink) == ["both@example.org", "prices@example.org"]


def test_an_embargoed_version_sends_nothing(followers, smtp_sink, django_capture_on_commit_callbacks):
    version = published_dataset(published=False)
    with django_capture_on_commit_callbacks(execute=True):
        alerts.version_published.send(sender=type(version), version=version, previous=None)
        version.published_at = timezone.now() + datetime.timedelta(minutes=5)
        version.save()
        alerts.version_published.send(sender=type(version), version=version, previous=None)
    assert not Sending.objects.exists()
    assert not smtp_sink.messages


def test_a_dataset_without_topics_or_followers(followers, smtp_sink, django_capture_on_commit_callbacks):
    untagged = published_dataset(title="Untagged", topics="")
    nobody = published_dataset(title="Tourism", topics="Tourism")
    with django_capture_on_commit_callbacks(execute=True):
        alerts.alert_for_version(untagged)
        sending = alerts.alert_for_version(nobody)
    assert Sending.objects.get() == sending
    sending.refresh_from_db()
    assert (sending.status, sending.deliveries.count()) == (Sending.Status.SENT, 0)
    assert not smtp_sink.messages


def test_a_failing_alert_does_not_stop_the_release(due, monkeypatch, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(alerts, "alert_content", broken)
    with time_machine.travel(due.announced_at + datetime.timedelta(seconds=30)):
        run_releases(django_capture_on_commit_callbacks)
    due.refresh_from_db()
    assert due.status == Release.Status.PUBLISHED
    assert not Sending.objects.exists()


def test_hostile_titles_are_escaped_and_the_subject_stays_on_one_line(
    followers, smtp_sink, django_capture_on_commit_callbacks
):
    version = published_dataset(
        title='Prices <script>alert("x")</script>\r\nBcc: x@evil.example', slug="hostile"
    )
    with django_capture_on_commit_callbacks(execute=True):
        alerts.alert_for_version(version)
    [message] = smtp_sink.sent_to("prices@example.org")
    assert "\n" not in message.subject
    assert message.message["Bcc"] is None
    assert "<script>" not in message.html
    assert "&lt;script&gt;" in message.html


def test_alerts_do_not_count_against_the_monthly_pace(
    followers, lists, smtp_sink, django_capture_on_commit_callbacks
):
    monthly = follower("pace@example.org", "Prices")
    monthly.frequency = "monthly"
    monthly.save()
    monthly.subscriptions.create(newsletter_list=lists["monthly"])
    with django_capture_on_commit_callbacks(execute=True):
        alerts.alert_for_version(published_dataset())
    assert smtp_sink.sent_to("pace@example.org")
    assert monthly.contact_id in list(recipient_contact_ids([lists["monthly"].pk]))


# Managing alerts with the token links


def test_the_preference_centre_shows_and_changes_topics(client, newsletter_index, followers):
    published_dataset()
    subscriber = followers["both"]
    url = f"/en/email/preferences/{subscriber.token}/"
    html = BeautifulSoup(client.get(url).content, "html.parser")
    ticked = sorted(box["value"] for box in html.select('input[name="topics"][checked]'))
    assert ticked == ["Economy", "Prices"]

    response = client.post(url, {"topics": ["Economy"], "frequency": "every_issue", "user_group": ""})
    assert b"Your choices are saved." in response.content
    assert list(subscriber.topic_alerts.values_list("topic", flat=True)) == ["Economy"]
    withdrawn = Consent.objects.get(contact=subscriber.contact, granted=False)
    assert (withdrawn.purpose, withdrawn.wording) == ("release_alerts", "Stopped release alerts for: Prices.")
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None


def test_a_topic_no_longer_offered_can_still_be_dropped(client, newsletter_index, followers):
    subscriber = followers["health"]  # no public dataset has Health
    url = f"/en/email/preferences/{subscriber.token}/"
    html = BeautifulSoup(client.get(url).content, "html.parser")
    assert html.find("input", attrs={"name": "topics", "value": "Health"}).has_attr("checked")
    response = client.post(url, {"frequency": "every_issue", "user_group": ""})
    assert response.status_code == 302  # nothing left: unsubscribed
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert not subscriber.topic_alerts.exists()


def test_an_unknown_topic_in_the_preference_centre_is_refused(client, newsletter_index, followers):
    published_dataset()
    subscriber = followers["prices"]
    response = client.post(
        f"/en/email/preferences/{subscriber.token}/",
        {"topics": ["Prices", "<b>Astrology</b>"], "frequency": "every_issue", "user_group": ""},
    )
    assert b"not offered any more" in response.content
    assert b"<b>Astrology" not in response.content
    assert list(subscriber.topic_alerts.values_list("topic", flat=True)) == ["Prices"]


def test_the_alerts_unsubscribe_link_stops_them_and_skips_what_is_queued(client, newsletter_index, followers):
    version = published_dataset()
    sending = Sending.objects.create(
        alert_version_id=version.pk, alert={"subject": "New figures", "topics": ["Prices"]}
    )
    queued = Delivery.objects.create(sending=sending, contact=followers["prices"].contact)
    kept = Delivery.objects.create(sending=sending, contact=followers["both"].contact)
    response = client.post(f"/en/email/unsubscribe/{followers['prices'].token}/{sending.pk}/")
    assert b"You are unsubscribed" in response.content
    assert not followers["prices"].topic_alerts.exists()
    queued.refresh_from_db()
    assert queued.status == Delivery.Status.SKIPPED
    sending.refresh_from_db()
    assert sending.unsubscribes == 1
    # Dropping one topic skips only the alerts of topics no longer followed.
    subscriptions.update_preferences(
        followers["both"], lists=[], frequency="every_issue", user_group="", topics=["Economy"]
    )
    kept.refresh_from_db()
    assert kept.status == Delivery.Status.SKIPPED


def test_a_forged_token_manages_nothing(client, newsletter_index, followers):
    assert client.get("/en/email/preferences/forged-token/").status_code == 404
    assert client.post("/en/email/unsubscribe/forged-token/").status_code == 404
    assert TopicAlert.objects.count() == 5


def test_personal_data_lists_the_topics_and_the_alerts_received(
    followers, smtp_sink, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alerts.alert_for_version(published_dataset())
    data = subscriptions.personal_data(followers["both"])
    assert data["release_alert_topics"] == ["Economy", "Prices"]
    assert data["newsletters_received"][0]["issue"] == "New figures: Consumer prices"


def test_staff_see_alert_sends_beside_issues_and_can_cancel_them(superuser_client, followers):
    version = published_dataset()
    sending = Sending.objects.create(
        alert_version_id=version.pk,
        alert={"subject": "New figures: Consumer prices", "topics": ["Prices"]},
        scheduled_for=timezone.now() + datetime.timedelta(hours=1),
    )
    listing = superuser_client.get("/admin/newsletters/sending/")
    assert b"New figures: Consumer prices" in listing.content
    deliveries = superuser_client.get(f"/admin/newsletters/delivery/?sending={sending.pk}")
    assert deliveries.status_code == 200
    superuser_client.post(f"/admin/newsletters/sending/{sending.pk}/cancel/")
    sending.refresh_from_db()
    assert sending.status == Sending.Status.CANCELLED
