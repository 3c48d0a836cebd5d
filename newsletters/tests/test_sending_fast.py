"""The fast path of a send: the issue prepared once as bytes, rows claimed in batches, and each
email stamped sent on its own; a run that stops mid-batch, or two runs at once, still give
each person exactly one email (counted at the SMTP server)."""

import datetime
import email
from collections import Counter
from email import policy

import pytest
import time_machine
from django.utils import timezone

from newsletters import sending as sending_module
from newsletters.emails import PreparedIssue, quoted_printable
from newsletters.models import Delivery, Sending
from newsletters.rendering import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER, RenderedIssue
from newsletters.sending import run_sending
from newsletters.tests.factories import SendingFactory, SubscriberFactory

Status = Delivery.Status
ROOT = "https://portal.example"


class Crash(BaseException):
    """Stands for the worker dying: nothing in the sender catches it."""


def counts(sink):
    return Counter(recipient for message in sink.messages for recipient in message.rcpt_tos)


def parse(raw):
    return email.message_from_bytes(raw, policy=policy.default)


@pytest.fixture
def many(lists):
    return [SubscriberFactory(email=f"many{n:02}@example.org", lists=[lists["monthly"]]) for n in range(23)]


HOSTILE = RenderedIssue(
    subject="Économie — 100 % = “tout” <script>",
    html=(
        '<p style="color: red">é = ü ' + "x" * 1500 + f'</p><a href="{UNSUBSCRIBE_PLACEHOLDER}">Stop</a>'
        f"\n.\n<a href='{PREFERENCES_PLACEHOLDER}'>{PREFERENCES_PLACEHOLDER}</a> trailing space \n=3D"
    ),
    text=(
        f"{UNSUBSCRIBE_PLACEHOLDER}\n.leading dot\nNUL\x00 byte and tab\t\n"
        f"{'y' * 2000}=\n{PREFERENCES_PLACEHOLDER}"
    ),
)


def test_prepared_bytes_decode_to_exactly_the_personalised_issue(settings):
    settings.DEFAULT_FROM_EMAIL = "Statistics Office <no-reply@portal.example>"
    prepared = PreparedIssue(HOSTILE, root_url=ROOT)
    unsubscribe = f"{ROOT}/email/unsubscribe/tok-en_1=/7/?a=b&c=d"
    preferences = f"{ROOT}/email/preferences/{'p' * 120}/"
    recipient, raw = prepared.personal_bytes("reader@example.org", unsubscribe, preferences)
    assert recipient == "reader@example.org"
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    message = parse(raw)
    expected = HOSTILE.personalise(unsubscribe, preferences)
    # Text travels in MIME with CRLF line breaks; otherwise every character comes back.
    assert message.get_body(("html",)).get_content().replace("\r\n", "\n") == expected.html
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == expected.text
    assert message["Subject"] == HOSTILE.subject
    assert message["To"] == "reader@example.org"
    assert message["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["From"] == "Statistics Office <no-reply@portal.example>"
    assert message["Message-ID"] and message["Date"]
    # Each reader's email has its own Message-ID and only their links.
    _, other = prepared.personal_bytes("other@example.org", unsubscribe + "x", preferences)
    assert parse(other)["Message-ID"] != message["Message-ID"]
    assert (
        b"unsubscribe/tok-en_1=3D/7/?a=3Db&c=3Dd"
        not in other.replace(b"=\r\n", b"")[: other.find(b"\r\n\r\n")]
    )


def test_addresses_beyond_ascii_are_encoded_and_line_breaks_refused():
    prepared = PreparedIssue(HOSTILE, root_url=ROOT)
    recipient, raw = prepared.personal_bytes("reader@bücher.example", f"{ROOT}/u/", f"{ROOT}/p/")
    assert recipient == "reader@xn--bcher-kva.example"
    assert parse(raw)["To"] == "reader@xn--bcher-kva.example"
    for hostile in ("a@example.org\r\nBcc: victim@example.org", "a@example.org\nX: y", ""):
        with pytest.raises(ValueError):
            prepared.personal_bytes(hostile, f"{ROOT}/u/", f"{ROOT}/p/")
    with pytest.raises(ValueError):
        prepared.personal_bytes("a@example.org", f"{ROOT}/u/\r\nBcc: v@example.org", f"{ROOT}/p/")


def test_placeholders_survive_quoted_printable_on_lines_of_their_own():
    encoded = quoted_printable("a" * 200 + UNSUBSCRIBE_PLACEHOLDER + "b" * 200)
    assert f"=\r\n{UNSUBSCRIBE_PLACEHOLDER}=\r\n" in encoded
    assert max(len(line) for line in encoded.split("\r\n")) <= 76


def test_a_run_stopped_mid_batch_puts_back_what_it_never_tried_and_the_rest_goes_once(
    many, newsletter_index, lists, smtp_sink, monkeypatch, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 7
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    real = sending_module.personal_message
    built = []

    def crash_on_the_eleventh(*args):
        built.append(args[1])
        if len(built) == 11:
            raise Crash
        return real(*args)

    monkeypatch.setattr(sending_module, "personal_message", crash_on_the_eleventh)
    with pytest.raises(Crash):
        run_sending(sending.pk)
    assert sum(counts(smtp_sink).values()) == 10
    rows = dict(sending.deliveries.values_list("contact__email", "status"))
    assert Counter(rows.values()) == {Status.SENT: 10, Status.SENDING: 1, Status.QUEUED: 12}
    assert rows[built[-1]] == Status.SENDING  # the one in doubt stays claimed
    # The rows of the stopped batch that were never tried are back in the queue, attempts undone.
    assert set(sending.deliveries.filter(status=Status.QUEUED).values_list("attempts", flat=True)) == {0}
    assert set(sending.deliveries.filter(status=Status.QUEUED).values_list("claim", flat=True)) == {""}

    monkeypatch.setattr(sending_module, "personal_message", real)
    assert run_sending(sending.pk).sent == 12  # everyone else at once; the claim in doubt is left
    with time_machine.travel(
        timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT + 1)
    ):
        report = run_sending(sending.pk)
    assert (report.sent, report.status) == (1, Sending.Status.SENT)
    received = counts(smtp_sink)
    assert set(received) == {person.contact.email for person in many}
    assert set(received.values()) == {1}  # each exactly once, counted at the server


def test_a_stamp_from_a_run_whose_claim_was_taken_back_changes_nothing(
    many, newsletter_index, lists, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 5
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    sending_module.write_down_recipients(sending)
    now = timezone.now()
    mine = sending_module.claim_batch(sending, now, "a" * 32)
    delivery_pk = mine[0][0]
    Delivery.objects.filter(pk=delivery_pk).update(
        status=Status.SENDING, claim="b" * 32
    )  # taken back, reclaimed
    with sending_module.SentMarks("a" * 32) as marks:
        marks.sent(delivery_pk, now)
    assert Delivery.objects.get(pk=delivery_pk).status == Status.SENDING
    theirs = sending_module.claim_batch(sending, now, "c" * 32)
    assert len(theirs) == 5 and not {row[0] for row in mine} & {row[0] for row in theirs}


def test_two_runs_at_once_never_send_one_address_twice(
    many, newsletter_index, lists, smtp_sink, monkeypatch, settings
):
    """A second worker starts while the first is halfway through a batch: it takes other rows,
    the first finishes its own, and the send ends with everyone served once."""
    settings.NEWSLETTER_BATCH_SIZE = 5
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    real = sending_module.personal_message
    reports = []

    def second_worker_during_the_third(*args):
        if args[1] == "many02@example.org" and not reports:
            reports.append(None)
            reports.append(run_sending(sending.pk))
        return real(*args)

    monkeypatch.setattr(sending_module, "personal_message", second_worker_during_the_third)
    first = run_sending(sending.pk)
    second = reports[1]
    assert second.status == Sending.Status.SENDING  # the first still held its last rows
    assert first.sent + second.sent == len(many)
    assert (first.sent, second.sent) == (5, 18)
    assert first.status == Sending.Status.SENT
    received = counts(smtp_sink)
    assert len(received) == len(many) and set(received.values()) == {1}
    assert sending.deliveries.filter(status=Status.SENT).count() == len(many)


def test_an_address_no_server_would_take_fails_that_row_and_the_send_goes_on(
    many, newsletter_index, lists, smtp_sink
):
    from portal.contacts.models import Contact

    Contact.objects.filter(pk=many[3].contact_id).update(email="many03@example.org\r\nBcc: x@example.org")
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    report = run_sending(sending.pk)
    assert (report.sent, report.failed, report.status) == (22, 1, Sending.Status.SENT)
    assert sending.deliveries.get(contact_id=many[3].contact_id).status == Status.FAILED
    assert "x@example.org" not in counts(smtp_sink)
