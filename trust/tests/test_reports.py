"""Misuse reports: the public form (attachment, bad input, spam, rate limit, duplicates), the
reporter in the user database, the staff queue's state machine with its emails, who may see
reports, and the dashboard's median time to answer."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from portal.contacts.forms import wording_fingerprint
from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind
from tests.factories import StaffFactory
from tests.uploads import png_bytes
from trust import reports
from trust.indicators import median_days_to_answer
from trust.models import MisuseReport, MisuseReportEvent
from trust.tests.factories import FactCheckPageFactory, MisuseReportFactory

pytestmark = pytest.mark.django_db
Status = MisuseReport.Status


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MISUSE_REPORT_ROOT = tmp_path / "reports"


def form_data(page, **changes):
    data = {
        "claim": "Prices rose 40% last year, the highest ever.",
        "where": "The Daily Example, page 3",
        "seen_on": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "details": "Your release says 2.4%.",
        "name": "Rosa Reader",
        "email": " Rosa.Reader@Example.org ",
        "consent": "on",
        "consent_version": wording_fingerprint(page.consent_text),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def post(page, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data)

    return post


def test_the_form_asks_what_where_when_why_who_consent_and_takes_a_file(client, report_page):
    html = client.get(report_page.url).content.decode()
    for text in (
        "What was claimed?",
        "Where did it appear?",
        "When did it appear?",
        "Why do you think it misuses our figures?",
        "A screenshot or copy",
        'enctype="multipart/form-data"',
        'type="file"',
        "csrfmiddlewaretoken",
        report_page.consent_text,
        'aria-describedby="id_claim_helptext"',
    ):
        assert text in html, text


def test_a_report_with_a_screenshot_is_filed_emailed_and_recorded(send, client, report_page, mailoutbox):
    upload = SimpleUploadedFile("my shot.png", png_bytes(), content_type="image/png")
    response = send(report_page, form_data(report_page, attachment=upload))
    assert response.status_code == 302
    assert response["Location"] == report_page.url + "sent/"
    report = MisuseReport.objects.get()
    assert report.reference == f"MR-{timezone.now().year}-{report.pk:05d}"
    assert report.email == "rosa.reader@example.org"
    assert report.status == Status.NEW
    assert report.attachment_kind == "png" and report.attachment_original_name == "my_shot.png"
    assert report.attachment.name.endswith(".png") and "shot" not in report.attachment.name
    assert report.attachment.read() == png_bytes()
    [event] = report.events.all()
    assert event.status == Status.NEW
    [email] = mailoutbox
    assert email.to == ['"Rosa Reader" <rosa.reader@example.org>']
    assert email.subject == f"We received your report {report.reference}"
    assert "Prices rose 40%" in email.body
    sent = client.get(response["Location"])
    assert report.reference in sent.content.decode()
    assert sent["X-Robots-Tag"] == "noindex"

    contact = Contact.objects.get(email="rosa.reader@example.org")
    assert report.contact == contact and contact.name == "Rosa Reader"
    touchpoint = Touchpoint.objects.get(contact=contact)
    assert touchpoint.kind == TouchpointKind.MISUSE_REPORT
    assert touchpoint.source.endswith(report_page.url)
    consent = Consent.objects.get(contact=contact)
    assert (consent.purpose, consent.wording, consent.granted) == (
        "misuse_report",
        report_page.consent_text,
        True,
    )


def test_a_report_without_a_file_is_fine(send, report_page):
    assert send(report_page, form_data(report_page)).status_code == 302
    assert not MisuseReport.objects.get().attachment


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.png", b"", "The submitted file is empty."),
        ("virus.png", b"MZ\x90\x00 not an image", "not a PDF, PNG or JPEG"),
        ("archive.pdf", b"PK\x03\x04" + b"\x00" * 40, "Archives"),
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a readable PNG"),
        ("script.pdf", b"%PDF-1.4\n1 0 obj<</JavaScript 2 0 R>>\nstartxref\n0\n%%EOF", "scripts"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_kept(send, report_page, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = send(report_page, form_data(report_page, attachment=upload))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert "Prices rose 40% last year" in html  # what was typed is kept
    assert not MisuseReport.objects.exists() and not Contact.objects.exists()


def test_a_file_over_the_limit_is_refused(send, report_page, settings):
    big = SimpleUploadedFile("big.png", png_bytes() + b"\x00" * (5 * 1024 * 1024))
    response = send(report_page, form_data(report_page, attachment=big))
    assert response.status_code == 400
    assert "the largest we accept is 5.0" in response.content.decode()


def test_a_decompression_bomb_is_refused(send, report_page, settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 1000
    bomb = SimpleUploadedFile("bomb.png", png_bytes(2000, 2000))
    response = send(report_page, form_data(report_page, attachment=bomb))
    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    assert not MisuseReport.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"claim": ""}, "claim", "Tell us what was claimed."),
        ({"claim": "x" * 601}, "claim", "Keep this to 600 characters or fewer"),
        ({"where": ""}, "where", "Tell us where the claim appeared."),
        ({"where": "line one\nline two"}, "where", "on one line"),
        ({"email": "not-an-address"}, "email", "Enter an email address like"),
        ({"name": ""}, "name", "Enter your name."),
        ({"consent": None}, "consent", "Please agree to this"),
        ({"seen_on": "2999-01-01"}, "seen_on", "cannot be in the future"),
        ({"seen_on": "yesterday"}, "seen_on", "Enter a date"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(send, report_page, changes, field, message):
    response = send(report_page, form_data(report_page, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'href="#id_{field}"' in html
    assert not MisuseReport.objects.exists()


def test_hostile_html_is_stored_as_text_and_shown_escaped(send, report_page, superuser_client):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> \x07bell'
    send(report_page, form_data(report_page, claim=hostile, details=hostile))
    report = MisuseReport.objects.get()
    assert "\x07" not in report.claim
    html = superuser_client.get(reverse("trust_misusereport_handle", args=[report.pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_a_nul_byte_is_refused(client, report_page):
    response = client.post(report_page.url, form_data(report_page, claim="bad\x00claim"))
    assert response.status_code == 400
    assert not MisuseReport.objects.exists()


def test_robots_filling_the_hidden_field_learn_nothing_and_nothing_is_stored(send, report_page, mailoutbox):
    response = send(report_page, form_data(report_page, website="http://spam.example"))
    assert response.status_code == 302
    assert not MisuseReport.objects.exists() and not Contact.objects.exists() and not mailoutbox


def test_a_double_click_files_one_report(send, report_page):
    assert send(report_page, form_data(report_page)).status_code == 302
    response = send(report_page, form_data(report_page))
    assert response.status_code == 409
    assert "less than a minute ago" in response.content.decode()
    assert MisuseReport.objects.count() == 1


def test_flooding_is_stopped_by_the_rate_limit(send, report_page):
    statuses = [
        send(report_page, form_data(report_page, claim=f"Claim number {n}")).status_code for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]


def test_the_sent_page_needs_a_report_of_this_browser(client, report_page):
    response = client.get(report_page.url + "sent/")
    assert response.status_code == 302 and response["Location"] == report_page.url


# The staff queue


def move(report, user, status, mailoutbox, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return reports.move(report, user=user, status=status, **extra)


def test_a_report_goes_through_every_state_with_an_email_each_time(
    handler, index_page, mailoutbox, django_capture_on_commit_callbacks
):
    report = MisuseReportFactory()
    fact_check = FactCheckPageFactory(parent=index_page)
    move(report, handler, Status.TRIAGED, mailoutbox, django_capture_on_commit_callbacks)
    move(
        report,
        handler,
        Status.ANSWERED,
        mailoutbox,
        django_capture_on_commit_callbacks,
        message="The paper has been told; 2.4% is right.",
    )
    report.refresh_from_db()
    answered_at = report.answered_at
    assert answered_at is not None
    move(
        report,
        handler,
        Status.PUBLISHED,
        mailoutbox,
        django_capture_on_commit_callbacks,
        fact_check=fact_check,
    )
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED and report.fact_check == fact_check
    assert report.answered_at == answered_at  # the first answer counts
    assert [event.status for event in report.events.all()] == [
        Status.TRIAGED,
        Status.ANSWERED,
        Status.PUBLISHED,
    ]
    assert [email.subject for email in mailoutbox] == [
        f"Your report {report.reference}: triaged",
        f"Your report {report.reference}: answered",
        f"Your report {report.reference}: published as a fact-check",
    ]
    assert "A statistician is looking into your report." in mailoutbox[0].body
    assert "The paper has been told; 2.4% is right." in mailoutbox[1].body
    assert fact_check.get_full_url() in mailoutbox[2].body


def test_no_action_needs_a_reason_and_ends_the_report(
    handler, mailoutbox, django_capture_on_commit_callbacks
):
    report = MisuseReportFactory()
    with pytest.raises(reports.TransitionError, match="Write the message"):
        move(report, handler, Status.NO_ACTION, mailoutbox, django_capture_on_commit_callbacks, message="  ")
    assert not mailoutbox
    move(report, handler, Status.NO_ACTION, mailoutbox, django_capture_on_commit_callbacks, message="Satire.")
    report.refresh_from_db()
    assert report.status == Status.NO_ACTION and report.answered_at is not None
    for status in Status.values:
        with pytest.raises(reports.TransitionError, match="cannot become"):
            move(report, handler, status, mailoutbox, django_capture_on_commit_callbacks, message="Again")
    assert len(mailoutbox) == 1


def test_moves_outside_the_chart_are_refused(
    handler, index_page, mailoutbox, django_capture_on_commit_callbacks
):
    report = MisuseReportFactory()
    with pytest.raises(reports.TransitionError, match="cannot become"):
        move(report, handler, Status.ANSWERED, mailoutbox, django_capture_on_commit_callbacks, message="Hi")
    move(report, handler, Status.TRIAGED, mailoutbox, django_capture_on_commit_callbacks)
    draft = FactCheckPageFactory(parent=index_page, live=False)
    for fact_check in (None, draft):
        with pytest.raises(reports.TransitionError, match="published fact-check"):
            move(
                report,
                handler,
                Status.PUBLISHED,
                mailoutbox,
                django_capture_on_commit_callbacks,
                fact_check=fact_check,
            )
    assert MisuseReport.objects.get().status == Status.TRIAGED
    assert len(mailoutbox) == 1


def test_staff_move_a_report_from_its_admin_screen(
    client, handler, mailoutbox, django_capture_on_commit_callbacks
):
    report = MisuseReportFactory()
    client.force_login(handler)
    url = reverse("trust_misusereport_handle", args=[report.pk])
    html = client.get(url).content.decode()
    assert report.claim in html and report.email in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"status": "triaged", "message": ""})
    assert response.status_code == 302
    assert MisuseReport.objects.get().status == Status.TRIAGED and len(mailoutbox) == 1
    response = client.post(url, {"status": "answered", "message": ""})
    assert response.status_code == 400 and "Write the message" in response.content.decode()
    response = client.post(url, {"status": "nonsense"})
    assert response.status_code == 400
    assert MisuseReport.objects.get().status == Status.TRIAGED


def test_the_admin_form_refuses_a_post_without_csrf(handler):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(handler)
    report = MisuseReportFactory()
    response = strict.post(reverse("trust_misusereport_handle", args=[report.pk]), {"status": "triaged"})
    assert response.status_code == 403
    assert MisuseReport.objects.get().status == Status.NEW


def test_only_the_reports_team_sees_reports_and_attachments(client, send, report_page):
    upload = SimpleUploadedFile("shot.png", png_bytes())
    send(report_page, form_data(report_page, attachment=upload))
    report = MisuseReport.objects.get()
    urls = [
        reverse("trust_misusereport_modeladmin_index"),
        reverse("trust_misusereport_handle", args=[report.pk]),
        reverse("trust_misusereport_attachment", args=[report.pk]),
    ]
    editor = StaffFactory(permissions=["contacts.view_contact"])  # staff, not the reports team
    client.force_login(editor)
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert report.email.encode() not in response.content
    viewer = StaffFactory(permissions=["trust.view_misusereport"])
    client.force_login(viewer)
    assert client.get(urls[0]).status_code == 200
    html = client.get(urls[1]).content.decode()
    assert report.email in html and "Next step" not in html  # may read, may not move
    assert client.post(urls[1], {"status": "triaged"}).status_code in (302, 403)
    assert MisuseReport.objects.get().status == Status.NEW
    download = client.get(urls[2])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == png_bytes()
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_the_queue_shows_age_and_the_home_page_counts_open_reports(client, handler):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3)):
        MisuseReportFactory(claim="An old claim")
    MisuseReportFactory(claim="A new claim")
    MisuseReportFactory(claim="Closed claim", status=Status.NO_ACTION, answered_at=timezone.now())
    client.force_login(handler)
    listing = client.get(reverse("trust_misusereport_modeladmin_index")).content.decode()
    assert "3\xa0days" in listing or "3 days" in listing
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Open misuse reports" in home
    assert "<td>2</td>" in home and "3 days" in home


def test_the_export_is_formula_safe(client, handler):
    MisuseReportFactory(claim='=HYPERLINK("http://evil.example")')
    client.force_login(handler)
    response = client.get(reverse("trust_misusereport_modeladmin_index") + "?export=csv")
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "'=HYPERLINK" in body


def test_the_dashboard_shows_the_median_time_to_answer():
    now = timezone.now()
    for days in (1, 2, 10):
        MisuseReportFactory(
            created_at=now - datetime.timedelta(days=days), answered_at=now, status=Status.ANSWERED
        )
    MisuseReportFactory(created_at=now - datetime.timedelta(days=50))  # open: not counted
    today = timezone.localdate()
    rows = median_days_to_answer(today - datetime.timedelta(days=30), today, "month")
    assert [(segment, value) for _, segment, value in rows] == [("Median days to answer", 2.0)]
    assert (
        median_days_to_answer(
            today - datetime.timedelta(days=400), today - datetime.timedelta(days=100), "month"
        )
        == []
    )


def test_the_engagement_dashboard_lists_the_indicator(superuser_client):
    now = timezone.now()
    MisuseReportFactory(created_at=now - datetime.timedelta(days=1), answered_at=now, status=Status.ANSWERED)
    html = superuser_client.get(reverse("engagement_dashboard")).content.decode()
    assert "Misuse reports: median days to answer" in html
    assert MisuseReportEvent.objects.count() == 0
