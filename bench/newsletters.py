"""Newsletter benchmark: one issue sent to 100 000 subscribers through a local SMTP server, and
the sign-up endpoint's requests per second.

Builds a throwaway database with the demo content, adds the subscribers in bulk, starts an
aiosmtpd server on localhost, and runs the real send (the same code a worker runs: delivery
rows written in batches, each claimed, sent and stamped). Reports emails per second, total SQL
queries and queries per email, and how much the process's peak memory grew during the send
(flat: recipients are streamed in batches); --trace-memory adds tracemalloc's exact peak.
Run from the project root:

    .venv/bin/python bench/newsletters.py [--subscribers 100000] [--signups 200] [--trace-memory]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse
import resource
import socket
import subprocess
import sys
import time
import tracemalloc
from contextlib import contextmanager

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

INSERT_BATCH = 5000


class QueryCounter:
    """Counts SQL statements without keeping them (capturing 200 000 queries would cost memory)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--subscribers", type=int, default=100_000, help="people the issue goes to (default 100000)"
    )
    parser.add_argument("--signups", type=int, default=200, help="timed sign-up requests (default 200)")
    parser.add_argument(
        "--trace-memory", action="store_true", help="also measure peak Python memory exactly (much slower)"
    )
    args = parser.parse_args()
    if args.subscribers < 1 or args.signups < 1:
        parser.error("--subscribers and --signups must be at least 1")
    return args


def add_subscribers(count, newsletter_list):
    """Contacts, subscribers and subscriptions, in bulk and in batches."""
    from newsletters.models import Subscriber, Subscription
    from portal.contacts.models import Contact

    for start in range(0, count, INSERT_BATCH):
        emails = [f"bench{n}@example.org" for n in range(start, min(start + INSERT_BATCH, count))]
        Contact.objects.bulk_create([Contact(email=email) for email in emails])
        contacts = Contact.objects.filter(email__in=emails).values_list("pk", flat=True)
        subscribers = Subscriber.objects.bulk_create([Subscriber(contact_id=pk) for pk in contacts])
        if not all(subscriber.pk for subscriber in subscribers):  # backends that return no ids
            subscribers = Subscriber.objects.filter(contact__email__in=emails)
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber=subscriber, newsletter_list=newsletter_list)
                for subscriber in subscribers
            ]
        )


def make_sending(newsletter_list):
    from newsletters.models import NewsletterIndexPage, NewsletterIssuePage, Sending

    index = NewsletterIndexPage.objects.get()
    issue = NewsletterIssuePage(title="Benchmark issue", slug="benchmark-issue", intro="<p>Hello.</p>")
    index.add_child(instance=issue)
    issue.save_revision().publish()
    sending = Sending.objects.create(issue=issue)
    sending.lists.set([newsletter_list])
    return sending


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_sink():
    """aiosmtpd in its own process (so it does not share this one's interpreter lock), discarding
    what it receives; yields its port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("The SMTP server did not start.") from None
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_send(subscribers, trace_memory):
    from django.conf import settings
    from django.db import connection

    from newsletters.models import Delivery, NewsletterList, Subscriber
    from newsletters.sending import run_sending

    Subscriber.objects.all().delete()  # only the benchmark's people
    newsletter_list = NewsletterList.objects.create(
        name="Benchmark list", description="Everyone in the benchmark."
    )
    started = time.perf_counter()
    add_subscribers(subscribers, newsletter_list)
    print(f"{subscribers} subscribers added in {time.perf_counter() - started:.1f} s.")
    sending = make_sending(newsletter_list)

    counter = QueryCounter()
    with smtp_sink() as port:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.NEWSLETTER_SEND_RATE = 0
        rss_before = peak_rss_mib()
        if trace_memory:
            tracemalloc.start()
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            report = run_sending(sending.pk)
        elapsed = time.perf_counter() - started
        traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace_memory else None
        tracemalloc.stop()
        rss_growth = peak_rss_mib() - rss_before
    # A delivery is stamped sent only once the server has accepted the email.
    sent = Delivery.objects.filter(sending=sending, status=Delivery.Status.SENT).count()
    if sent != subscribers or report.status != "sent":
        raise SystemExit(f"Sent {sent} of {subscribers}: {report.as_dict()}")
    print(
        f"{'emails':>10}{'seconds':>10}{'emails/s':>10}{'queries':>10}"
        f"{'queries/email':>15}{'peak RSS +MiB':>15}"
    )
    print(
        f"{subscribers:>10}{elapsed:>10.1f}{subscribers / elapsed:>10.1f}{counter.count:>10}"
        f"{counter.count / subscribers:>15.2f}{rss_growth:>15.1f}"
    )
    if traced_peak is not None:
        print(f"Peak Python memory during the send (tracemalloc, which slows it down): {traced_peak:.1f} MiB")


def bench_signup(requests):
    from django.conf import settings
    from django.test import Client

    from newsletters.models import NewsletterIndexPage, NewsletterList

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "newsletter_signup": "1000000/m/ip"}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    index = NewsletterIndexPage.objects.get()
    url = index.url + index.reverse_subpage("signup")
    list_pk = NewsletterList.objects.filter(offered_in_footer=True).values_list("pk", flat=True).first()
    client = Client()
    numbers = iter(range(10**9))

    def post():
        data = {"email": f"signup{next(numbers)}@example.org", "lists": [list_pk], "consent": "on"}
        return expect_status(client.post(url, data), f"POST {url}", status=302)

    result = timed(post, requests, warmup=10)
    print(f"{'sign-up':<12}{'req/s':>9}{'mean ms':>10}{'p95 ms':>9}{'queries/req':>13}")
    print(
        f"{url:<12}{result['rps']:>9.1f}{result['mean_ms']:>10.2f}{result['p95_ms']:>9.2f}{queries_per_call(post):>13}"
    )


def main():
    args = parse_args()
    setup_django()
    with demo_database() as description:
        print(description)
        bench_send(args.subscribers, args.trace_memory)
        bench_signup(args.signups)


if __name__ == "__main__":
    main()
