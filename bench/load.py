"""Load benchmark of the production stack on this machine, against the static-file limit.

Starts the stack (gunicorn with the production settings, WhiteNoise, PostgreSQL, Redis and an
RQ worker; see deploy/stack.py) on a database of its own, then measures with wrk, for each
page: requests/s and p50/p95/p99 latency with the page cache empty (cold: an app server with
the cache off renders every request) and full (warm), and the same for a static file of the
page's size served by the same server; then through nginx with the production HTTP cache
(deploy/nginx/) in front of the warm server, beside the same static file served by that nginx,
the physical limit of this machine (the target: cached pages at >= 50% of it). Then, under a
read load on the warm server, it sends 200 newsletter sign-ups and 50 forum replies at once
and checks that none failed and that exactly that many rows were written. Needs `wrk`
(`make bench-deps` installs Debian's package), PostgreSQL and Redis.

    .venv/bin/python bench/load.py [--duration 10] [--connections 32] [--http-cache-only] [--json] [PATH ...]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

from nginx_cache import LocalNginx  # noqa: E402  (deploy/ is not a package)
from stack import NoRedirect, Stack, browser  # noqa: E402

WRK_REPORT = Path(__file__).with_name("wrk-report.lua")
WARM_PORT, COLD_PORT = 8401, 8402
# The pages a spike hits, by where they are in the demo: a query finds their addresses.
PAGE_QUERIES = {
    "home page": "from home.models import HomePage as M; print(M.objects.first().url)",
    "story page": "from stories.models import DataStoryPage as M; print(M.objects.live().first().url)",
    "story index": "from stories.models import StoryIndexPage as M; print(M.objects.first().url)",
    "lesson page": "from literacy.modules.models import LessonPage as M; print(M.objects.live().first().url)",
    "forum topic": (
        "from forums.models import ForumIndexPage, Topic; "
        "t = Topic.objects.order_by('-reply_count').first(); "
        "print(ForumIndexPage.objects.first().route_url('topic', t.pk))"
    ),
    "search": "print('/search/?q=population')",
}
SIGNUPS, REPLIES = 200, 50
# Members who may reply at once: verified, rules accepted, each with a signed-in session.
MAKE_MEMBERS = """
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils.module_loading import import_string
from forums.models import ForumIndexPage, RulesAcceptance, Topic
topic = Topic.objects.order_by("-reply_count").first()
store = import_string(settings.SESSION_ENGINE + ".SessionStore")
print(ForumIndexPage.objects.first().route_url("reply", topic.pk))
for number in range({count}):
    user = get_user_model().objects.create_user(f"load-member-{{number}}@example.org", "x-Strong-pass-1")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    RulesAcceptance.objects.create(user=user, forum=topic.forum, version=topic.forum.rules_version)
    session = store()
    session.update({{SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
                    HASH_SESSION_KEY: user.get_session_auth_hash()}})
    session.create()
    print(session.session_key)
"""
COUNT_ROWS = """
from forums.models import Post
from newsletters.models import SignupRequest
signups = SignupRequest.objects.filter(email__startswith="load-").count()
print(signups, Post.objects.filter(author__email__startswith="load-member-").count())
"""


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (default 10)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() * 2 + 1, help="gunicorn workers")
    parser.add_argument("--redis-url", default="redis://localhost:6379/13")
    parser.add_argument("--http-cache-only", action="store_true", help="only the runs through nginx's cache")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (for bench/table.py)")
    parser.add_argument("paths", nargs="*", help="these pages (default: the pages a spike hits)")
    args = parser.parse_args()
    if args.duration < 1 or args.connections < 1:
        parser.error("--duration and --connections must be at least 1")
    return args


def wrk(url, args):
    output = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "30s",
            "-s",
            str(WRK_REPORT),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    report = json.loads(output.strip().splitlines()[-1])
    report["rps"] = report["requests"] / (report["duration_us"] / 1_000_000)
    return report


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def submit(opener, url, fields, referer, address):
    """POST a form as a browser behind the load balancer would: its own address, its origin."""
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(referer))
    headers = {"Origin": origin, "Referer": referer, "X-Forwarded-For": address}
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(fields, doseq=True).encode(), headers=headers
    )
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def newsletter_signup(site, number):
    """The footer form of the home page, filled in by visitor ``number``."""
    opener = urllib.request.build_opener(NoRedirect())
    home = opener.open(site + "/en/", timeout=60).read().decode()
    form = re.search(r'<form class="footer-signup"[^>]*action="([^"]+)"(.*?)</form>', home, re.S)
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(2))
    fields += [("email", f"load-{number}@example.org"), ("consent", "on")]
    return submit(
        opener, site + form.group(1), fields, site + "/en/", f"10.1.{number // 250}.{number % 250 + 1}"
    )


def forum_reply(site, reply_path, session_key, number):
    """Member ``number`` opens the reply form of the busiest topic and posts."""
    opener = browser(session_key)
    page = opener.open(site + reply_path, timeout=60).read().decode()
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    fields["body"] = f"Reply {number} under load: the figures match the release tables."
    return submit(opener, site + reply_path, fields, site + reply_path, f"10.2.0.{number + 1}")


def mixed_load(stack, site, args):
    """Writes under a read load: every one must succeed, and the rows must be exact."""
    reply_path, *sessions = stack.manage(
        "shell", "--no-imports", "-c", MAKE_MEMBERS.format(count=REPLIES), capture=True
    ).split()
    reads = subprocess.Popen(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration * 2}s",
            "--timeout",
            "30s",
            "-s",
            str(WRK_REPORT),
            site + "/en/",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    with ThreadPoolExecutor(max_workers=SIGNUPS + REPLIES) as pool:
        signups = [pool.submit(newsletter_signup, site, number) for number in range(SIGNUPS)]
        replies = [pool.submit(forum_reply, site, reply_path, key, n) for n, key in enumerate(sessions)]
        statuses = [future.result() for future in signups + replies]
    read_run = json.loads(reads.communicate()[0].strip().splitlines()[-1])
    rows = stack.manage("shell", "--no-imports", "-c", COUNT_ROWS, capture=True).split()
    return {
        "reads": read_run["requests"],
        "read_errors": read_run["errors"] + read_run["non_2xx"],
        "failed": [status for status in statuses if status not in (200, 302)],
        "rows": rows,
    }


def page_paths(stack, args):
    """The pages to measure, by name: those given (named by their path), else PAGE_QUERIES'."""
    if args.paths:
        return {path: path for path in args.paths}
    return {
        name: stack.manage("shell", "--no-imports", "-c", query, capture=True).strip()
        for name, query in PAGE_QUERIES.items()
    }


def static_twins(stack, server, paths):
    """A static file of each page's size, under the stack's static root; their URLs by page name."""
    static_files = {}
    for name, path in paths.items():
        size = len(fetch(server + path))
        static_file = stack.static_root / "bench" / f"{size}.html"
        static_file.parent.mkdir(exist_ok=True)
        static_file.write_bytes(b"x" * size)
        static_files[name] = f"/static/bench/{size}.html"
    return static_files


def measure(args):
    """Every run of the benchmark, as data: the app servers alone (unless --http-cache-only),
    then through nginx's cache, then the mixed load (unless --http-cache-only)."""
    site = f"http://127.0.0.1:{WARM_PORT}"
    with Stack(
        "portal_bench_load",
        redis_url=args.redis_url,
        WEB_CONCURRENCY=str(args.workers),
        TRUSTED_PROXY_COUNT="1",  # as behind a load balancer: each visitor has its own address
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    ) as stack:
        stack.prepare(site)
        paths = page_paths(stack, args)
        cold = stack.start_app_server(COLD_PORT, PAGE_CACHE_SECONDS="0")
        # Collected before the warm server starts: WhiteNoise reads the file list once, at start-up.
        static_files = static_twins(stack, cold, paths)
        warm = stack.start_app_server(WARM_PORT)
        stack.start_worker()
        report = {"direct": [], "http_cache": [], "mixed": None}
        if not args.http_cache_only:
            report["direct"] = direct_runs(cold, warm, paths, static_files, args)
        report["http_cache"] = http_cache_runs(stack, paths, static_files, args)
        if not args.http_cache_only:
            report["mixed"] = mixed_load(stack, warm, args)
    return report


def direct_runs(cold, warm, paths, static_files, args):
    """Each page from the app server with the cache off and on, and its static twin from the same."""
    runs = []
    for name, path in paths.items():
        cold_run = wrk(cold + path, args)
        fetch(warm + path)  # fill the cache
        warm_run = wrk(warm + path, args)
        static_run = wrk(warm + static_files[name], args)
        runs.append({"name": name, "path": path, "cold": cold_run, "warm": warm_run, "static": static_run})
    return runs


def http_cache_runs(stack, paths, static_files, args):
    """Each page through nginx with the production cache rules, beside a static file of the same
    size that the same nginx serves from disk: how close cached pages come to the limit."""
    runs = []
    with LocalNginx(f"127.0.0.1:{WARM_PORT}", static_root=stack.static_root, workers=os.cpu_count()) as nginx:
        for name, path in paths.items():
            fetch(nginx.url + path)  # fill nginx's cache
            cached_run = wrk(nginx.url + path, args)
            static_run = wrk(nginx.url + static_files[name], args)
            share = cached_run["rps"] / static_run["rps"] if static_run["rps"] else None
            runs.append(
                {"name": name, "path": path, "cached": cached_run, "static": static_run, "share": share}
            )
    return runs


def print_report(report, args):
    print(
        f"wrk: {args.connections} connections, {args.threads} threads, {args.duration} s per run; "
        f"gunicorn: {args.workers} sync workers; PostgreSQL and Redis on this machine."
    )
    if report["direct"]:
        header = (
            f"{'page':<14}{'cold req/s':>11}{'p50/p95/p99 ms':>18}{'warm req/s':>12}{'p50/p95/p99 ms':>18}"
            f"{'static req/s':>14}{'warm/static':>13}{'errors':>8}"
        )
        print(header)
        print("-" * len(header))
        for run in report["direct"]:
            print(
                f"{run['name']:<14}{run['cold']['rps']:>11.0f}{latencies(run['cold']):>18}"
                f"{run['warm']['rps']:>12.0f}{latencies(run['warm']):>18}{run['static']['rps']:>14.0f}"
                f"{ratio(run['warm'], run['static']):>13}{errors(run, 'cold', 'warm', 'static'):>8}"
            )
    print(f"\nThrough nginx ({os.cpu_count()} workers) with the HTTP cache of deploy/nginx/:")
    header = (
        f"{'page':<14}{'cached req/s':>13}{'p50/p95/p99 ms':>18}{'static req/s':>14}"
        f"{'cached/static':>15}{'errors':>8}"
    )
    print(header)
    print("-" * len(header))
    for run in report["http_cache"]:
        print(
            f"{run['name']:<14}{run['cached']['rps']:>13.0f}{latencies(run['cached']):>18}"
            f"{run['static']['rps']:>14.0f}{ratio(run['cached'], run['static']):>15}"
            f"{errors(run, 'cached', 'static'):>8}"
        )
    mixed = report["mixed"]
    if mixed:
        print(
            f"\nMixed load, during {mixed['reads']} reads of the home page ({mixed['read_errors']} errors):"
        )
        print(
            f"  {SIGNUPS} newsletter sign-ups and {REPLIES} forum replies at once: "
            f"{len(mixed['failed'])} errors {mixed['failed'][:5]}"
        )
        print(
            f"  rows written: {mixed['rows'][0]} sign-up requests (expected {SIGNUPS}), "
            f"{mixed['rows'][1]} posts (expected {REPLIES})"
        )


def main():
    args = parse_args()
    report = measure(args)
    if args.json:
        print(json.dumps(report))
    else:
        print_report(report, args)
    mixed = report["mixed"]
    if mixed and (mixed["failed"] or mixed["rows"] != [str(SIGNUPS), str(REPLIES)]):
        raise SystemExit("The mixed load lost or refused writes.")


def errors(run, *names):
    return sum(run[name]["errors"] + run[name]["non_2xx"] for name in names)


def ratio(run, limit):
    return f"{run['rps'] / limit['rps']:.0%}" if limit["rps"] else "-"


def latencies(run):
    return "/".join(
        f"{run[p] / 1000:.0f}" if run[p] >= 10_000 else f"{run[p] / 1000:.1f}" for p in ("p50", "p95", "p99")
    )


if __name__ == "__main__":
    main()
