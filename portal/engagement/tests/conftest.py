import pytest
from django.contrib.auth.models import Permission

from stories.models import DataStoryPage

PASSWORD = "x-Strong-pass-1"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def story(db):
    return DataStoryPage.objects.live().get(slug="unemployment-unchanged-at-4-1-percent")


@pytest.fixture
def browser_client(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def staff_member(django_user_model):
    def make(email, *codenames, groups=()):
        from django.contrib.auth.models import Group

        user = django_user_model.objects.create_user(email, PASSWORD, is_staff=True)
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            *Permission.objects.filter(codename__in=codenames),
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make
