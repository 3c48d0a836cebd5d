"""Share links: codes that cannot be guessed or enumerated, the redirect that counts a visit
without a cookie, exact counts under concurrent visits, making links, attribution of sign-ups and
completions through the base layer's interface, the reach report and its query budget."""

import re
import string
import threading

import pytest
from django.db import connection, connections
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ambassadors import links
from ambassadors.indicators import reach
from ambassadors.models import CODE_BYTES, Application, ShareEvent, ShareLink
from ambassadors.tests.factories import (
    ApprovedAmbassadorFactory,
    SharedPageFactory,
    ShareEventFactory,
    ShareLinkFactory,
)
from portal.core import attribution
from tests.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db
URL_SAFE = set(string.ascii_letters + string.digits + "-_")


def visits(link):
    return ShareEvent.objects.filter(link=link, kind=ShareEvent.Kind.VISIT).count()


def test_codes_are_long_random_url_safe_and_unique(home_page):
    ambassador = ApprovedAmbassadorFactory()
    codes = {links.make_link(ambassador, SharedPageFactory()).code for _ in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert len(code) >= 8 and len(code) == len(ShareLink(code="").code or code)
        assert set(code) <= URL_SAFE
        assert attribution.clean_code(code) == code
    assert CODE_BYTES * 8 >= 64  # 2**64 codes: guessing one in a lifetime of tries is hopeless


def test_a_code_says_nothing_about_the_ambassador_or_the_page(home_page):
    ambassador = ApprovedAmbassadorFactory(name="Tess Teacher", email="tess@example.org")
    link = links.make_link(ambassador, SharedPageFactory(slug="prices"))
    for secret in ("tess", "teacher", "prices", str(ambassador.pk), str(link.page_id)):
        assert secret not in link.code.lower() or len(secret) < 3


def test_following_a_link_counts_a_visit_and_redirects_without_a_cookie(client, home_page):
    link = ShareLinkFactory()
    response = client.get(f"/en/s/{link.code}")
    assert response.status_code == 302
    assert response["Location"] == f"{link.page.url}?via={link.code}"
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert visits(link) == 1
    page = client.get(response["Location"])
    assert page.status_code == 200 and not page.cookies


@pytest.mark.parametrize(
    "code", ["AAAAAAAAAAA", "short", "x" * 33, "%3Cscript%3E", "abc.def.ghi", "' OR 1=1 --xx", "\u00e9" * 11]
)
def test_unknown_or_malformed_codes_are_the_same_404(client, home_page, code):
    ShareLinkFactory()
    response = client.get(f"/en/s/{code}")
    assert response.status_code == 404
    assert not ShareEvent.objects.exists()


def test_unknown_codes_cost_the_same_query_as_known_ones(client, home_page):
    link = ShareLinkFactory()
    with CaptureQueriesContext(connection) as unknown:
        links.live_link("B" * len(link.code))
    with CaptureQueriesContext(connection) as known:
        links.live_link(link.code)
    assert len(unknown.captured_queries) == len(known.captured_queries) == 1


@pytest.mark.parametrize("status", [Application.Status.SUSPENDED, Application.Status.REJECTED])
def test_links_of_ambassadors_no_longer_approved_are_404(client, home_page, status):
    link = ShareLinkFactory()
    Application.objects.filter(pk=link.ambassador_id).update(status=status)
    assert client.get(f"/en/s/{link.code}").status_code == 404
    assert visits(link) == 0


def test_a_link_to_an_unpublished_page_is_404(client, home_page):
    link = ShareLinkFactory()
    link.page.unpublish()
    assert client.get(f"/en/s/{link.code}").status_code == 404


def test_only_get_follows_a_link(client, home_page):
    link = ShareLinkFactory()
    assert client.post(f"/en/s/{link.code}").status_code == 405
    assert visits(link) == 0


def test_a_robot_hammering_a_link_does_not_inflate_it(client, home_page):
    link = ShareLinkFactory()
    statuses = {client.get(f"/en/s/{link.code}").status_code for _ in range(25)}
    assert statuses == {302}  # people still get through
    assert visits(link) == 20  # ACCOUNT_RATE_LIMITS["share_visit"]: 20 a minute per address


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_visits_are_counted_exactly(home_page):
    link = ShareLinkFactory()
    threads, per_thread, errors = 8, 25, []
    barrier = threading.Barrier(threads)

    def visit():
        try:
            barrier.wait()
            for _ in range(per_thread):
                links.record_visit(links.live_link(link.code))
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=visit) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    assert visits(link) == threads * per_thread


# Making links


@pytest.fixture
def ambassador_client(client, programme):
    user = VerifiedUserFactory(email="tess@example.org")
    ambassador = ApprovedAmbassadorFactory(email="tess@example.org", user=user)
    client.force_login(user)
    client.ambassador = ambassador
    return client


def test_an_ambassador_makes_one_link_per_page(ambassador_client, programme):
    page = SharedPageFactory()
    url = programme.url + "me/"
    first = ambassador_client.post(url, {"address": f"http://localhost{page.url}"})
    again = ambassador_client.post(url, {"address": page.url})
    link = ShareLink.objects.get()
    assert first.status_code == again.status_code == 302
    assert (link.ambassador, link.page_id) == (ambassador_client.ambassador, page.pk)
    html = ambassador_client.get(first["Location"]).content.decode()
    assert f"/s/{link.code}" in html and page.title in html


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "Paste the address of a page."),
        ("https://elsewhere.example/news/", "Paste the address of a page on this site."),
        ("javascript:alert(1)", "Paste the address of a page on this site."),
        ("/en/no-such-page/", "We could not find a public page"),
        ("/ambassadors/", "not the programme"),
        ("/x\r\n/", "on one line"),
        ("/" + "a" * 600, "Keep this to 500 characters"),
    ],
)
def test_bad_addresses_are_refused(ambassador_client, programme, address, message):
    response = ambassador_client.post(programme.url + "me/", {"address": address})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ShareLink.objects.exists()


def test_a_draft_page_cannot_be_shared(ambassador_client, programme):
    page = SharedPageFactory()
    page.unpublish()
    response = ambassador_client.post(programme.url + "me/", {"address": page.url})
    assert response.status_code == 400 and not ShareLink.objects.exists()


@pytest.mark.parametrize("status", [Application.Status.APPLIED, Application.Status.SUSPENDED])
def test_only_approved_ambassadors_make_links(client, programme, status):
    user = VerifiedUserFactory(email="tess@example.org")
    ApprovedAmbassadorFactory(email="tess@example.org", user=user, status=status)
    client.force_login(user)
    response = client.post(programme.url + "me/", {"address": SharedPageFactory().url})
    assert response.status_code == 403 and not ShareLink.objects.exists()


def test_making_links_needs_a_signed_in_account_and_csrf(programme):
    from django.test import Client

    page = SharedPageFactory()
    assert Client().post(programme.url + "me/", {"address": page.url}).status_code == 302
    user = VerifiedUserFactory(email="tess@example.org")
    ApprovedAmbassadorFactory(email="tess@example.org", user=user)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(programme.url + "me/", {"address": page.url}).status_code == 403
    assert not ShareLink.objects.exists()


# Attribution through portal.core.attribution


class Session(dict):
    """A session as the request has it: ``session_key`` is None until the visitor has one."""

    session_key = None


def request_with(**params):
    request = RequestFactory().post("/en/", params)
    request.session = Session()
    return request


def test_a_conversion_carrying_a_code_is_counted_for_its_link(home_page):
    link = ShareLinkFactory()
    assert attribution.record_conversion(request_with(via=link.code), attribution.SIGNUP)
    assert attribution.record_conversion(request_with(via=link.code), attribution.COMPLETION)
    kinds = sorted(ShareEvent.objects.filter(link=link).values_list("kind", flat=True))
    assert kinds == ["completion", "signup"]


@pytest.mark.parametrize("via", ["", "nonsense-code-x", "<script>", "A" * 40])
def test_conversions_without_a_live_code_count_nothing(home_page, via):
    ShareLinkFactory()
    attribution.record_conversion(request_with(via=via), attribution.SIGNUP)
    assert not ShareEvent.objects.exists()


def test_a_conversion_kind_must_be_known():
    with pytest.raises(ValueError, match="Not a conversion"):
        attribution.record_conversion(request_with(), "purchase")


def test_a_newsletter_sign_up_from_a_shared_page_is_attributed(client, home_page):
    from newsletters.tests.factories import NewsletterIndexPageFactory, NewsletterListFactory

    index = NewsletterIndexPageFactory()
    newsletter_list = NewsletterListFactory()
    link = ShareLinkFactory(page=index)
    landing = client.get(client.get(f"/en/s/{link.code}")["Location"])
    assert f'name="via" value="{link.code}"' in landing.content.decode()
    data = {
        "email": "new@example.org",
        "lists": [newsletter_list.pk],
        "frequency": "every_issue",
        "user_group": "teachers_and_students",
        "consent": "on",
        "via": link.code,
    }
    assert client.post(index.url + index.reverse_subpage("signup"), data).status_code == 302
    assert ShareEvent.objects.filter(link=link, kind="signup").count() == 1


def test_the_code_is_kept_only_in_a_session_the_visitor_already_has(client, home_page):
    link = ShareLinkFactory()
    request = RequestFactory().get("/en/", {"via": link.code})
    request.session = Session()
    attribution.remember_share_code(request)
    assert attribution.SESSION_KEY not in request.session  # no session yet: nothing kept
    request.session.session_key = "existing"
    attribution.remember_share_code(request)
    assert request.session[attribution.SESSION_KEY] == link.code
    later = RequestFactory().post("/en/")
    later.session = request.session
    assert attribution.share_code(later) == link.code


# Reach


def test_the_reach_report_counts_per_link_and_month(ambassador_client, programme):
    ambassador = ambassador_client.ambassador
    first, second = ShareLinkFactory(ambassador=ambassador), ShareLinkFactory(ambassador=ambassador)
    for kind, count in (("visit", 3), ("signup", 2), ("completion", 1)):
        for _ in range(count):
            ShareEventFactory(link=first, kind=kind)
    ShareEventFactory(link=second)
    ShareEventFactory()  # someone else's
    response = ambassador_client.get(programme.url + "me/")
    report = response.context["reach"]
    assert {link.pk: counts for link, counts in report["links"]} == {
        first.pk: {"visit": 3, "signup": 2, "completion": 1},
        second.pk: {"visit": 1, "signup": 0, "completion": 0},
    }
    assert report["totals"] == {"visit": 4, "signup": 2, "completion": 1}
    assert len(report["months"]) == 2
    html = response.content.decode()
    assert "Month by month" in html and first.page.title in html


def test_the_ambassador_page_costs_the_same_queries_for_2_or_20_links(ambassador_client, programme):
    url = programme.url + "me/"

    def queries():
        ambassador_client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert ambassador_client.get(url).status_code == 200
        return len(context.captured_queries)

    def grow(count):
        while ShareLink.objects.count() < count:
            ShareEventFactory(link=ShareLinkFactory(ambassador=ambassador_client.ambassador))

    grow(2)
    few = queries()
    grow(20)
    assert queries() == few


def test_the_dashboard_shows_the_programme_totals(home_page):
    import datetime

    from django.utils import timezone

    ShareEventFactory.create_batch(3)
    ShareEventFactory(kind="signup")
    today = timezone.localdate()
    rows = list(reach(today - datetime.timedelta(days=1), today, "month"))
    totals = {label: value for _, label, value in rows}
    assert totals == {"Visits": 3, "Sign-ups": 1}


def test_the_share_route_is_reversible():
    assert re.fullmatch(r"/en/s/abcdefgh123", reverse("ambassador_share_link", args=["abcdefgh123"]))
