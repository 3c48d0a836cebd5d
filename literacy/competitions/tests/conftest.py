"""Competitions, entrants, judges and real files for the competition tests."""

import datetime
import io
import struct
import zipfile
import zlib

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from fpdf import FPDF
from PIL import Image

from literacy.competitions.models import Category, CompetitionPage, Criterion
from literacy.games.models import GamesIndexPage
from portal.core.vocabularies import UserGroup

CONSENT = "I agree that the statistics office keeps my details to run this competition."
PASSWORD = "x-Strong-pass-1"


@pytest.fixture(autouse=True)
def entry_root(settings, tmp_path):
    """Every test stores entry files in its own folder, outside the public media root."""
    settings.COMPETITION_ENTRY_ROOT = tmp_path / "entries"
    return settings.COMPETITION_ENTRY_ROOT


def stored_files(root):
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def png_bytes(width=120, height=80, colour="#0b3c5d"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(width=120, height=80):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#00707a").save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_bytes(text="Commuting in 2025"):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(0, 10, text)
    return bytes(pdf.output())


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("chart.png", png_bytes())
    return buffer.getvalue()


def png_claiming_size(width, height):
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb's calling card."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def upload(content, name="entry.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def whole_second(moment):
    return moment.replace(microsecond=0)


def competition_fields(**fields):
    now = whole_second(timezone.now())
    defaults = {
        "title": "Infographic competition",
        "summary": "One picture, one message.",
        "audience": "Everyone",
        "rules": "<p>Your own work, with sources.</p>",
        "opens_at": now - datetime.timedelta(days=10),
        "closes_at": now + datetime.timedelta(days=10),
        "winners_announced_at": now + datetime.timedelta(days=40),
        "time_zone": "Europe/Paris",
        "consent_text": CONSENT,
        "max_entries_per_person": 1,
    }
    defaults.update(fields)
    return defaults


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """with committed(): ... runs what the code queued for after its transaction commits
    (emails, file clean-up), as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def games_index(demo_site):
    return GamesIndexPage.objects.get()


@pytest.fixture
def make_competition(games_index):
    """make_competition(**fields): a published competition open for ten more days, two categories,
    and a rubric of two criteria (Accuracy: 10 points, weight 3; Clarity: 5 points, weight 1)."""

    def make(categories=("Infographic", "Data story"), **fields):
        fields = competition_fields(**fields)
        fields.setdefault("slug", f"competition-{CompetitionPage.objects.count() + 1}")
        page = CompetitionPage(**fields)
        page.categories = [Category(name=name) for name in categories]
        page.criteria = [
            Criterion(name="Accuracy", max_points=10, weight=3),
            Criterion(name="Clarity", max_points=5, weight=1),
        ]
        games_index.add_child(instance=page)
        page.save_revision().publish()
        return CompetitionPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def competition(make_competition):
    return make_competition()


@pytest.fixture
def make_user(db):
    def make(email="ana@example.org", *, verified=True, groups=(), permissions=()):
        user = get_user_model().objects.create_user(email, PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        for codename in permissions:
            app_label, _, code = codename.partition(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=code)
            )
        return get_user_model().objects.get(pk=user.pk)

    return make


@pytest.fixture
def entrant(make_user):
    return make_user()


@pytest.fixture
def entrant_client(client, entrant):
    client.force_login(entrant)
    return client


def entry_data(competition, **overrides):
    """A complete, valid POST for the entry form (the file goes in separately)."""
    from portal.contacts.forms import wording_fingerprint

    data = {
        "title": "Where the money goes",
        "description": "Household spending in twelve slices.\nSource: household budget survey.",
        "category": str(competition.categories.first().pk) if competition.categories.exists() else "",
        "team_members": "Ana\nBruno",
        "organisation": "Riverside School",
        "display_name": "Ana, Riverside School",
        "user_group": UserGroup.TEACHERS_AND_STUDENTS,
        "link": "",
        "accept_rules": "on",
        "consent": "on",
        "consent_version": wording_fingerprint(competition.consent_text),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def subpage(competition, name, *args):
    return competition.url + competition.reverse_subpage(name, args=args)


@pytest.fixture
def judge(make_user):
    return make_user("judge.one@statistics.example", groups=["Judges"])


@pytest.fixture
def second_judge(make_user):
    return make_user("judge.two@statistics.example", groups=["Judges"])


@pytest.fixture
def moderator(make_user):
    return make_user(
        "editor@statistics.example",
        permissions=["wagtailadmin.access_admin", "competitions.moderate_entry"],
    )
