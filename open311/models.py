"""Partner API keys and the link between an Open311 service request and its case."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """One partner organisation's key for posting service requests.

    Only a SHA-256 hash of the key is kept (the key is 256 random bits, so a plain hash is
    enough); the prefix names the key in listings and on the command line.
    """

    organisation = models.CharField(_("organisation"), max_length=200)
    prefix = models.CharField(_("key prefix"), max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-created_at"]
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")
        # Keys are issued and revoked, never edited or deleted (requests point to them).
        default_permissions = ("add", "view")
        permissions = [("revoke_apikey", "Can revoke Open311 API keys")]
        constraints = [
            # One working key per partner: a new one is issued after the old one is revoked.
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(revoked_at__isnull=True),
                name="open311_one_active_key_per_organisation",
                violation_error_message=_("This organisation already has an active key."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None

    @property
    def status(self):
        return _("Active") if self.is_active else _("Revoked")


class Open311Request(models.Model):
    """A case that came in through the Open311 API, and the key that sent it."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="open311_request"
    )
    api_key = models.ForeignKey(ApiKey, on_delete=models.PROTECT, related_name="requests")
    # The GeoReport token of this request: a random value of its own, never the citizen's
    # tracking token (which opens the case's private tracking page).
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Open311 request")
        verbose_name_plural = _("Open311 requests")

    def __str__(self):
        return f"{self.case} via {self.api_key.organisation}"
