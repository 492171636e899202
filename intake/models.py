"""What the gateway callbacks keep: the inbound SMS log, the USSD sessions and the voice call
log, the voice prompts editors recorded, and the voice recordings still to fetch.

The logs exist so that a gateway's retry changes nothing: an SMS id, a USSD session id and a
voice session id are unique, and each row records what was done the first time.
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


class VoiceStage(models.TextChoices):
    """Where a call is in the keypad menu: what it waits for next (or how it ended)."""

    LANGUAGE = "language", _("Choosing the language")
    MAIN = "main", _("Main menu")
    SECTOR = "sector", _("Choosing the sector")
    CONSENT = "consent", _("Consent to messages")
    RECORDING = "recording", _("Recording the message")
    REFERENCE = "reference", _("Entering a reference")
    ANSWER = "answer", _("Answering: solved or not")
    FINISHED = "finished", _("Finished")


class VoiceCall(models.Model):
    """One voice call through Africa's Talking: every step's input and reply, and the outcome.

    The gateway calls back after each action with the same ``sessionId``; the row is locked
    while a step runs, and each step's reply is kept so a repeated callback gets the same XML
    and never makes a second case or message.
    """

    session_id = models.CharField(_("session id"), max_length=100, unique=True)
    direction = models.CharField(_("direction"), max_length=20, blank=True)
    caller_number = models.CharField(_("caller"), max_length=20, help_text=_("E.164"))
    destination_number = models.CharField(_("number called"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    stage = models.CharField(
        _("stage reached"),
        max_length=20,
        choices=VoiceStage.choices,
        default=VoiceStage.LANGUAGE,
    )
    # What the menu carries from step to step: {"sector": pk, "consent": bool, "tries": n, ...}
    state = models.JSONField(default=dict, blank=True)
    # [{"at": ISO time, "stage": awaited, "digits": …, "recording_url": …, "reply": XML}, …]
    steps = models.JSONField(default=list, blank=True)
    recording_url = models.CharField(_("recording URL"), max_length=1000, blank=True)
    is_active = models.BooleanField(_("in progress"), default=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    currency_code = models.CharField(_("currency"), max_length=10, blank=True)
    amount = models.DecimalField(_("cost"), max_digits=12, decimal_places=4, null=True, blank=True)
    hangup_cause = models.CharField(_("hang-up cause"), max_length=60, blank=True)
    call_session_state = models.CharField(_("call session state"), max_length=60, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voice_calls",
        verbose_name=_("case"),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("voice call")
        verbose_name_plural = _("voice calls")

    def __str__(self):
        return self.session_id


class VoicePrompt(models.Model):
    """An editor's recording of one prompt in one language, played instead of the default
    generated with espeak-ng (``make_voice_prompts``). Without a file the default plays."""

    key = models.CharField(_("prompt"), max_length=60)
    language = models.CharField(
        _("language"), max_length=5, choices=[("en", "English"), ("sw", "Kiswahili")]
    )
    audio = models.FileField(
        _("recording"),
        upload_to="voice-prompts/recorded/",
        blank=True,
        help_text=_(
            "A recording of the prompt's words (MP3, WAV, OGG, M4A or AMR). It is converted to "
            "a small MP3 for telephone calls. Leave empty to use the default voice."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["key", "language"]
        verbose_name = _("voice prompt")
        verbose_name_plural = _("voice prompts")
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="voice_prompt_key_language")
        ]

    def __str__(self):
        return f"{self.key} ({self.language})"


class RecordingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be fetched")
    DONE = "done", _("Attached to the case")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Could not be fetched")


class RecordingDownloadQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(
            status=RecordingStatus.PENDING, next_attempt_at__lte=now or timezone.now()
        ).order_by("next_attempt_at", "pk")


class RecordingDownload(models.Model):
    """A voice call's recording to be fetched from the gateway and attached to its case, in
    the background (``intake.recordings``), with the outbox's back-off after a failure."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="recording_downloads",
        verbose_name=_("case"),
    )
    url = models.CharField(_("recording address"), max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RecordingStatus.choices,
        default=RecordingStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    attachment = models.ForeignKey(
        "cases.CaseAttachment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("attachment"),
    )
    # When the internal note about a problem was written: it is written once.
    noted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = RecordingDownloadQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("recording download")
        verbose_name_plural = _("recording downloads")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="recording_due"),
        ]

    def __str__(self):
        return f"{self.case_id}: {self.get_status_display()}"
