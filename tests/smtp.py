"""A real SMTP server for tests: mail leaves Django over the network and is caught here.

`smtp_sink` starts aiosmtpd on 127.0.0.1 at a free port, points Django's SMTP backend at it
for the one test, and stops it afterwards. Register it with `pytest_plugins = ["tests.smtp"]`.
"""

import email
import email.policy
import logging
import re
import socket
import threading
import time
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller

URL_PATTERN = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True)
class ReceivedMessage:
    """One message as the server received it: the SMTP envelope and the parsed email."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: email.message.EmailMessage

    @property
    def subject(self):
        return str(self.message["Subject"] or "")

    @property
    def to(self):
        return str(self.message["To"] or "")

    @property
    def text(self):
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""

    @property
    def html(self):
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part is not None else ""

    @property
    def links(self):
        return URL_PATTERN.findall(self.text)


@dataclass
class SMTPSink:
    """What the fake mail server has received so far, in order of arrival."""

    host: str
    port: int
    messages: list[ReceivedMessage] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self._lock:
            self.messages.append(
                ReceivedMessage(
                    mail_from=envelope.mail_from, rcpt_tos=tuple(envelope.rcpt_tos), message=parsed
                )
            )
        return "250 Message accepted for delivery"

    def sent_to(self, address):
        """Messages whose envelope recipients include `address` (compared case-insensitively)."""
        address = address.lower()
        return [m for m in self.messages if address in (r.lower() for r in m.rcpt_tos)]

    def wait_for(self, count=1, timeout=5.0):
        """Wait until at least `count` messages have arrived, then return them all."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"Expected {count} message(s), got {len(self.messages)}.")
            time.sleep(0.01)
        return list(self.messages)

    def clear(self):
        with self._lock:
            self.messages.clear()


def free_port(host):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    """A running local SMTP server, with Django's email settings pointed at it.

    The settings go through pytest-django's `settings` fixture, so that they are undone in
    the right order with any other setting the test changes (a separate override_settings
    undone first would be re-applied when `settings` restores its own snapshot)."""
    host = "127.0.0.1"
    sink = SMTPSink(host=host, port=free_port(host))
    # server_hostname avoids socket.getfqdn(), which can hang for seconds without DNS.
    controller = Controller(sink, hostname=host, port=sink.port, server_hostname="localhost")
    # aiosmtpd logs every SMTP command at INFO on "mail.log"; failures still show.
    mail_log = logging.getLogger("mail.log")
    previous_level = mail_log.level
    mail_log.setLevel(logging.WARNING)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = host
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield sink
    finally:
        controller.stop()
        mail_log.setLevel(previous_level)
