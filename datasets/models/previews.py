"""Pre-release access for named accredited journalists: a Moderator grants one person an
expiring link to a release's embargoed figures; every opening of it is logged.

The link carries a random token; only its SHA-256 is stored, so a copy of the database gives no
working link. A revoked or expired grant answers 410, an unknown token 403 (see
``datasets.views.previews``)."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .releases import Release

MAX_GRANT_DAYS = 30
TOKEN_BYTES = 32


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class PreviewGrant(models.Model):
    """One journalist's access to one release before it goes out."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="preview_grants")
    journalist_name = models.CharField(max_length=200)
    email = models.EmailField()
    organisation = models.CharField(max_length=200)
    expires_at = models.DateTimeField(
        help_text=format_lazy(
            _("The link stops working then (at most {days} days ahead)."), days=MAX_GRANT_DAYS
        )
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked = models.BooleanField(default=False, help_text=_("A revoked link stops working at once."))

    panels = [
        FieldPanel("release"),
        FieldPanel("journalist_name"),
        FieldPanel("email"),
        FieldPanel("organisation"),
        FieldPanel("expires_at"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pre-release access")
        verbose_name_plural = _("pre-release access")

    # The link's token, known only right after the grant is made (to email it).
    token = ""

    def __str__(self):
        return f"{self.journalist_name} ({self.organisation}): {self.release}"

    def save(self, *args, **kwargs):
        if not self.token_hash:
            self.token = secrets.token_urlsafe(TOKEN_BYTES)
            self.token_hash = token_hash(self.token)
        super().save(*args, **kwargs)

    def preview_path(self, token=None):
        return reverse(
            "datasets:release_preview", kwargs={"pk": self.release_id, "token": token or self.token}
        )

    def is_expired(self, now=None):
        return self.expires_at <= (now or timezone.now())

    def clean(self):
        errors = {}
        now = timezone.now()
        if self.expires_at and self.pk is None:
            if self.expires_at <= now:
                errors["expires_at"] = "Choose a time in the future."
            elif self.expires_at > now + timedelta(days=MAX_GRANT_DAYS):
                errors["expires_at"] = f"A link may last at most {MAX_GRANT_DAYS} days."
        if (
            self.release_id
            and self.pk is None
            and self.release.status
            in (
                Release.Status.PUBLISHED,
                Release.Status.CANCELLED,
            )
        ):
            errors["release"] = "This release is published or cancelled: there is nothing to preview."
        for name in ("journalist_name", "organisation"):
            value = getattr(self, name)
            if "\x00" in value or "\n" in value or "\r" in value:
                errors[name] = "Enter this on one line."
        if errors:
            raise ValidationError(errors)


class PreviewAccess(models.Model):
    """One opening of a preview link: when, from where (the address hashed, never stored) and
    with what browser."""

    grant = models.ForeignKey(PreviewGrant, on_delete=models.CASCADE, related_name="accesses")
    accessed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    ip_hash = models.CharField("address (hashed)", max_length=64, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        verbose_name = _("pre-release access log entry")
        verbose_name_plural = _("pre-release access log")

    def __str__(self):
        return f"{self.grant.journalist_name}, {self.accessed_at:%Y-%m-%d %H:%M}"
