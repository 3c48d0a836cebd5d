import pytest
from django.contrib.auth.models import Group, Permission

from feedback.models import DataRequestPage, FeedbackTheme
from stories.models import DataStoryPage
from tests.origin import ORIGIN, sent_from

PASSWORD = "x-Strong-pass-1"


@pytest.fixture
def story(db):
    return DataStoryPage.objects.live().get(slug="unemployment-unchanged-at-4-1-percent")


@pytest.fixture
def request_page(db):
    return DataRequestPage.objects.get()


@pytest.fixture
def themes(db):
    return {
        name: FeedbackTheme.objects.get_or_create(name=name)[0]
        for name in ("Regional figures", "Clearer charts", "Release timing")
    }


@pytest.fixture
def send_feedback(client):
    """send_feedback(page, **fields): POST the box as a browser on this site would."""

    def send(page, *, origin=ORIGIN, **fields):
        data = {"useful": "yes", **fields}
        return client.post(f"/page-feedback/{page.pk}/", data, **sent_from(origin))

    return send


@pytest.fixture
def request_details(request_page):
    """request_details(**changes): a complete, valid data request form."""
    from feedback.tests.helpers import request_form_data

    def details(**changes):
        return request_form_data(request_page, **changes)

    return details


@pytest.fixture
def staff_user(django_user_model):
    """make(email, *codenames, groups=()): a member of staff who can open the admin."""

    def make(email, *codenames, groups=()):
        user = django_user_model.objects.create_user(email, PASSWORD, is_staff=True)
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            *Permission.objects.filter(codename__in=codenames, content_type__app_label="feedback"),
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def triager(staff_user):
    return staff_user("analyst@statistics.example", "view_datarequest", "change_datarequest")


@pytest.fixture(autouse=True)
def _no_demo_feedback(db):
    """These tests count the feedback and requests they make: the demo's go first."""
    from feedback.models import DataRequest, PageFeedback

    PageFeedback.objects.all().delete()
    DataRequest.objects.all().delete()
