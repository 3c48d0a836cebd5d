"""Certificates: issued on completion to signed-in learners, printable and as PDF, and checked
by anyone at a public address (valid, revoked, forged, malformed)."""

import pytest
from django.test import Client
from django.utils import timezone

from literacy.modules.certificates import normalise_code
from literacy.modules.models import Certificate
from portal.contacts.models import Contact, TouchpointKind
from tests.factories import PASSWORD

from .module_helpers import complete_module, make_module, take_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(learn_index):
    return make_module("certified", lessons=2, tier="advanced")


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user(
        "cert@example.org", PASSWORD, first_name="Ana", last_name="Silva"
    )


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


def certificate_url(module, name="certificate"):
    return module.url + module.reverse_subpage(name)


def claim(client, module, name="Ana Silva"):
    return client.post(certificate_url(module), {"name": name})


@pytest.fixture
def certificate(signed_in, module):
    complete_module(signed_in, module)
    claim(signed_in, module)
    return Certificate.objects.get()


def test_anonymous_learners_are_asked_to_sign_in(client, module):
    complete_module(client, module)
    response = client.get(certificate_url(module))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert not Certificate.objects.exists()


def test_no_certificate_before_the_module_is_complete(signed_in, module):
    take_check(signed_in, module, "pre")
    take_check(signed_in, module, "post")  # lessons not done
    assert claim(signed_in, module).status_code == 302
    assert signed_in.get(certificate_url(module))["Location"] == module.url
    assert not Certificate.objects.exists()


def test_claiming_issues_one_certificate_with_a_touchpoint(signed_in, module, learner):
    complete_module(signed_in, module)
    form = signed_in.get(certificate_url(module))
    assert 'value="Ana Silva"' in form.content.decode()
    response = claim(signed_in, module, "  Ana   Maria Silva ")
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    assert (certificate.name, certificate.module_title, certificate.tier, certificate.score) == (
        "Ana Maria Silva",
        module.title,
        "advanced",
        100,
    )
    assert claim(signed_in, module).status_code == 302  # sent twice: still one
    assert Certificate.objects.count() == 1
    touchpoints = Contact.objects.get(email=learner.email).touchpoints.filter(kind=TouchpointKind.LEARNING)
    assert any("Earned the certificate" in touchpoint.detail for touchpoint in touchpoints)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "This field is required"),
        ("   ", "This field is required"),
        ("<script>alert(1)</script>", "Use only letters"),
        ("x" * 121, "at most 120"),
    ],
)
def test_a_bad_name_is_refused(signed_in, module, name, message):
    complete_module(signed_in, module)
    response = claim(signed_in, module, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Certificate.objects.exists()


def test_the_printable_certificate(signed_in, module, certificate):
    response = signed_in.get(certificate_url(module))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ana Silva" in html
    assert module.title in html
    assert "Advanced tier" in html
    assert certificate.display_code in html
    assert f"http://testserver/en/certificates/{certificate.display_code}/" in html
    assert "no-store" in response["Cache-Control"]


def test_the_pdf(signed_in, module, certificate):
    response = signed_in.get(certificate_url(module, "certificate_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert certificate.display_code in response["Content-Disposition"]


def test_a_name_beyond_latin_1_prints_in_the_pdf(signed_in, module):
    complete_module(signed_in, module)
    claim(signed_in, module, "Łukasz Żółć Ørsted")
    response = signed_in.get(certificate_url(module, "certificate_pdf"))
    assert response.status_code == 200


def test_someone_else_cannot_see_a_learners_certificate_or_pdf(module, certificate, django_user_model):
    other = Client()
    other.force_login(django_user_model.objects.create_user("other@example.org", PASSWORD))
    assert other.get(certificate_url(module))["Location"] == module.url
    assert other.get(certificate_url(module, "certificate_pdf")).status_code == 404
    assert Client().get(certificate_url(module, "certificate_pdf")).status_code == 302


class TestVerification:
    def test_a_valid_certificate(self, client, certificate):
        response = client.get(f"/en/certificates/{certificate.display_code}/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "This certificate is valid" in html
        assert "Ana Silva" in html and certificate.module_title in html

    @pytest.mark.parametrize("typed", ["lower", "spaces", "plain"])
    def test_the_code_as_people_type_it(self, client, certificate, typed):
        code = {
            "lower": certificate.display_code.lower(),
            "spaces": certificate.display_code.replace("-", " "),
            "plain": certificate.code,
        }[typed]
        response = client.get("/en/certificates/", {"code": code})
        assert response.status_code == 302
        assert response["Location"] == f"/en/certificates/{certificate.display_code}/"

    def test_a_revoked_certificate(self, client, certificate):
        certificate.revoked_at = timezone.now()
        certificate.revocation_reason = "Issued in error"
        certificate.save()
        response = client.get(f"/en/certificates/{certificate.display_code}/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "This certificate was revoked" in html
        assert "Issued in error" in html
        assert "This certificate is valid" not in html

    @pytest.mark.parametrize(
        "code",
        ["ABCD-EFGH-JKLM", "AAAA-AAAA-AAAA", "0000-1111-OOOO", "<script>alert(1)<", "x" * 300, "-"],
    )
    def test_a_forged_or_malformed_code(self, client, certificate, code):
        response = client.get(f"/en/certificates/{code}/")
        html = response.content.decode()
        assert response.status_code == 404
        assert "No certificate has this code" in html
        assert "<script>alert" not in html

    def test_a_nul_byte_in_the_code_is_refused_as_a_bad_request(self, client, certificate):
        response = client.get("/en/certificates/%00/")
        assert response.status_code == 400
        assert certificate.display_code not in response.content.decode()

    @pytest.mark.parametrize("code", ["", "short", "0000-1111-OOOO", "x" * 41])
    def test_the_form_explains_a_code_that_cannot_be(self, client, code):
        response = client.get("/en/certificates/", {"code": code})
        assert response.status_code == 400
        assert "There is a problem" in response.content.decode()

    def test_the_empty_form(self, client):
        response = client.get("/en/certificates/")
        assert response.status_code == 200
        assert "Verification code" in response.content.decode()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("abcd-efgh-jk23", "ABCDEFGHJK23"), ("ABCDEFGHJK2", ""), ("ABCDEFGHJK2I", ""), (None, "")],
)
def test_normalise_code(raw, expected):
    assert normalise_code(raw) == expected


def test_staff_revoke_a_certificate_in_the_admin(certificate, django_user_model):
    superuser_client = Client()
    superuser_client.force_login(django_user_model.objects.create_superuser("boss@example.org", PASSWORD))
    index = superuser_client.get("/admin/literacy/certificate/")
    assert index.status_code == 200
    assert certificate.display_code in index.content.decode()
    edit_url = f"/admin/literacy/certificate/edit/{certificate.pk}/"
    response = superuser_client.post(
        edit_url, {"revoked_at": "2026-11-20 10:00", "revocation_reason": "Issued to the wrong person"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked
    # Only learners completing modules create certificates.
    assert superuser_client.get("/admin/literacy/certificate/create/")["Location"] == "/admin/"
