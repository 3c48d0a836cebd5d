"""Competition benchmark: the gallery and the judges' entries list with 500 entries, read per
second, and entries submitted per second through the whole form (CSRF, validation of a real
PNG by content, the user database, the confirmation email task).

Builds a throwaway test database with the demo content, then works through Django's test
client (middleware, routing, views, templates and queries, but no network). Run from the
project root:

    .venv/bin/python bench/competitions.py [--requests 200] [--warmup 20]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse
import io
import itertools
import tempfile

from _harness import demo_database, expect_status, queries_per_call, setup_django, timed

ENTRIES = 500


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per measure (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first (default 20)")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    return args


def many_entries(competition, judge):
    """ENTRIES accepted link entries, each scored by the judge."""
    from literacy.competitions.models import Entry, Score, ScoreSheet

    Entry.objects.bulk_create(
        Entry(
            competition=competition,
            title=f"Entry {number}",
            description="Household spending in twelve slices.",
            display_name=f"Entrant {number}",
            email=f"entrant{number}@example.org",
            user_group="citizens",
            consent_wording=competition.consent_text,
            link=f"https://example.org/{number}",
            moderation=Entry.Moderation.ACCEPTED,
        )
        for number in range(ENTRIES)
    )
    criteria = list(competition.criteria.all())
    sheets = ScoreSheet.objects.bulk_create(
        ScoreSheet(entry=entry, judge=judge) for entry in competition.entries.all()
    )
    Score.objects.bulk_create(
        Score(sheet=sheet, criterion=criterion, points=criterion.max_points // 2)
        for sheet in sheets
        for criterion in criteria
    )


def bench_user(email, group=None):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(email, "x-Strong-pass-1")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "#00707a").save(buffer, format="PNG")
    return buffer.getvalue()


def main():
    args = parse_args()
    setup_django()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from literacy.competitions.models import CompetitionPage
    from portal.contacts.forms import wording_fingerprint

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "competition_entry": False}
    with tempfile.TemporaryDirectory(prefix="bench-entries-") as entry_root, demo_database() as description:
        settings.COMPETITION_ENTRY_ROOT = entry_root
        print(
            f"{description}; {args.requests} timed requests per measure after {args.warmup} warm-up requests."
        )
        header = f"{'measure':<50}{'req/s':>9}{'mean ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'queries/req':>13}"
        print(header)
        print("-" * len(header))
        finished = CompetitionPage.objects.get(slug="infographic-competition-2026")
        school = CompetitionPage.objects.get(slug="school-data-use-competition-2027")
        school.max_entries_per_person = 20
        school.save()
        judge = bench_user("judge@bench.example", "Judges")
        many_entries(finished, judge)

        reader = Client()
        gallery = finished.url + "gallery/"
        judge_client = Client()
        judge_client.force_login(judge)
        entries_list = reverse("competitions_entry_modeladmin_index") + f"?competition={finished.pk}"
        image = png()
        counter = itertools.count()
        entrants = {}

        def submit():
            number = next(counter)
            client = entrants.setdefault(number // 20, Client())
            if number % 20 == 0:
                client.force_login(bench_user(f"entrant{number}@bench.example"))
            data = {
                "title": f"Bench entry {number}",
                "description": "Distances from the census, by age.",
                "category": str(school.categories.first().pk),
                "display_name": "Bench",
                "user_group": "teachers_and_students",
                "accept_rules": "on",
                "consent": "on",
                "consent_version": wording_fingerprint(school.consent_text),
                "file": SimpleUploadedFile("chart.png", image, content_type="image/png"),
            }
            return expect_status(client.post(school.url + "enter/", data), "entry form", 302)

        measures = [
            (f"gallery, page 1 of {ENTRIES} entries", lambda: expect_status(reader.get(gallery), "gallery")),
            (
                f"judges' entries list, {ENTRIES} scored entries",
                lambda: expect_status(judge_client.get(entries_list), "entries list"),
            ),
            ("entry submitted with an 800x600 PNG", submit),
        ]
        for label, call in measures:
            result = timed(call, args.requests, args.warmup)
            queries = queries_per_call(call)
            print(
                f"{label:<50}{result['rps']:>9.1f}{result['mean_ms']:>10.1f}{result['p50_ms']:>9.1f}"
                f"{result['p95_ms']:>9.1f}{queries:>13}"
            )


if __name__ == "__main__":
    main()
