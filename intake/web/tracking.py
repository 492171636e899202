"""The citizen's tracking pages: find a case by reference and access code, follow it, add
information, withdraw it, and say whether the authority's response solved the problem.

Whoever holds the tracking token (the link in the acknowledgement) acts as the citizen. Every
change goes through ``cases.actions``; a case that changed in the meantime or no longer allows
the step gets a message, never an error page.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import access_code_matches, hash_access_code
from cases.actions import add_note, withdraw_case
from cases.exceptions import CaseChanged
from cases.models import Case, CaseState, Outcome, TimelineVisibility
from cases.pdf import render_case_summary
from cases.public_timeline import CITIZEN, public_updates
from cases.rules import Actor
from intake.answers import record_citizen_answer
from intake.evidence import atomic_with_evidence, store_evidence
from intake.ratelimit import report_limit, wrong_code_limits
from notify.case_messages import tracking_access_period

from .forms import AddInformationForm, EscalationRequestForm, TrackingLookupForm, initial_from_post
from .headers import private_page
from .views import TOO_MANY_REQUESTS

# --- Finding a case ------------------------------------------------------------------------


@private_page
@require_http_methods(["GET", "POST"])
def track_lookup(request):
    if request.method == "GET":
        return _lookup_page(request, TrackingLookupForm())
    form = TrackingLookupForm(request.POST)
    if not form.is_valid():
        return _lookup_page(request, form)
    reference = form.cleaned_data["reference"]
    code = form.cleaned_data["access_code"]
    # Counted per reference whether or not it exists, so a lock says nothing either way.
    limits = wrong_code_limits(request, reference)
    if any(limit.exceeded() for limit in limits):
        return _lookup_page(
            request,
            TrackingLookupForm(initial={"reference": reference}),
            locked=True,
            status=TOO_MANY_REQUESTS,
        )
    case = Case.objects.filter(reference=reference).first()
    if case is not None and access_code_matches(case, code):
        if case.tracking_expired():
            return _expired_page(request)
        return redirect("track_case", token=case.tracking_token)
    if case is None:
        hash_access_code(code)  # the same work as for a known reference: no timing hint
    for limit in limits:
        limit.hit()
    # One answer for a wrong code and for an unknown reference.
    return _lookup_page(request, TrackingLookupForm(initial={"reference": reference}), failed=True)


def _lookup_page(request, form, *, failed=False, locked=False, status=200):
    context = {"form": form, "failed": failed, "locked": locked}
    return render(request, "intake/track_lookup.html", context, status=status)


# --- Following a case ----------------------------------------------------------------------


def status_summary(case):
    """The case's status in plain words: a title and a sentence."""
    authority = case.authority.name if case.authority else _("the authority")
    if case.state == CaseState.RECEIVED:
        return (
            _("Received"),
            _("A case worker will read your report and send it to the office that can fix it."),
        )
    if case.state == CaseState.FORWARDED:
        return (
            _("With the authority"),
            _("Your case was sent to %(authority)s, who must answer it.")
            % {"authority": authority},
        )
    if case.state == CaseState.RESPONDED:
        if case.escalation_requested:
            return (
                _("Answered: you asked us to take it further"),
                _(
                    "You told us the answer did not solve your problem. A case worker will decide "
                    "on the next step."
                ),
            )
        return (
            _("Answered"),
            _("%(authority)s has answered. Please tell us whether this solved your problem.")
            % {"authority": authority},
        )
    outcome = Outcome(case.outcome).label if case.outcome in Outcome.values else ""
    return (
        _("Closed"),
        _("This case is closed: %(outcome)s.") % {"outcome": str(outcome).lower()}
        if outcome
        else _("This case is closed."),
    )


def due_label(case):
    """What the due date means at this step, or "" when there is none to show."""
    if not case.is_open or case.due_date is None:
        return ""
    if case.state == CaseState.RECEIVED:
        return _("To be sent to the authority by")
    if case.state == CaseState.FORWARDED:
        return _("The authority should answer by")
    return _("Please tell us by")


class TrackingExpired(Exception):
    """The case closed longer ago than tracking lasts (or its personal data was erased)."""


def _case_for_token(token):
    case = get_object_or_404(
        Case.objects.select_related("authority", "sector", "county"), tracking_token=token
    )
    if case.tracking_expired():
        raise TrackingExpired
    return case


def _expired_page(request):
    context = {"period": tracking_access_period()}
    return render(request, "intake/track_expired.html", context, status=410)


def expiring(view):
    """A tracking view that answers 410, with an explanation, once tracking has expired."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except TrackingExpired:
            return _expired_page(request)

    return wrapper


def _case_page(request, case, *, add_form=None, status=200, rate_limited=False):
    title, explanation = status_summary(case)
    context = {
        "case": case,
        "status_title": title,
        "status_text": explanation,
        "due_label": due_label(case),
        "tracking_expires_at": case.tracking_expires_at,
        "timeline": public_updates(case, audience=CITIZEN),
        "can_add": case.is_open,
        "can_withdraw": case.is_open,
        "can_answer": case.state == CaseState.RESPONDED,
        "can_ask_escalation": case.state == CaseState.RESPONDED and not case.escalation_requested,
        "add_form": add_form or AddInformationForm(),
        "escalation_form": EscalationRequestForm(),
        "rate_limited": rate_limited,
        "files_dropped": bool(request.FILES),
    }
    return render(request, "intake/track_case.html", context, status=status)


@private_page
@expiring
@require_GET
def track_case(request, token):
    return _case_page(request, _case_for_token(token))


@private_page
@expiring
@require_GET
def case_summary_pdf(request, token):
    case = _case_for_token(token)
    response = HttpResponse(render_case_summary(case, variant="citizen"), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.pdf"'
    return response


# --- Acting on a case ----------------------------------------------------------------------


def _expected_version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0  # matches no case: treated as a page that is out of date


def _run(request, case, step):
    """Run one action for the citizen; anything that stops it becomes a message."""
    try:
        step()
    except CaseChanged:
        messages.warning(
            request,
            _("Your case changed while this page was open. Please read it again, then choose."),
        )
        return False
    except PermissionDenied:
        messages.error(request, _("This is no longer possible for your case."))
        return False
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    return True


@private_page
@expiring
@require_POST
def add_information(request, token):
    case = _case_for_token(token)
    if not case.is_open:
        messages.error(
            request,
            _(
                "Your case is closed, so nothing more can be added. If the problem continues, "
                "please report it again."
            ),
        )
        return redirect("track_case", token=token)
    limit = report_limit(request)
    if limit.exceeded():
        return _rate_limited_case_page(request, case)
    form = AddInformationForm(request.POST, request.FILES)
    if not form.is_valid():
        return _case_page(request, case, add_form=form)
    if not limit.hit():
        return _rate_limited_case_page(request, case)

    def save():
        with atomic_with_evidence() as written:
            if form.cleaned_data["text"]:
                add_note(
                    case=case,
                    text=form.cleaned_data["text"],
                    by=Actor.citizen(),
                    visibility=TimelineVisibility.PUBLIC,
                )
            store_evidence(case=case, evidence=form.cleaned_data["evidence"], written=written)

    if _run(request, case, save):
        messages.success(request, _("Thank you. What you added is now part of your case."))
    return redirect("track_case", token=token)


def _rate_limited_case_page(request, case):
    form = AddInformationForm(initial=initial_from_post(AddInformationForm, request.POST))
    return _case_page(request, case, add_form=form, status=TOO_MANY_REQUESTS, rate_limited=True)


@private_page
@expiring
@require_http_methods(["GET", "POST"])
def withdraw(request, token):
    case = _case_for_token(token)
    if not case.is_open:
        messages.info(request, _("Your case is already closed."))
        return redirect("track_case", token=token)
    if request.method == "GET":
        return render(request, "intake/track_withdraw.html", {"case": case})

    def step():
        withdraw_case(case=case, by=Actor.citizen(), expected_version=_expected_version(request))

    if _run(request, case, step):
        messages.success(request, _("Your case is withdrawn and closed."))
    return redirect("track_case", token=token)


def _answer(request, case, *, solved, reason=""):
    """Record the citizen's answer; True when the case now says it (else a message says why)."""
    try:
        result = record_citizen_answer(
            case=case,
            solved=solved,
            actor=Actor.citizen(),
            reason=reason,
            expected_version=_expected_version(request),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    if not result.recorded:
        # The page was out of date: the case moved on, closed, or has no response yet.
        messages.warning(
            request,
            _("Your case changed while this page was open. Please read it again, then choose."),
        )
    return result.recorded


@private_page
@expiring
@require_POST
def solved(request, token):
    case = _case_for_token(token)
    if _answer(request, case, solved=True):
        messages.success(request, _("Thank you. We are glad it is solved; your case is closed."))
    return redirect("track_case", token=token)


@private_page
@expiring
@require_POST
def not_solved(request, token):
    case = _case_for_token(token)
    form = EscalationRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
    elif _answer(request, case, solved=False, reason=form.cleaned_data["reason"]):
        messages.success(
            request,
            _(
                "Thank you for telling us. A case worker will look at your case again and "
                "decide on the next step."
            ),
        )
    return redirect("track_case", token=token)
