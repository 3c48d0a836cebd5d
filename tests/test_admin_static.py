"""Admin screens under production's static files settings (issue 17, item 3).

Production keeps static files in a manifest (hashed names); a template or admin class that
names a file the manifest lacks makes the page fail (500). Static files are collected once per
test session into a temporary folder with the manifest storage; then every admin list, create
and edit screen of the records (ModelAdmin) and snippets is opened as a superuser.
"""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from tests.admin_urls import FACTORIES, registered_model_admins

# Production uses WhiteNoise's compressed variant of this storage; the manifest (the part that
# fails on a missing file) is the same, and skipping compression keeps the test fast.
MANIFEST_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


def manifest_storages(settings):
    return {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    from django.conf import settings

    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=str(root), STORAGES=manifest_storages(settings)):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production_static(settings, collected_static):
    settings.STATIC_ROOT = str(collected_static)
    settings.STORAGES = manifest_storages(settings)
    settings.DEBUG = False


def model_admin_cases():
    return [
        pytest.param(model_admin.model._meta.label_lower, id=model_admin.model._meta.label_lower)
        for model_admin in registered_model_admins()
    ]


def snippet_cases():
    return [
        pytest.param(model._meta.label_lower, id=model._meta.label_lower) for model in get_snippet_models()
    ]


def assert_renders(client, url):
    response = client.get(url)
    assert response.status_code in (200, 302), f"{url} answered {response.status_code}"
    if response.status_code == 200 and hasattr(response, "render"):
        response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("model_label", model_admin_cases())
def test_record_admin_screens_render_with_the_manifest(
    home_page, superuser_client, production_static, model_label
):
    record = FACTORIES[model_label]()
    model_admin = next(a for a in registered_model_admins() if a.model._meta.label_lower == model_label)
    helper = model_admin.url_helper
    for url in (
        helper.index_url,
        helper.create_url,
        helper.get_action_url("edit", record.pk),
        helper.get_action_url("inspect", record.pk) if model_admin.inspect_view_enabled else None,
    ):
        if url:
            assert_renders(superuser_client, url)


@pytest.mark.django_db
@pytest.mark.parametrize("model_label", snippet_cases())
def test_snippet_screens_render_with_the_manifest(
    home_page, superuser_client, production_static, model_label
):
    record = FACTORIES[model_label]()
    viewset = type(record).snippet_viewset
    for url in (
        reverse(viewset.get_url_name("list")),
        reverse(viewset.get_url_name("add")),
        reverse(viewset.get_url_name("edit"), args=[record.pk]),
    ):
        assert_renders(superuser_client, url)
