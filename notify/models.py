"""The outbox (one row per message to a citizen, an authority or a supervisor) and the
editable message templates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import events
from .placeholders import PLACEHOLDERS, unknown_placeholders


class MessageChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class Audience(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    AUTHORITY = "authority", _("Authority")
    STAFF = "staff", _("Staff")


class OutboundMessageQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(
            status=MessageStatus.QUEUED, next_attempt_at__lte=now or timezone.now()
        ).order_by("next_attempt_at", "pk")

    def failed(self):
        return self.filter(status=MessageStatus.FAILED)

    def stuck(self, older_than, now=None):
        """Left in "sending": the gateway may or may not have taken them."""
        cutoff = (now or timezone.now()) - older_than
        return self.filter(status=MessageStatus.SENDING, last_attempt_at__lt=cutoff)


class OutboundMessage(models.Model):
    """One message in the outbox, written in the same transaction as the event behind it."""

    channel = models.CharField(_("channel"), max_length=10, choices=MessageChannel.choices)
    audience = models.CharField(
        _("to"), max_length=10, choices=Audience.choices, default=Audience.CITIZEN
    )
    recipient = models.CharField(
        _("recipient"), max_length=254, help_text=_("A phone number in E.164 or an e-mail.")
    )
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    gateway_id = models.CharField(_("gateway id"), max_length=120, blank=True, db_index=True)
    last_error = models.TextField(_("last error"), blank=True)
    # Secrets in the text (the access code) that are masked once the message has gone out:
    # the case itself keeps only a hash of the code.
    sensitive = models.JSONField(default=list, blank=True, editable=False)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("case"),
    )
    # The event that caused the message, e.g. "entry:42:citizen-sms". Unique: one event never
    # makes two messages, however often it is handled.
    event_key = models.CharField(_("event"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    objects = OutboundMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["status", "last_attempt_at"], name="outbox_status_attempt"),
        ]
        permissions = [("retry_outboundmessage", "Can send a failed message again")]

    def __str__(self):
        return f"{self.get_channel_display()} to {self.recipient} ({self.get_status_display()})"

    @property
    def masked_text(self):
        """The text as staff may read it: whoever held the access code or a link's token could
        act as the citizen or the authority, so a code is starred and a token cut to its last
        four characters ("/track/…a1b2")."""
        text = self.text
        for secret in self.sensitive or []:
            if secret:
                text = text.replace(secret, mask(secret))
        return text


def mask(secret):
    if len(secret) > 12:
        return f"…{secret[-4:]}"
    return "*" * len(secret)


PLACEHOLDER_HELP = format_lazy(
    _("Placeholders: {names}. Not every message knows all of them; an unknown one stays as typed."),
    names=", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
)


class MessageTemplate(models.Model):
    """The text of one message, per event, channel and language, editable as a snippet."""

    event = models.CharField(_("event"), max_length=40, choices=events.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=MessageChannel.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    subject = models.CharField(
        _("subject"), max_length=255, blank=True, help_text=_("E-mail only.")
    )
    body = models.TextField(
        _("text"),
        help_text=PLACEHOLDER_HELP,
    )

    class Meta:
        ordering = ["event", "channel", "language"]
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "channel", "language"], name="message_template_unique"
            )
        ]

    def __str__(self):
        return (
            f"{self.get_event_display()} · {self.get_channel_display()} · "
            f"{self.get_language_display()}"
        )

    def clean(self):
        errors = {}
        for field in ("subject", "body"):
            unknown = unknown_placeholders(getattr(self, field))
            if unknown:
                errors[field] = _("Unknown placeholder: %(names)s.") % {
                    "names": ", ".join(f"{{{name}}}" for name in unknown)
                }
        if errors:
            raise ValidationError(errors)
