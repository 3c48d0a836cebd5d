"""Every admin view of a record checks the same permission as its list (issue 17, item 2).

The test walks every URL that the record admins register (list and export, create, edit,
delete, inspect, history, and their own action, triage and review pages), fills in the key of
a record made by the app's factory, and asks for it as staff who may open the admin but lack
the list's permission: each answer is a refusal, never the record.
"""

import re

import pytest
from django.urls import reverse

from portal.core.admin_views import RecordAdmin
from tests.admin_urls import (
    FACTORIES,
    NOT_RECORD_VIEWS,
    PROJECT_PACKAGES,
    admin_url_cases,
    admin_urls,
    label,
    registered_model_admins,
    url_for,
)
from tests.factories import StaffFactory


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def staff_without_list_permission(model):
    """Staff who may open the admin, add and delete these records, but not see them."""
    opts = model._meta
    return StaffFactory(
        permissions=[f"{opts.app_label}.add_{opts.model_name}", f"{opts.app_label}.delete_{opts.model_name}"]
    )


def test_every_model_admin_is_a_record_admin_with_a_factory():
    admins = registered_model_admins()
    assert admins
    assert [label(a) for a in admins if not isinstance(a, RecordAdmin)] == []
    assert sorted({label(a) for a in admins} - set(FACTORIES)) == []


def test_every_custom_admin_url_belongs_to_a_record_admin_or_is_named_here():
    """A view added with ``register_admin_urls`` outside a RecordAdmin escapes the rule."""
    stray = {
        url.name
        for url, view, model_admin in admin_urls()
        if model_admin is None and view.__module__.split(".")[0] in PROJECT_PACKAGES
    }
    assert stray - NOT_RECORD_VIEWS == set()


@pytest.mark.django_db
@pytest.mark.parametrize(("model_label", "url_name"), admin_url_cases())
@pytest.mark.parametrize("role", ["admin access only", "add and delete but not view"])
def test_admin_views_of_a_record_refuse_staff_who_may_not_list_it(
    home_page, client, model_label, url_name, role
):
    record = FACTORIES[model_label]()
    staff = staff_without_list_permission(type(record)) if role != "admin access only" else StaffFactory()
    client.force_login(staff)
    url = url_for(url_name, record)
    for query in ("", "?export=csv"):
        response = client.get(url + query)
        assert refused(response), f"{url}{query} answered {response.status_code} to staff without the right"


@pytest.mark.django_db
@pytest.mark.parametrize("model_label", sorted({case.values[0] for case in admin_url_cases()}))
def test_the_list_permission_opens_the_list_inspect_and_history(home_page, client, model_label):
    record = FACTORIES[model_label]()
    model_admin = next(a for a in registered_model_admins() if label(a) == model_label)
    staff = StaffFactory()
    staff.user_permissions.add(*model_admin.permission_helper.get_all_model_permissions())
    opts = record._meta
    if opts.app_label == "forums":
        staff = StaffFactory(groups=["Moderators"])
    elif opts.label_lower == "competitions.entry":
        staff = StaffFactory(groups=["Judges"])
    client.force_login(staff)
    helper = model_admin.url_helper
    urls = [helper.index_url]
    if model_admin.inspect_view_enabled:
        urls.append(helper.get_action_url("inspect", record.pk))
    urls.append(helper.get_action_url("history", record.pk))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert re.search(r"\S", response.content.decode())
