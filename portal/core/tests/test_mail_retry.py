"""A queued email whose mail server fails is queued again, later, a few times, then given up
with an error in the log; the person's action never waits for it (see the accounts' tests)."""

import datetime
import logging
import smtplib

import pytest
from django.utils import timezone
from django_tasks import default_task_backend

from portal.core.mail import RETRY_DELAYS, send_rendered_message_task
from tests.smtp import free_port

MESSAGE = (
    "Confirm your email",
    "Hello",
    "portal@example.org",
    ["ana@example.org"],
    {},
    [["<p>Hello</p>", "text/html"]],
)


@pytest.fixture
def deferring_tasks(settings):
    """A task backend that can run tasks later and keeps what was queued (as RQ does)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port("127.0.0.1")  # nothing listens there: connection refused
    settings.EMAIL_TIMEOUT = 5


def test_a_failed_send_is_queued_again_after_the_first_delay(deferring_tasks, mail_server_down, caplog):
    before = timezone.now()
    send_rendered_message_task.call(*MESSAGE)
    (retry,) = deferring_tasks.results
    assert retry.args == list(MESSAGE)
    assert retry.kwargs == {"attempt": 2}
    assert before + RETRY_DELAYS[0] <= retry.task.run_after <= timezone.now() + RETRY_DELAYS[0]
    assert "failed (attempt 1), trying again in 0:01:00" in caplog.text


@pytest.mark.parametrize("attempt", range(1, len(RETRY_DELAYS) + 1))
def test_each_attempt_waits_longer(deferring_tasks, mail_server_down, attempt):
    before = timezone.now()
    send_rendered_message_task.call(*MESSAGE, attempt=attempt)
    (retry,) = deferring_tasks.results
    assert retry.kwargs == {"attempt": attempt + 1}
    assert retry.task.run_after - before >= RETRY_DELAYS[attempt - 1]
    assert retry.task.run_after - before < RETRY_DELAYS[attempt - 1] + datetime.timedelta(minutes=1)


def test_after_the_last_attempt_it_fails_with_an_error_and_is_not_queued_again(
    deferring_tasks, mail_server_down, caplog
):
    last = len(RETRY_DELAYS) + 1
    with caplog.at_level(logging.ERROR), pytest.raises(OSError):
        send_rendered_message_task.call(*MESSAGE, attempt=last)
    assert deferring_tasks.results == []
    assert f"Gave up sending 'Confirm your email' to ['ana@example.org'] (attempt {last})" in caplog.text


def test_a_server_refusing_the_message_is_retried_too(deferring_tasks, settings, monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPDataError(451, b"Try again later")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    send_rendered_message_task.call(*MESSAGE)
    assert [result.kwargs for result in deferring_tasks.results] == [{"attempt": 2}]


def test_a_retry_delivers_the_message_once_the_server_is_back(deferring_tasks, smtp_sink):
    send_rendered_message_task.call(*MESSAGE, attempt=3)
    (received,) = smtp_sink.wait_for(1)
    assert received.subject == "Confirm your email" and received.rcpt_tos == ("ana@example.org",)
    assert deferring_tasks.results == []


def test_without_a_worker_that_can_wait_a_failure_is_logged_not_retried(mail_server_down, caplog):
    """In-process tasks (the default for `make run`) cannot wait: the failure is logged."""
    with caplog.at_level(logging.ERROR), pytest.raises(OSError):
        send_rendered_message_task.call(*MESSAGE)
    assert "Gave up sending 'Confirm your email'" in caplog.text
