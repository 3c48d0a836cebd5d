"""API keys: a registered person's key to the higher rate limit, and how much each key is used.

Only a digest of a key is stored (SHA-256 of the whole key: the secret is 238 random bits, so a
slow password hash would add nothing but CPU on every request); the short prefix finds the
row, and the digest is compared in constant time. A revoked key is kept, with its usage, so
that the dashboard's past figures do not change."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=80, help_text=_("What the key is for, e.g. “Council dashboard”."))
    prefix = models.CharField(
        max_length=12, unique=True, help_text=_("The key's first characters, to find it.")
    )
    digest = models.CharField(max_length=64, help_text=_("SHA-256 of the whole key, in hex."))
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.prefix}… {self.name}"

    @property
    def owner(self):
        return self.user.email

    owner.fget.short_description = _("Owner")

    @property
    def is_active(self):
        return self.revoked_at is None


class ApiKeyUsage(models.Model):
    """Requests answered for one key on one day (the site's time zone), counted with UPDATE … SET requests =
    requests + 1, which concurrent requests cannot lose."""

    key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="usage")
    day = models.DateField()
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("API key usage")
        constraints = [models.UniqueConstraint(fields=["key", "day"], name="api_keyusage_key_day_unique")]
        indexes = [models.Index(fields=["day"], name="api_keyusage_day_idx")]

    def __str__(self):
        return f"{self.key.prefix} {self.day}: {self.requests}"
