"""Pre-release access for named accredited journalists (issue 18): a Moderator grants an
expiring link, emailed to the journalist; the preview shows the embargoed figures under a loud
banner, privately; every opening is logged; bad links get a clear 403 or 410, and once the
release is out the link leads to the public page."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from datasets.models import PreviewAccess, PreviewGrant, Release
from datasets.models.previews import token_hash
from datasets.tests.factories import (
    DatasetVersionFactory,
    ObservationFactory,
    PreviewGrantFactory,
    ReleaseFactory,
)
from tests.factories import StaffFactory

Status = Release.Status
CREATE = reverse("datasets_previewgrant_modeladmin_create")


@pytest.fixture
def release(db):
    version = DatasetVersionFactory()
    return ReleaseFactory(dataset=version.dataset, version=version, summary="Mid-year estimates")


@pytest.fixture
def grant(release):
    return PreviewGrantFactory(release=release, journalist_name="Ada Lovelace", organisation="Daily Gazette")


@pytest.fixture
def moderator(db):
    return StaffFactory(groups=["Moderators"])


def link(grant, token=None):
    return grant.preview_path(token)


def form(release, **extra):
    return {
        "release": release.pk,
        "journalist_name": "Ada Lovelace",
        "email": "ada@news.example",
        "organisation": "Daily Gazette",
        "expires_at": timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M"),
        **extra,
    }


# The preview


def test_the_preview_shows_the_embargoed_figures_under_a_loud_banner(client, grant):
    ObservationFactory(version=grant.release.version, value="12345.5")
    response = client.get(link(grant))
    html = response.content.decode()
    assert response.status_code == 200
    assert "EMBARGOED until" in html and "do not publish" in html
    assert "12345.5" in html
    assert "Ada Lovelace (Daily Gazette)" in html
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in html


def test_the_preview_is_private_and_never_indexed(client, grant):
    response = client.get(link(grant))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "no-referrer"


def test_every_opening_is_logged_without_the_address(client, grant):
    client.get(link(grant), REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Reader/1.0 " + "x" * 400 + "\x00")
    client.get(link(grant), REMOTE_ADDR="203.0.113.9")
    client.get(link(grant), REMOTE_ADDR="198.51.100.1")
    accesses = list(grant.accesses.order_by("pk"))
    assert len(accesses) == 3
    assert len(accesses[0].user_agent) == 300 and "\x00" not in accesses[0].user_agent
    assert accesses[0].ip_hash == accesses[1].ip_hash != accesses[2].ip_hash
    assert all(re.fullmatch(r"[0-9a-f]{64}", access.ip_hash) for access in accesses)
    assert "203.0.113.9" not in accesses[0].ip_hash


def test_the_page_cache_never_serves_a_preview(client, grant, page_cache_on):
    client.get(link(grant))
    second = client.get(link(grant))
    assert second.status_code == 200
    assert grant.accesses.count() == 2


def test_hostile_names_are_escaped(client, release):
    hostile = PreviewGrantFactory(release=release, journalist_name="<script>alert(1)</script>")
    Release.objects.filter(pk=release.pk).update(title="<img src=x onerror=alert(1)>")
    html = client.get(link(hostile)).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html


def test_a_release_without_figures_yet_says_so(client, db):
    waiting = PreviewGrantFactory(release=ReleaseFactory(version=None))
    response = client.get(link(waiting))
    assert response.status_code == 200
    assert "not imported yet" in response.content.decode()


def test_queries_do_not_grow_with_the_number_of_figures(client, grant):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(link(grant)).status_code == 200
        return len(queries)

    ObservationFactory.create_batch(3, version=grant.release.version)
    count()  # the first request fills the site's caches
    few = count()
    ObservationFactory.create_batch(40, version=grant.release.version)
    assert count() == few


def test_figures_are_shown_a_hundred_a_page(client, grant):
    ObservationFactory.create_batch(101, version=grant.release.version)
    first = client.get(link(grant)).content.decode()
    assert "1 to 100 of 101" in first and "Page 1 of 2" in first
    assert "101 to 101 of 101" in client.get(link(grant) + "?page=2").content.decode()


# Links that do not work


def test_a_tampered_token_is_refused(client, grant):
    token = grant.token
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = client.get(link(grant, tampered))
    assert response.status_code == 403
    assert "This preview link is not valid" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert not PreviewAccess.objects.exists()


@pytest.mark.parametrize("token", ["short", "a" * 101, "abc%00defghijklmnopqrstuvwxyz", "%3Cscript%3E" * 3])
def test_malformed_tokens_are_refused(client, grant, token):
    response = client.get(f"/en/data/releases/{grant.release_id}/preview/{token}/")
    assert response.status_code in (400, 403)  # the site refuses any NUL byte with 400
    assert not PreviewAccess.objects.exists()


def test_a_link_for_another_release_is_refused(client, grant):
    other = ReleaseFactory()
    response = client.get(reverse("datasets:release_preview", kwargs={"pk": other.pk, "token": grant.token}))
    assert response.status_code == 403
    assert not PreviewAccess.objects.exists()


def test_an_expired_link_is_gone(client, grant):
    PreviewGrant.objects.filter(pk=grant.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(link(grant))
    assert response.status_code == 410
    assert "This preview link has expired" in response.content.decode()
    assert not PreviewAccess.objects.exists()


def test_a_revoked_link_is_gone(client, grant):
    PreviewGrant.objects.filter(pk=grant.pk).update(revoked=True)
    response = client.get(link(grant))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    assert not PreviewAccess.objects.exists()


def test_a_cancelled_release_has_nothing_to_preview(client, grant):
    Release.objects.filter(pk=grant.release_id).update(status=Status.CANCELLED, status_reason="Data problem")
    assert client.get(link(grant)).status_code == 410


def test_after_the_release_the_link_leads_to_the_public_page(client, grant):
    Release.objects.filter(pk=grant.release_id).update(status=Status.PUBLISHED)
    response = client.get(link(grant))
    assert response.status_code == 302
    assert response.url == grant.release.get_absolute_url()
    assert not PreviewAccess.objects.exists()


def test_only_the_hash_of_the_token_is_stored(grant):
    stored = PreviewGrant.objects.get(pk=grant.pk)
    assert stored.token == "" and stored.token_hash == token_hash(grant.token)
    assert grant.token not in str(PreviewGrant.objects.filter(pk=grant.pk).values().get())


# The admin


def test_a_moderator_grants_access_and_the_journalist_gets_the_link(client, moderator, release, mailoutbox):
    client.force_login(moderator)
    response = client.post(CREATE, form(release))
    grant = PreviewGrant.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("datasets_previewgrant_modeladmin_inspect", args=[grant.pk])
    assert grant.created_by == moderator and not grant.revoked
    [message] = mailoutbox
    assert message.to == ['"Ada Lovelace" <ada@news.example>']
    assert message.subject.startswith("EMBARGOED")
    token = re.search(r"/preview/([A-Za-z0-9_-]+)/", message.body).group(1)
    assert token_hash(token) == grant.token_hash
    client.logout()
    assert client.get(link(grant, token)).status_code == 200


def test_the_grant_form_opens_for_a_release(client, moderator, release):
    client.force_login(moderator)
    html = client.get(CREATE + f"?release={release.pk}").content.decode()
    assert f'name="release" value="{release.pk}"' in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("expires_at", "2000-01-01 10:00"),
        ("expires_at", timezone.localtime(timezone.now() + timedelta(days=40)).strftime("%Y-%m-%d %H:%M")),
        ("expires_at", "not a date"),
        ("journalist_name", ""),
        ("journalist_name", "Ada\nBcc: everyone@example"),
        ("journalist_name", "x" * 201),
        ("organisation", "Daily\x00Gazette"),
        ("email", "not-an-email"),
    ],
)
def test_bad_grants_are_refused_and_nothing_is_sent(client, moderator, release, mailoutbox, field, value):
    client.force_login(moderator)
    response = client.post(CREATE, form(release, **{field: value}))
    assert response.status_code in (200, 400)  # the form again, or the site's 400 for a NUL byte
    assert not PreviewGrant.objects.exists()
    assert mailoutbox == []


def test_no_grant_for_a_published_release(client, moderator, release, mailoutbox):
    Release.objects.filter(pk=release.pk).update(status=Status.PUBLISHED)
    client.force_login(moderator)
    assert client.post(CREATE, form(release)).status_code == 200
    assert not PreviewGrant.objects.exists()


def test_data_editors_cannot_grant_access(client, release, mailoutbox):
    client.force_login(StaffFactory(groups=["Data editors"]))
    response = client.post(CREATE, form(release))
    assert response.status_code in (302, 403)
    assert not PreviewGrant.objects.exists() and mailoutbox == []


def test_the_grant_lists_every_opening(client, moderator, grant):
    client.get(link(grant), HTTP_USER_AGENT="<b>Reader</b>")
    client.force_login(moderator)
    html = client.get(reverse("datasets_previewgrant_modeladmin_inspect", args=[grant.pk])).content.decode()
    assert "&lt;b&gt;Reader&lt;/b&gt;" in html
    log = client.get(reverse("datasets_previewaccess_modeladmin_index")).content.decode()
    assert "Ada Lovelace" in log


def test_a_grant_cannot_be_edited(client, moderator, grant):
    client.force_login(moderator)
    response = client.get(reverse("datasets_previewgrant_modeladmin_edit", args=[grant.pk]))
    assert response.status_code in (302, 403)


def test_a_moderator_revokes_a_link(client, moderator, grant):
    url = reverse("datasets_previewgrant_revoke", args=[grant.pk])
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    grant.refresh_from_db()
    assert not grant.revoked  # asking is not revoking
    assert client.post(url).status_code == 302
    grant.refresh_from_db()
    assert grant.revoked
    client.logout()
    assert client.get(link(grant)).status_code == 410


def test_revoking_needs_the_permission_and_a_csrf_token(client, grant, moderator):
    url = reverse("datasets_previewgrant_revoke", args=[grant.pk])
    client.force_login(StaffFactory(groups=["Data editors"]))
    assert client.post(url).status_code in (302, 403)
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(moderator)
    assert strict.post(url).status_code == 403
    grant.refresh_from_db()
    assert not grant.revoked


def test_the_release_calendar_admin_offers_pre_release_access(client, moderator, release):
    published = ReleaseFactory(title="Already out")
    Release.objects.filter(pk=published.pk).update(status=Status.PUBLISHED)
    client.force_login(moderator)
    html = client.get(reverse("wagtailsnippets_datasets_release:list")).content.decode()
    assert html.count("Grant pre-release access") == 1
    assert f"{CREATE}?release={release.pk}" in html
    client.force_login(StaffFactory(groups=["Data editors"]))
    html = client.get(reverse("wagtailsnippets_datasets_release:list")).content.decode()
    assert "Grant pre-release access" not in html
