"""Staff screens: send or schedule an issue, a test to yourself, pause and cancel, the figures
per issue, and the formula-safe exports."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from newsletters.models import Delivery, Sending
from newsletters.tests.factories import NewsletterIssuePageFactory, SendingFactory, SubscriberFactory
from portal.contacts.models import Contact
from tests.factories import StaffFactory, SuperUserFactory
from tests.spreadsheets import csv_rows


@pytest.fixture
def readers(lists):
    return [SubscriberFactory(email=f"reader{n}@example.org", lists=[lists["monthly"]]) for n in range(3)]


@pytest.fixture
def issue(newsletter_index, lists):
    return NewsletterIssuePageFactory(lists=[lists["monthly"]], title="Admin issue")


def send_url(issue):
    return f"/admin/newsletters/issue/{issue.pk}/send/"


def test_send_page_says_who_gets_it(superuser_client, issue, readers):
    response = superuser_client.get(send_url(issue))
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "3 people would get it now" in text
    assert "Monthly round-up" in text


def test_send_now(superuser_client, issue, readers, smtp_sink, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(send_url(issue), {"when": "now"})
    assert response.status_code == 302
    sending = Sending.objects.get(issue=issue)
    assert sending.status == Sending.Status.SENT
    assert len(smtp_sink.messages) == 3
    assert superuser_client.post(send_url(issue), {"when": "now"}).status_code == 200  # not twice
    assert Sending.objects.filter(issue=issue).count() == 1


def test_schedule_for_later(superuser_client, issue, readers, smtp_sink):
    at = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = superuser_client.post(send_url(issue), {"when": "later", "scheduled_for": at})
    assert response.status_code == 302
    sending = Sending.objects.get(issue=issue)
    assert sending.status == Sending.Status.SCHEDULED
    assert smtp_sink.messages == []


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"when": "later", "scheduled_for": ""}, "Choose when to send it."),
        ({"when": "later", "scheduled_for": "2001-01-01T10:00"}, "Choose a time in the future."),
        ({"when": "later", "scheduled_for": "soon"}, "Enter a valid date/time."),
        ({"when": "yesterday"}, "Select a valid choice"),
    ],
)
def test_bad_schedules_are_refused(superuser_client, issue, data, error):
    response = superuser_client.post(send_url(issue), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Sending.objects.filter(issue=issue).exists()


def test_an_issue_without_lists_or_unpublished_cannot_be_sent(superuser_client, newsletter_index):
    issue = NewsletterIssuePageFactory(lists=[])
    issue.unpublish()
    response = superuser_client.post(send_url(issue), {"when": "now"})
    text = response.content.decode()
    assert "Publish the issue first" in text and "Choose at least one list" in text
    assert not Sending.objects.filter(issue=issue).exists()


def test_send_a_test_to_yourself(client, issue, smtp_sink):
    client.force_login(SuperUserFactory(email="boss@statistics.example"))
    response = client.post(f"/admin/newsletters/issue/{issue.pk}/test/")
    assert response.status_code == 302
    [message] = smtp_sink.wait_for(1)
    assert message.rcpt_tos == ("boss@statistics.example",)
    assert message.subject == "[Test] Admin issue"
    assert message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "__NEWSLETTER_" not in message.html + message.text
    assert not Sending.objects.filter(issue=issue).exists()


def test_staff_without_the_permission_cannot_send(client, issue, readers):
    client.force_login(StaffFactory())
    assert client.get(send_url(issue)).status_code in (302, 403)
    assert client.post(send_url(issue), {"when": "now"}).status_code in (302, 403)
    assert client.post(f"/admin/newsletters/issue/{issue.pk}/test/").status_code in (302, 403)
    assert not Sending.objects.filter(issue=issue).exists()


def test_pause_resume_and_cancel(
    superuser_client, issue, readers, smtp_sink, django_capture_on_commit_callbacks
):
    sending = Sending.objects.create(issue=issue, status=Sending.Status.SENDING)
    sending.lists.set(issue.lists.all())
    assert b"Yes, pause" in superuser_client.get(f"/admin/newsletters/sending/{sending.pk}/pause/").content
    superuser_client.post(f"/admin/newsletters/sending/{sending.pk}/pause/")
    sending.refresh_from_db()
    assert (sending.status, sending.resume_at) == (Sending.Status.PAUSED, None)

    with django_capture_on_commit_callbacks(execute=True):
        superuser_client.post(f"/admin/newsletters/sending/{sending.pk}/resume/")
    sending.refresh_from_db()
    assert sending.status == Sending.Status.SENT
    assert len(smtp_sink.messages) == 3

    response = superuser_client.post(f"/admin/newsletters/sending/{sending.pk}/cancel/", follow=True)
    assert "you cannot cancel it now" in response.content.decode()


def test_cancel_a_scheduled_send(superuser_client, issue, readers):
    sending = Sending.objects.create(issue=issue, scheduled_for=timezone.now() + datetime.timedelta(days=1))
    superuser_client.post(f"/admin/newsletters/sending/{sending.pk}/cancel/")
    sending.refresh_from_db()
    assert sending.status == Sending.Status.CANCELLED


@pytest.fixture
def sent_issues(newsletter_index, readers, lists):
    """Two sends that went to the three readers, with their opens and clicks counted."""
    sendings = []
    for title, opens, clicks in (("September round-up", 5, 3), ("October round-up", 6, 4)):
        sending = SendingFactory(
            issue__lists=[lists["monthly"]],
            issue__title=title,
            status=Sending.Status.SENT,
            opens=opens,
            clicks=clicks,
        )
        Delivery.objects.bulk_create(
            Delivery(sending=sending, contact_id=reader.contact_id, status=Delivery.Status.SENT)
            for reader in readers
        )
        sendings.append(sending)
    return sendings


def test_figures_per_issue(superuser_client, sent_issues):
    response = superuser_client.get("/admin/newsletters/sending/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    row = next(tr for tr in html.select("tbody tr") if "October round-up" in tr.get_text())
    headings = [th.get_text(" ", strip=True) for th in html.select("thead th")]
    figures = dict(zip(headings, (td.get_text(" ", strip=True) for td in row.find_all("td")), strict=True))
    assert (figures["Recipients"], figures["Opens"], figures["Clicks"]) == ("3", "6", "4")


def test_figures_export_and_subscriber_export_are_formula_safe(superuser_client, readers, sent_issues):
    Contact.objects.filter(pk=readers[0].contact_id).update(organisation="=1+1", name="@SUM(A1)")
    rows = csv_rows(superuser_client.get("/admin/newsletters/subscriber/?export=csv"))
    assert rows[0][:2] == ["Contact", "User group"]
    assert sorted(row[0] for row in rows[1:]) == [f"reader{n}@example.org" for n in range(3)]
    issues = csv_rows(superuser_client.get("/admin/newsletters/sending/?export=csv"))
    assert "Recipients" in issues[0]
    assert sorted(row[0] for row in issues[1:]) == ["October round-up", "September round-up"]


def test_delivery_export_names_people_and_erased_rows(
    superuser_client, readers, newsletter_index, lists, smtp_sink
):
    from newsletters.sending import run_sending
    from newsletters.subscriptions import erase

    sending = SendingFactory(issue__lists=[lists["monthly"]])
    run_sending(sending.pk)
    erase(readers[0])
    rows = csv_rows(superuser_client.get(f"/admin/newsletters/delivery/?export=csv&sending={sending.pk}"))
    assert len(rows) == 4
    assert [row[1] for row in rows[1:]].count("(data erased)") == 1  # the erased person, still counted
    assert Delivery.objects.filter(sending=sending, status="sent").count() == 3


def test_lists_are_snippets_editors_can_edit(superuser_client, lists):
    response = superuser_client.get("/admin/snippets/newsletters/newsletterlist/")
    assert response.status_code == 200
    assert b"Monthly round-up" in response.content


def test_the_issue_has_a_send_button_in_the_editor(superuser_client, issue):
    response = superuser_client.get(f"/admin/pages/{issue.pk}/edit/")
    assert send_url(issue).encode() in response.content
