"""The scale-out path: the send task goes through Redis and a real RQ worker process runs it.

Runs in the PostgreSQL + Redis pass (see conftest.py): the worker is a separate process that
reads the test database and delivers through the test's SMTP server.
"""

import os
import subprocess
import sys
from pathlib import Path

import django_rq
import pytest
from django.db import connection
from django.test import override_settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from newsletters.models import Sending
from newsletters.sending import send_issue_task
from newsletters.tests.factories import (
    NewsletterIndexPageFactory,
    NewsletterListFactory,
    SendingFactory,
    SubscriberFactory,
)

ROOT = Path(__file__).resolve().parents[2]
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

pytestmark = [pytest.mark.rq_worker, pytest.mark.django_db(transaction=True)]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def minimal_sending():
    """An issue and its send on a database that a transactional test may have flushed before
    (Wagtail's root page and locale included)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(get_language()))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    NewsletterIndexPageFactory(parent=root, slug="rq-newsletter")
    newsletter_list = NewsletterListFactory(name="Worker list")
    sending = SendingFactory(issue__lists=[newsletter_list], issue__title="Sent by a worker")
    return sending, newsletter_list


def test_a_real_rq_worker_sends_the_issue(smtp_sink):
    sending, newsletter_list = minimal_sending()
    people = [SubscriberFactory(email=f"worker{n}@example.org", lists=[newsletter_list]) for n in range(5)]
    queue = django_rq.get_queue("default")
    queue.empty()
    with override_settings(TASKS=RQ_TASKS):
        result = send_issue_task.enqueue(sending.pk)
    assert queue.count == 1
    assert smtp_sink.messages == []  # nothing runs in this process

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "django_tasks_rq.RQBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": smtp_sink.host,
        "EMAIL_PORT": str(smtp_sink.port),
        "PAGE_CACHE_SECONDS": "0",
    }
    worker = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "rqworker",
            "default",
            "--burst",
            "--job-class",
            "django_tasks_rq.backend.Job",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr[-3000:]
    smtp_sink.wait_for(5)
    assert sorted(m.rcpt_tos[0] for m in smtp_sink.messages) == sorted(p.contact.email for p in people)
    sending.refresh_from_db()
    assert sending.status == Sending.Status.SENT
    with override_settings(TASKS=RQ_TASKS):
        finished = send_issue_task.get_backend().get_result(result.id)
    assert finished.return_value == {"sent": 5, "failed": 0, "retried": 0, "status": "sent"}
