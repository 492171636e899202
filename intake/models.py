"""What the gateway callbacks keep: the inbound SMS log and the USSD sessions.

Both exist so that a gateway's retry changes nothing: an SMS id and a USSD session id are
unique, and each row records what was done the first time.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InboundSMSOutcome(models.TextChoices):
    CASE_CREATED = "case_created", _("New case")
    STATUS_SENT = "status_sent", _("Status sent")
    NOTE_ADDED = "note_added", _("Added to a case")
    NOT_FOUND = "not_found", _("Reference not found for this number")
    HELP_SENT = "help_sent", _("Instructions sent")
    ANSWER_RECORDED = "answer_recorded", _("Answer to the response recorded")


class InboundSMS(models.Model):
    """One SMS received through Africa's Talking, written before anything is done with it."""

    gateway_id = models.CharField(_("gateway id"), max_length=100, unique=True)
    sender = models.CharField(_("from"), max_length=20, help_text=_("E.164"))
    recipient = models.CharField(_("to"), max_length=20, blank=True)
    text = models.TextField(_("text"), blank=True)
    gateway_date = models.CharField(
        _("gateway date"),
        max_length=40,
        blank=True,
        help_text=_("The date as the gateway sent it."),
    )
    link_id = models.CharField(_("link id"), max_length=100, blank=True)
    network_code = models.CharField(_("network code"), max_length=10, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_sms",
        verbose_name=_("case"),
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=InboundSMSOutcome.choices, blank=True
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("inbound SMS")
        verbose_name_plural = _("inbound SMS")

    def __str__(self):
        return f"{self.gateway_id} from {self.sender}"


class UssdSession(models.Model):
    """One USSD session: the menu path so far, kept server-side.

    The gateway sends every input of the session joined by ``*``, and a description may
    itself contain ``*``; so the session remembers how many ``*``-separated parts it has
    already used (``consumed``) and treats everything after them as the new input.
    """

    session_id = models.CharField(_("session id"), max_length=100, unique=True)
    phone_number = models.CharField(_("phone"), max_length=20)
    service_code = models.CharField(_("service code"), max_length=40, blank=True)
    network_code = models.CharField(_("network code"), max_length=10, blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    # {"stack": [screen frames, the current one last], "draft": {"sector": pk, ...}}
    state = models.JSONField(default=dict, blank=True)
    consumed = models.PositiveIntegerField(default=0)
    last_text = models.TextField(blank=True)
    last_response = models.TextField(blank=True)
    is_finished = models.BooleanField(default=False)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ussd_sessions",
        verbose_name=_("case"),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("USSD session")
        verbose_name_plural = _("USSD sessions")

    def __str__(self):
        return self.session_id
