"""Newsletter benchmark: one issue sent to 20 000 subscribers (--recipients for more) through a
local SMTP sink by one worker, then by two at once, and the sign-up endpoint's requests per second.

Builds a throwaway database with the demo content, adds the subscribers in bulk, starts a
minimal SMTP sink (bench/smtp_sink.py) in its own process, writes the delivery rows, then
forks the workers, each running the real send (run_sending: rows claimed in batches, each
email built from the issue prepared once, sent on one SMTP connection and stamped sent).
Reports per run: emails/s (wall), CPU-ms per email and emails per CPU-second of the workers,
peak memory per worker, and checks at the sink that everyone got exactly one email. Two
workers need PostgreSQL (forked workers cannot share SQLite's in-memory database). Run from
the project root:

    DATABASE_URL=postgres://postgres@localhost:5432/portal .venv/bin/python bench/newsletters.py \
        [--recipients 20000] [--workers 1,2] [--signups 200] [--json]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse
import cProfile
import json
import multiprocessing
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

INSERT_BATCH = 5000
SINK = Path(__file__).resolve().parent / "smtp_sink.py"


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--recipients", type=int, default=20_000, help="people the issue goes to (default 20000)"
    )
    parser.add_argument(
        "--workers", default="1,2", help="comma-separated worker counts to run, e.g. 1,2 (default)"
    )
    parser.add_argument("--profile", metavar="DIR", help="write each worker's cProfile stats to DIR")
    parser.add_argument(
        "--signups", type=int, default=200, help="timed sign-up requests (default 200; 0: none)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (for bench/table.py)")
    args = parser.parse_args()
    try:
        args.workers = [int(n) for n in args.workers.split(",")]
    except ValueError:
        parser.error("--workers takes numbers separated by commas")
    if args.recipients < 1 or args.signups < 0 or min(args.workers) < 1:
        parser.error("--recipients and --workers must be at least 1, --signups at least 0")
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


def make_sending(newsletter_list, slug):
    from newsletters.models import NewsletterIndexPage, NewsletterIssuePage, Sending

    index = NewsletterIndexPage.objects.first()  # in English: its tree comes first
    issue = NewsletterIssuePage(title=f"Benchmark issue {slug}", slug=slug, intro="<p>Hello.</p>")
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
def smtp_sink(result):
    """bench/smtp_sink.py in its own process; yields its port; `result` gets its counts."""
    port = free_port()
    with tempfile.NamedTemporaryFile(suffix=".json") as counts:
        server = subprocess.Popen([sys.executable, str(SINK), str(port), counts.name])
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit("The SMTP sink did not start.") from None
                    time.sleep(0.1)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=30)
            result.update(json.loads(Path(counts.name).read_text() or "{}"))


def rss_mib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def worker(sending_pk, port, results, profile_dir):
    """One worker process: the real send, timed in CPU and wall time."""
    from django.conf import settings
    from django.db import connection

    from newsletters.sending import run_sending

    connection.close()  # never share the parent's database connection
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.NEWSLETTER_SEND_RATE = 0
    rss_before = rss_mib()
    profiler = cProfile.Profile() if profile_dir else None
    cpu = time.process_time()
    if profiler:
        profiler.enable()
    report = run_sending(sending_pk)
    cpu = time.process_time() - cpu
    if profiler:
        profiler.disable()
        profiler.dump_stats(Path(profile_dir) / f"send-worker-{os.getpid()}.prof")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put({"sent": report.sent, "cpu": cpu, "rss_before": rss_before, "peak_rss": peak})


def send_with(workers, newsletter_list, recipients, slug, profile_dir=None):
    """Write down the recipients, then time `workers` processes sending the issue together."""
    from django.db import connection

    from newsletters.models import Delivery
    from newsletters.sending import write_down_recipients

    sending = make_sending(newsletter_list, f"benchmark-{slug}")
    write_down_recipients(sending)
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    sink = {}
    with smtp_sink(sink) as port:
        connection.close()
        processes = [
            context.Process(target=worker, args=(sending.pk, port, results, profile_dir))
            for _ in range(workers)
        ]
        started = time.perf_counter()
        for process in processes:
            process.start()
        reports = [results.get() for _ in processes]
        elapsed = time.perf_counter() - started
        for process in processes:
            process.join()
    sent = Delivery.objects.filter(sending=sending, status=Delivery.Status.SENT).count()
    received = sink.get("messages"), sink.get("recipients"), sink.get("duplicates")
    if sent != recipients or received != (recipients, recipients, 0):
        raise SystemExit(f"{workers} worker(s): {sent} stamped sent; at the sink {received} of {recipients}")
    cpu = sum(report["cpu"] for report in reports)
    return {
        "workers": workers,
        "emails": recipients,
        "seconds": elapsed,
        "rate": recipients / elapsed,
        "cpu_ms": cpu * 1000 / recipients,
        "per_cpu_second": recipients / cpu,
        "split": "/".join(str(report["sent"]) for report in reports),
        "peak_rss": max(report["peak_rss"] for report in reports),
        "rss_growth": max(report["peak_rss"] - report["rss_before"] for report in reports),
    }


def bench_send(recipients, worker_counts, profile_dir=None):
    """One run per worker count, each sending the issue to everyone; the runs' figures."""
    from django.db import connection

    from newsletters.models import NewsletterList, Subscriber

    if connection.vendor == "sqlite" and max(worker_counts) > 1:
        raise SystemExit("Two workers need PostgreSQL: set DATABASE_URL (see bench/README.md).")
    Subscriber.objects.all().delete()  # only the benchmark's people
    newsletter_list = NewsletterList.objects.create(
        name="Benchmark list", description="Everyone in the benchmark."
    )
    started = time.perf_counter()
    add_subscribers(recipients, newsletter_list)
    print(f"{recipients} subscribers added in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
    rows = []
    for run, workers in enumerate(worker_counts):
        rows.append(send_with(workers, newsletter_list, recipients, f"run-{run}", profile_dir))
        print(f"Run {run + 1}: {workers} worker(s), {rows[-1]['rate']:.0f} emails/s", file=sys.stderr)
    return rows


def print_sends(rows):
    print(
        f"{'workers':>8}{'emails':>9}{'seconds':>9}{'emails/s':>10}{'CPU-ms/email':>14}"
        f"{'emails/CPU-s':>14}{'split':>13}{'peak RSS MiB':>14}{'RSS +MiB':>10}"
    )
    for row in rows:
        print(
            f"{row['workers']:>8}{row['emails']:>9}{row['seconds']:>9.1f}{row['rate']:>10.0f}"
            f"{row['cpu_ms']:>14.2f}{row['per_cpu_second']:>14.0f}{row['split']:>13}"
            f"{row['peak_rss']:>14.1f}{row['rss_growth']:>10.1f}"
        )
    if len(rows) > 1:
        ratio = rows[-1]["rate"] / rows[0]["rate"]
        print(f"{rows[-1]['workers']} workers / {rows[0]['workers']}: {ratio:.2f}x the emails/s")
    print("Each recipient counted exactly once at the SMTP sink in every run.")


def bench_signup(requests):
    """Sign-ups through the form, timed; the figures and the form's address."""
    from django.conf import settings
    from django.test import Client

    from newsletters.models import NewsletterIndexPage, NewsletterList

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "newsletter_signup": "1000000/m/ip"}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    index = NewsletterIndexPage.objects.first()  # in English: its tree comes first
    url = index.url + index.reverse_subpage("signup")
    list_pk = NewsletterList.objects.filter(offered_in_footer=True).values_list("pk", flat=True).first()
    client = Client()
    numbers = iter(range(10**9))

    def post():
        data = {"email": f"signup{next(numbers)}@example.org", "lists": [list_pk], "consent": "on"}
        return expect_status(client.post(url, data), f"POST {url}", status=302)

    result = timed(post, requests, warmup=10)
    return {"url": url, **result, "queries": queries_per_call(post)}


def print_signup(result):
    print(f"{'sign-up':<12}{'req/s':>9}{'mean ms':>10}{'p95 ms':>9}{'queries/req':>13}")
    print(
        f"{result['url']:<12}{result['rps']:>9.1f}{result['mean_ms']:>10.2f}{result['p95_ms']:>9.2f}"
        f"{result['queries']:>13}"
    )


def main():
    args = parse_args()
    setup_django()
    with demo_database() as description:
        sends = bench_send(args.recipients, args.workers, args.profile)
        signup = bench_signup(args.signups) if args.signups else None
    if args.json:
        print(json.dumps({"description": description, "sends": sends, "signup": signup}))
        return
    print(description)
    print_sends(sends)
    if signup:
        print_signup(signup)


if __name__ == "__main__":
    main()
