"""Certificates: issued to signed-in learners who complete a module, printable as HTML and PDF,
and checkable by anyone at a public address with the certificate's code."""

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.core.pdf import artifact, new_tagged_pdf, tagged, write

from .models import CODE_ALPHABET, CODE_LENGTH, Certificate, format_code
from .progress import AccountProgress, record_learning

MAX_CODE_INPUT = 40


class CertificateNameForm(forms.Form):
    name = forms.CharField(
        label=_("Your name as it should appear on the certificate"), max_length=120, strip=True
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(gettext("Enter your name."))
        if re.search(r"[<>{}\\]|https?:", name):
            raise forms.ValidationError(gettext("Use only letters, spaces and punctuation found in names."))
        return name


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=MAX_CODE_INPUT,
        help_text=_("Twelve letters and digits, as printed on the certificate, e.g. ABCD-EFGH-JKLM."),
    )


def normalise_code(raw):
    """The stored form of a code as people type it, or "" if it cannot be a code at all."""
    code = re.sub(r"[\s-]", "", (raw or "")[:MAX_CODE_INPUT]).upper()
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return ""
    return code


def verification_url(request, certificate):
    return request.build_absolute_uri(reverse("literacy_certificate_check", args=[certificate.display_code]))


def certificate_context(request, module, certificate):
    index = module.get_parent().specific
    return {
        "certificate": certificate,
        "index_page": index,
        "verify_url": verification_url(request, certificate),
        "pdf_url": module.url + module.reverse_subpage("certificate_pdf"),
    }


def certificate_view(module, request):
    """The learner's certificate; or, once the module is complete, the form that issues it."""
    if not request.user.is_authenticated:
        messages.info(
            request,
            gettext("Sign in (or create an account) to get your certificate: your progress comes with you."),
        )
        return redirect_to_login(request.get_full_path())
    certificate = Certificate.objects.filter(
        user=request.user, module=module, revoked_at__isnull=True
    ).first()
    if certificate is not None and request.method == "POST":  # sent twice: the first one stands
        return HttpResponseRedirect(request.path)
    if certificate is not None:
        response = module.render(
            request,
            template="modules/certificate.html",
            context_overrides=certificate_context(request, module, certificate),
        )
        response["Cache-Control"] = "private, no-store"
        return response
    state = AccountProgress(request.user).load(module)
    if not state.completed:
        messages.info(
            request, gettext("Finish every lesson and pass the post-check to get your certificate.")
        )
        return HttpResponseRedirect(module.url)
    form = CertificateNameForm(request.POST or None, initial={"name": request.user.get_full_name()})
    if request.method == "POST" and form.is_valid():
        issue(request.user, module, form.cleaned_data["name"], state.post_score)
        messages.success(request, gettext("Your certificate is ready."))
        return HttpResponseRedirect(request.path)
    response = module.render(
        request,
        template="modules/certificate_claim.html",
        context_overrides={
            "form": form,
            "index_page": module.get_parent().specific,
            "score": state.post_score,
        },
    )
    if form.errors:
        response.status_code = 400
    return response


def issue(user, module, name, score):
    """A new certificate, or the valid one this learner already has for the module."""
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user,
                module=module,
                name=name,
                module_title=module.title,
                tier=module.tier,
                score=score or 0,
            )
    except IntegrityError:  # sent twice: the first one stands
        return Certificate.objects.get(user=user, module=module, revoked_at__isnull=True)
    record_learning(user, module, f"Earned the certificate for “{module.title}”", module.tier)
    return certificate


def certificate_pdf_view(module, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = Certificate.objects.filter(
        user=request.user, module=module, revoked_at__isnull=True
    ).first()
    if certificate is None:
        raise Http404("You have no certificate for this module yet.")
    index = module.get_parent().specific
    response = HttpResponse(
        certificate_pdf(certificate, index, verification_url(request, certificate)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.display_code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def certificate_pdf(certificate, index, verify_url):
    """A one-page A4 landscape PDF with the same words as the printable page, in the reader's
    language (Arabic shaped right to left), tagged: a heading and paragraphs in reading order,
    the border an artifact."""
    pdf = new_tagged_pdf(
        gettext("Certificate: %(module)s") % {"module": certificate.module_title},
        index.certificate_signatory,
        orientation="landscape",
        format="A4",
    )
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(11, 60, 93)
    pdf.set_line_width(1.5)
    with artifact(pdf):
        pdf.rect(12, 12, 273, 186)
    pdf.set_text_color(27, 31, 36)

    def line(text, size, height, style="", space=0, tag="P"):
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(20)
        with tagged(pdf, tag):
            write(pdf, 257, height, text, align="C")
        if space:
            pdf.ln(space)

    pdf.set_y(34)
    line(gettext("Certificate of completion"), 30, 14, "B", 10, tag="H1")
    line(certificate.name, 26, 12, "B", 4)
    line(index.certificate_statement, 14, 8, "", 2)
    line(certificate.module_title, 20, 10, "B", 4)
    tier = gettext("%(tier)s tier") % {"tier": certificate.get_tier_display()}
    line(f"{tier} · {date_format(certificate.issued_at, 'j F Y')}", 14, 8, "", 12)
    line(index.certificate_signatory, 12, 7, "", 14)
    line(gettext("Verification code: %(code)s") % {"code": certificate.display_code}, 12, 7, "B")
    line(gettext("Check this certificate at %(url)s") % {"url": verify_url}, 10, 6)
    return bytes(pdf.output())


def verify(request):
    """The public form: type a code, see whether it belongs to a valid certificate."""
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = normalise_code(form.cleaned_data["code"])
        if code:
            return HttpResponseRedirect(reverse("literacy_certificate_check", args=[format_code(code)]))
        form.add_error("code", gettext("A code has twelve letters and digits, e.g. ABCD-EFGH-JKLM."))
    response = render(request, "modules/certificate_verify.html", {"form": form})
    if form.errors:
        response.status_code = 400
    return response


def check_certificate(request, code):
    """What is known of the certificate with this code: valid, revoked, or no such certificate."""
    normalised = normalise_code(code)
    certificate = Certificate.objects.filter(code=normalised).first() if normalised else None
    response = render(
        request,
        "modules/certificate_check.html",
        {"certificate": certificate, "code": code[:MAX_CODE_INPUT], "form": VerifyForm()},
    )
    if certificate is None:
        response.status_code = 404
    return response
