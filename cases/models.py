"""Grievance cases: data, named querysets and the pure state transitions of the workflow.

Nothing here sends, logs or checks who is asking: ``cases.actions`` does that around each
transition, so that every channel (admin, web, SMS, USSD, API) behaves the same.
"""

import datetime
import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from wagtail.models import BaseLogEntry, BaseLogEntryManager
from wagtail.models.audit_log import LogEntryQuerySet

from . import registry, rules
from .limits import MAX_DESCRIPTION_LENGTH, MAX_PUBLIC_SUMMARY_LENGTH


class AuthorityKind(models.TextChoices):
    NATIONAL = "national", _("National ministry or agency")
    COUNTY = "county", _("County department")
    PROVIDER = "provider", _("Service provider")


class AuthorityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def serving(self, *, sector=None, county=None):
        """Authorities for a sector and county, the best match first.

        A county department of the case's county and sector comes first, then bodies that
        serve the sector everywhere (no counties listed), then the rest that serve the county.
        """
        matches = self.active()
        if sector is not None:
            matches = matches.filter(sectors=sector)
        if county is not None:
            matches = matches.filter(Q(counties=county) | Q(counties__isnull=True))
        return (
            matches.annotate(
                serves_county=models.Count("counties", filter=Q(counties=county))
                if county is not None
                else models.Value(0),
            )
            .order_by("-serves_county", "name")
            .distinct()
        )


class Authority(models.Model):
    """A duty bearer: the body that must answer a grievance."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AuthorityKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("higher authority"),
        help_text=_("Where an escalation goes when this authority's answer is not adequate."),
    )
    sectors = models.ManyToManyField("refdata.Sector", related_name="authorities", blank=True)
    counties = models.ManyToManyField(
        "refdata.County",
        related_name="authorities",
        blank=True,
        help_text=_("Leave empty for a body that serves the whole country."),
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("response target (working days)"), default=14
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("Shipped as an example: check or replace the contact details."),
    )

    objects = AuthorityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")

    def __str__(self):
        return self.name


class CountyLimit(models.Model):
    """Limits a staff user to some counties. A user without a limit sees every county; a limit
    that lists none shows no case at all (it fails closed)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="county_limit"
    )
    counties = models.ManyToManyField(
        "refdata.County",
        related_name="+",
        blank=True,
        help_text=_(
            "The counties whose cases this user sees. With none chosen the user sees no case "
            "at all; to let them see every county, delete the limit instead."
        ),
    )

    class Meta:
        verbose_name = _("county limit")
        verbose_name_plural = _("county limits")

    def __str__(self):
        return str(self.user)

    def counties_display(self):
        names = [county.name for county in self.counties.all()]
        return ", ".join(names) if names else _("None: sees no cases")

    counties_display.short_description = _("counties")


class CaseState(models.TextChoices):
    RECEIVED = "received", _("Received")
    FORWARDED = "forwarded", _("Forwarded")
    RESPONDED = "responded", _("Responded")
    CLOSED = "closed", _("Closed")


OPEN_STATES = [CaseState.RECEIVED, CaseState.FORWARDED, CaseState.RESPONDED]


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    SMS = "sms", _("SMS")
    USSD = "ussd", _("USSD")
    PHONE = "phone", _("Phone call")
    WALK_IN = "walk_in", _("Walk-in")
    EMAIL = "email", _("E-mail")
    OPEN311 = "open311", _("Open311")
    VOICE = "voice", _("Voice call")


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class Outcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    PARTLY_RESOLVED = "partly_resolved", _("Partly resolved")
    NOT_RESOLVED = "not_resolved", _("Not resolved")
    NO_RESPONSE = "no_response", _("No response from the authority")
    DUPLICATE = "duplicate", _("Duplicate of another case")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")
    SPAM = "spam", _("Spam")
    WITHDRAWN = "withdrawn", _("Withdrawn by the citizen")


CLOSING_OUTCOMES = [Outcome.RESOLVED, Outcome.PARTLY_RESOLVED, Outcome.NOT_RESOLVED]
DISMISSAL_OUTCOMES = [Outcome.DUPLICATE, Outcome.OUT_OF_SCOPE, Outcome.SPAM]


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def closed(self):
        return self.filter(state=CaseState.CLOSED)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

    def unassigned(self):
        return self.filter(assigned_to__isnull=True)

    def assigned_to(self, user):
        return self.filter(assigned_to=user)

    def escalation_requested(self):
        return self.open().filter(escalation_requested=True)

    def in_counties(self, counties):
        return self.filter(county__in=counties)

    def visible_to(self, user):
        """The cases a staff user may see: with the view permission, in the user's counties."""
        if not rules.user_may(user, "view"):
            return self.none()
        county_ids = rules.limited_county_ids(user)
        return self if county_ids is None else self.filter(county_id__in=county_ids)

    def published(self):
        """Cases shown to the public: the complainant consented and a case worker published
        an edited summary."""
        return self.filter(published_at__isnull=False, consent_to_publish=True)

    def for_listing(self):
        return self.select_related("sector", "county", "authority", "assigned_to")


class CaseSequence(models.Model):
    """The last case number given in a year: one row per year, locked while a case is made."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Case(ConcurrentTransitionMixin, models.Model):
    reference = models.CharField(_("reference"), max_length=24, unique=True, editable=False)
    tracking_token = models.CharField(max_length=64, unique=True, editable=False)
    # A keyed hash of the 8-character access code given to the citizen; the code itself is
    # shown once, in the acknowledgement.
    access_code_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Changes on every forward or escalation; the authority's response link carries it, so
    # a recall, a response or a new forward makes older links stop working.
    response_link_nonce = models.CharField(max_length=32, blank=True, editable=False)
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Grows with every change; stale forms compare it."
    )
    state = FSMField(
        _("status"), default=CaseState.RECEIVED, choices=CaseState.choices, protected=True
    )

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    sector = models.ForeignKey(
        "refdata.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("sector"),
    )
    county = models.ForeignKey(
        "refdata.County",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("county"),
    )
    location = models.CharField(_("where"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    description = models.TextField(_("what happened"), max_length=MAX_DESCRIPTION_LENGTH)

    complainant_name = models.CharField(_("name"), max_length=120, blank=True)
    complainant_phone = models.CharField(
        _("phone"), max_length=20, blank=True, help_text=_("Stored in E.164, e.g. +254712345678.")
    )
    complainant_email = models.EmailField(_("e-mail"), blank=True)
    consent_to_contact = models.BooleanField(_("may be contacted"), default=False)
    consent_to_share_identity = models.BooleanField(
        _("identity may be shared with the authority"), default=False
    )
    consent_to_publish = models.BooleanField(_("an edited summary may be published"), default=False)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )

    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )
    authority = models.ForeignKey(
        Authority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("authority"),
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    response = models.TextField(_("authority's response"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    escalation_requested = models.BooleanField(_("citizen asked for escalation"), default=False)
    # A voice case until a case worker transcribes its recording (cases.operations.transcribing).
    needs_transcription = models.BooleanField(
        _("needs transcription"), default=False, db_index=True
    )
    public_summary = models.TextField(
        _("published summary"),
        blank=True,
        max_length=MAX_PUBLIC_SUMMARY_LENGTH,
        help_text=_("Edited text without personal data, shown when the case is published."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    escalation_count = models.PositiveSmallIntegerField(default=0, editable=False)
    # Set when the complainant's personal data was erased (on request, or by the retention
    # schedule): what is left of the case is its statistics.
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased"), null=True, blank=True, editable=False
    )

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["state", "due_date"], name="case_state_due"),
            models.Index(fields=["county", "state"], name="case_county_state"),
            models.Index(fields=["sector", "state"], name="case_sector_state"),
            # The accountability dashboard's aggregates (covering indexes per stage date).
            models.Index(
                fields=[
                    "forwarded_at",
                    "sector",
                    "county",
                    "authority",
                    "responded_at",
                    "state",
                    "due_date",
                    "outcome",
                ],
                name="case_forwarded_stats",
            ),
            models.Index(fields=["received_at", "sector", "county"], name="case_received_stats"),
            models.Index(fields=["responded_at", "sector", "county"], name="case_responded_stats"),
            models.Index(
                fields=["closed_at", "sector", "county", "outcome"], name="case_closed_stats"
            ),
            # The workbench listing: each sortable column with the key as its tie-break (the
            # listing sorts by both, so pages do not overlap), and the filters that had no
            # index, with the default sort. The text filter's trigram indexes are
            # PostgreSQL-only and live in migration 0017_workbench_indexes.
            models.Index(fields=["due_date", "id"], name="case_due_sort"),
            models.Index(fields=["priority", "id"], name="case_priority_sort"),
            models.Index(fields=["state", "id"], name="case_state_sort"),
            models.Index(fields=["channel", "received_at"], name="case_channel_received"),
            models.Index(
                fields=["escalation_requested", "received_at"], name="case_escalation_received"
            ),
        ]
        permissions = [
            ("triage_case", "Can triage and take cases"),
            ("forward_case", "Can forward cases to an authority"),
            ("record_response", "Can record an authority's response"),
            ("close_case", "Can close cases"),
            ("dismiss_case", "Can dismiss cases"),
            ("escalate_case", "Can escalate cases"),
            ("add_case_note", "Can add notes to cases"),
            ("recall_case", "Can recall forwarded cases"),
            ("reopen_case", "Can reopen closed cases"),
            ("reassign_case", "Can reassign cases between case workers"),
            ("withdraw_case", "Can withdraw cases on a citizen's behalf"),
            ("publish_case", "Can publish and unpublish case summaries"),
            ("handle_personal_data", "Can answer access, correction and erasure requests"),
        ]

    def __str__(self):
        return self.reference

    @property
    def state_fields(self):
        # ConcurrentTransitionMixin looks for its FSM fields among all 40 fields of every case
        # it builds; a page of the workbench builds 50. The one FSM field, found once.
        return _CASE_STATE_FIELDS

    @property
    def is_published(self):
        return self.published_at is not None and self.consent_to_publish

    @property
    def is_open(self):
        return self.state != CaseState.CLOSED

    @property
    def is_overdue(self):
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    @property
    def tracking_expires_at(self):
        """When the citizen's tracking link and access code stop working: a set time after
        the case closes (``TRACKING_ACCESS_DAYS_AFTER_CLOSE``); None while it is open."""
        if self.closed_at is None:
            return None
        return self.closed_at + datetime.timedelta(days=settings.TRACKING_ACCESS_DAYS_AFTER_CLOSE)

    def tracking_expired(self, now=None):
        if self.personal_data_erased_at is not None:
            return True
        expires = self.tracking_expires_at
        return expires is not None and expires <= (now or timezone.now())

    def authority_due_date_passed(self):
        return self.due_date is not None and self.due_date < timezone.localdate()

    # --- Transitions: pure state changes. Actions set due dates, write the timeline, notify.

    @transition(
        field=state,
        source=CaseState.RECEIVED,
        target=CaseState.FORWARDED,
        permission=rules.transition_permission("forward"),
    )
    def forward(self, *, authority, at, link_nonce):
        self.authority = authority
        self.forwarded_at = at
        self.escalation_requested = False
        self.response_link_nonce = link_nonce

    @transition(
        field=state,
        source=CaseState.FORWARDED,
        target=CaseState.RESPONDED,
        permission=rules.transition_permission("respond"),
    )
    def respond(self, *, response, at):
        self.response = response
        self.responded_at = at
        self.response_link_nonce = ""

    @transition(
        field=state,
        source=CaseState.RESPONDED,
        target=CaseState.CLOSED,
        permission=rules.transition_permission("close"),
    )
    def close(self, *, outcome, at):
        self.outcome = outcome
        self.closed_at = at
        self.escalation_requested = False

    @transition(
        field=state,
        source=CaseState.FORWARDED,
        target=CaseState.CLOSED,
        conditions=[authority_due_date_passed],
        permission=rules.transition_permission("close_unanswered"),
    )
    def close_unanswered(self, *, at):
        self.outcome = Outcome.NO_RESPONSE
        self.closed_at = at
        self.response_link_nonce = ""

    @transition(
        field=state,
        source=CaseState.RECEIVED,
        target=CaseState.CLOSED,
        permission=rules.transition_permission("dismiss"),
    )
    def dismiss(self, *, outcome, duplicate_of, at):
        self.outcome = outcome
        self.duplicate_of = duplicate_of
        self.closed_at = at

    @transition(
        field=state,
        source=OPEN_STATES,
        target=CaseState.CLOSED,
        permission=rules.transition_permission("withdraw"),
    )
    def withdraw(self, *, at):
        self.outcome = Outcome.WITHDRAWN
        self.closed_at = at
        self.escalation_requested = False
        self.response_link_nonce = ""

    @transition(
        field=state,
        source=CaseState.RESPONDED,
        target=CaseState.FORWARDED,
        permission=rules.transition_permission("escalate"),
    )
    def escalate(self, *, authority, at, link_nonce):
        self.authority = authority
        self.forwarded_at = at
        self.escalation_requested = False
        self.escalation_count += 1
        self.response_link_nonce = link_nonce

    @transition(
        field=state,
        source=CaseState.FORWARDED,
        target=CaseState.RECEIVED,
        permission=rules.transition_permission("recall"),
    )
    def recall(self, *, at):
        self.authority = None
        self.forwarded_at = None
        self.response_link_nonce = ""

    @transition(
        field=state,
        source=CaseState.CLOSED,
        target=CaseState.RECEIVED,
        permission=rules.transition_permission("reopen"),
    )
    def reopen(self, *, at):
        self.outcome = ""
        self.closed_at = None
        self.duplicate_of = None


_CASE_STATE_FIELDS = (Case._meta.get_field("state"),)


class TimelineVisibility(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    PUBLIC = "public", _("Public")


class ActorKind(models.TextChoices):
    STAFF = "staff", _("Staff")
    AUTHORITY = "authority", _("Authority")
    CITIZEN = "citizen", _("Citizen")
    SYSTEM = "system", _("System")


class CaseLogEntryQuerySet(LogEntryQuerySet):
    def public(self):
        return self.filter(visibility=TimelineVisibility.PUBLIC)


class CaseLogEntryManager(BaseLogEntryManager):
    def get_queryset(self):
        return CaseLogEntryQuerySet(self.model, using=self._db)

    def viewable_by_user(self, user):
        return self.filter(case__in=Case.objects.visible_to(user))

    def for_instance(self, instance):
        return self.filter(case=instance)

    def for_case(self, case):
        return self.filter(case=case).order_by("timestamp", "pk")

    def public(self):
        return self.get_queryset().public()


class CaseLogEntry(BaseLogEntry):
    """The case timeline: Wagtail's audit log for cases, one immutable row per event."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="timeline", db_constraint=True
    )
    actor_kind = models.CharField(max_length=10, choices=ActorKind.choices)
    actor_label = models.CharField(max_length=200, blank=True)
    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    text = models.TextField(blank=True)
    visibility = models.CharField(
        max_length=10, choices=TimelineVisibility.choices, default=TimelineVisibility.INTERNAL
    )

    objects = CaseLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["timestamp", "pk"]
        verbose_name = _("case timeline entry")
        verbose_name_plural = _("case timeline entries")

    def __str__(self):
        return f"{self.action} on {self.label}"

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        """Wagtail validates every entry before saving it. The operations hand over the case
        and its content type as saved objects, and the database's foreign keys check both:
        asking the database whether they exist would cost two queries per entry."""
        exclude = set(exclude or ())
        for name in ("case", "content_type"):
            field = self._meta.get_field(name)
            related = field.get_cached_value(self, default=None)
            if related is not None and related.pk is not None and not related._state.adding:
                exclude.add(name)
        super().full_clean(exclude, validate_unique, validate_constraints)

    @cached_property
    def object_id(self):
        return self.case_id

    @property
    def is_public(self):
        return self.visibility == TimelineVisibility.PUBLIC


def attachment_path(instance, filename):
    # Server-chosen name: the uploader's file name is kept only as metadata.
    return f"case-files/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


def private_storage():
    return storages["private"]


class CaseAttachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    visibility = models.CharField(
        max_length=10, choices=TimelineVisibility.choices, default=TimelineVisibility.INTERNAL
    )
    uploaded_by_kind = models.CharField(max_length=10, choices=ActorKind.choices)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name or self.file.name


class SavedSearch(models.Model):
    """A case worker's named filter of the case listing (a "collection")."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_case_searches"
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filter"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_search_unique_name")
        ]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self):
        return self.name


class ResponseTemplate(models.Model):
    """Editable text that fills an operation's form, per sector and operation."""

    title = models.CharField(_("title"), max_length=120)
    # The operations whose forms take a text (cases.operations declares which).
    transition = models.CharField(
        _("used when"), max_length=20, choices=registry.response_template_choices
    )
    sector = models.ForeignKey(
        "refdata.Sector",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty for every sector."),
    )
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["transition", "title"]
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")

    def __str__(self):
        return self.title


class AccessKind(models.TextChoices):
    VIEW = "view", _("Viewed a case")
    HISTORY = "history", _("Viewed a case's history")
    EVIDENCE = "evidence", _("Downloaded evidence")
    PDF = "pdf", _("Downloaded a PDF")
    EXPORT = "export", _("Exported cases")
    SUBJECT_ACCESS = "subject_access", _("Answered an access request")
    CORRECTION = "correction", _("Corrected personal data")
    ERASURE = "erasure", _("Erased personal data")


class StaffAccessQuerySet(models.QuerySet):
    def older_than(self, moment):
        return self.filter(at__lt=moment)


class StaffAccess(models.Model):
    """One look by staff at a complainant's personal data: who, when, which case, how.

    Written by the views that show it (case view and history, evidence, PDFs, exports, data
    subject requests), read by supervisors, pruned by the retention schedule. It never holds
    the personal data itself.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("user name"), max_length=150)
    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="staff_accesses",
        verbose_name=_("case"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=AccessKind.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = StaffAccessQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("staff access to personal data")
        verbose_name_plural = _("staff access to personal data")
        indexes = [
            models.Index(fields=["case", "at"], name="staff_access_case"),
            models.Index(fields=["user", "at"], name="staff_access_user"),
        ]

    def __str__(self):
        return f"{self.username}: {self.get_kind_display()}"


class ExportKind(models.TextChoices):
    LISTING_PDF = "pdf", _("PDF report")
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel (XLSX)")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


def export_path(instance, filename):
    return f"exports/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


class ExportJob(models.Model):
    """A listing report or spreadsheet made in the background for one staff member, kept
    privately for a while (``EXPORT_KEEP_HOURS``) and downloadable by them (or a supervisor)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="case_exports",
        verbose_name=_("made for"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ExportKind.choices)
    query = models.CharField(_("filter"), max_length=2000, blank=True)
    description = models.CharField(_("filter"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    rows = models.PositiveIntegerField(_("cases"), default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=export_path, storage=private_storage, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(_("asked for"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    downloaded_at = models.DateTimeField(_("downloaded"), null=True, blank=True)
    expires_at = models.DateTimeField(_("kept until"), db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("case export")
        verbose_name_plural = _("case exports")
        permissions = [("download_any_exportjob", "Can download exports made by others")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def progress(self):
        """Per cent done, where it can be told (CSV rows); None while it cannot."""
        if self.status == ExportStatus.READY:
            return 100
        if self.rows and self.rows_done:
            return min(99, round(100 * self.rows_done / self.rows))
        return None

    @property
    def filename(self):
        return f"cases-{timezone.localtime(self.created_at):%Y-%m-%d-%H%M}.{self.kind}"
