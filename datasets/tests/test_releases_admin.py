"""Releases in the admin (a snippet in the Data menu): data editors announce, only release
publishers (Moderators) confirm, and a moved date is logged with the editor and the reason."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from datasets.models import Release
from datasets.tests.factories import DatasetFactory, ReleaseFactory
from tests.factories import StaffFactory

Status = Release.Status
ADD = reverse("wagtailsnippets_datasets_release:add")


def edit_url(release):
    return reverse("wagtailsnippets_datasets_release:edit", args=[release.pk])


def form(dataset, at, status=Status.PROVISIONAL, **extra):
    return nested_form_data(
        {
            "title": "Population estimates",
            "summary": "",
            "dataset": dataset.pk,
            "version": "",
            "topic": "Population",
            "announced_at": timezone.localtime(at).strftime("%Y-%m-%d %H:%M"),
            "change_reason": "",
            "status": status,
            "status_reason": "",
            "linked_pages": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def editor(db):
    return StaffFactory(groups=["Data editors"])


@pytest.fixture
def publisher(db):
    return StaffFactory(groups=["Moderators"])


def test_moderators_may_confirm_and_data_editors_may_not(db):
    assert Group.objects.get(name="Moderators").permissions.filter(codename="publish_release").exists()
    assert not Group.objects.get(name="Data editors").permissions.filter(codename="publish_release").exists()


def test_the_data_menu_lists_releases(client, editor):
    client.force_login(editor)
    assert reverse("wagtailsnippets_datasets_release:list").encode() in client.get("/admin/").content


def test_a_data_editor_announces_a_provisional_release(client, editor):
    client.force_login(editor)
    response = client.post(ADD, form(DatasetFactory(), timezone.now() + timedelta(days=3)))
    assert response.status_code == 302, response.context["form"].errors
    assert Release.objects.get().status == Status.PROVISIONAL


def test_a_data_editor_cannot_confirm(client, editor):
    client.force_login(editor)
    response = client.post(ADD, form(DatasetFactory(), timezone.now() + timedelta(days=3), Status.CONFIRMED))
    assert response.status_code == 200
    assert "Only release publishers" in response.content.decode()
    assert not Release.objects.exists()


def test_a_data_editor_cannot_change_a_confirmed_release(client, editor):
    release = ReleaseFactory(status=Status.CONFIRMED)
    client.force_login(editor)
    later = release.announced_at + timedelta(days=1)
    response = client.post(
        edit_url(release), form(release.dataset, later, Status.CONFIRMED, change_reason="x")
    )
    assert response.status_code == 200
    assert Release.objects.get().announced_at == release.announced_at


def test_a_publisher_confirms_and_a_moved_date_is_logged_with_who_and_why(client, publisher):
    release = ReleaseFactory()
    client.force_login(publisher)
    response = client.post(edit_url(release), form(release.dataset, release.announced_at, Status.CONFIRMED))
    assert response.status_code == 302
    later = release.announced_at + timedelta(days=1)
    refused = client.post(edit_url(release), form(release.dataset, later, Status.CONFIRMED))
    assert refused.status_code == 200 and "say why" in refused.content.decode()
    hostile = "<script>alert(1)</script>"
    moved = client.post(
        edit_url(release), form(release.dataset, later, Status.CONFIRMED, change_reason=hostile)
    )
    assert moved.status_code == 302
    change = Release.objects.get().date_changes.get()
    assert (change.old_at, change.new_at, change.changed_by, change.reason) == (
        release.announced_at,
        later,
        publisher,
        hostile,
    )
    page = client.get(release.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and hostile not in page


def test_the_admin_refuses_a_past_date_and_a_missing_cancel_reason(client, publisher):
    client.force_login(publisher)
    past = client.post(ADD, form(DatasetFactory(), timezone.now() - timedelta(days=1)))
    assert "in the future" in past.content.decode()
    cancelled = client.post(ADD, form(DatasetFactory(), timezone.now() + timedelta(days=1), Status.CANCELLED))
    assert "Say why the release is postponed or cancelled" in cancelled.content.decode()
    assert not Release.objects.exists()


def test_someone_without_release_permissions_cannot_open_the_admin_list(client, db):
    client.force_login(StaffFactory())
    response = client.get(reverse("wagtailsnippets_datasets_release:list"))
    assert response.status_code in (302, 403)
