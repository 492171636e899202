"""The authority's side of the loop: a signed link, without an account, where a duty bearer
reads the case and writes its response. Submitting runs ``respond_to_case`` as that
authority; the link then stops working (the case's link nonce is cleared), and a recall or an
escalation revokes it the same way."""

from django import forms
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from cases.actions import respond_to_case
from cases.exceptions import CaseChanged
from cases.models import Case, CaseLogEntry, CaseState
from cases.rules import Actor
from notify.links import read_response_token, read_short_response_token, short_token_opens

from .evidence import atomic_with_evidence, check_evidence, store_evidence
from .web.headers import private_page

MAX_RESPONSE_LENGTH = 8000


class AuthorityResponseForm(forms.Form):
    response = forms.CharField(
        label=_("Your response to the citizen"),
        max_length=MAX_RESPONSE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What you did or will do, and by when. The citizen will read this."),
    )
    document = forms.FileField(
        label=_("A supporting document (optional)"),
        required=False,
        help_text=_("A PDF or a photo, for example a letter or a works order."),
    )

    def clean_document(self):
        document = self.cleaned_data.get("document")
        return check_evidence(document) if document else None


def _open_case(token):
    """The case this link is for while the link is valid; otherwise None. The link is the
    signed token of the e-mail or the short one of the SMS (``notify.links``)."""
    short = read_short_response_token(token)
    if short is not None:
        case_id, nonce = short
    else:
        try:
            case_id, nonce = read_response_token(token)
        except signing.BadSignature:  # includes SignatureExpired
            return None
    case = Case.objects.select_related("authority", "sector", "county").filter(pk=case_id).first()
    if case is None or case.state != CaseState.FORWARDED:
        return None
    if short is not None:
        return case if short_token_opens(case, nonce) else None
    return case if case.response_link_nonce == nonce else None


def _link_dead(request):
    return render(request, "intake/authority_link_dead.html", status=410)


@private_page
@require_http_methods(["GET", "POST"])
def respond(request, token):
    case = _open_case(token)
    if case is None:
        return _link_dead(request)
    form = AuthorityResponseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        authority = Actor.for_authority(case.authority)
        try:
            with atomic_with_evidence() as written:
                respond_to_case(
                    case=case,
                    response=form.cleaned_data["response"],
                    by=authority,
                    expected_version=case.version,
                )
                if form.cleaned_data["document"]:
                    store_evidence(
                        case=case,
                        evidence=[form.cleaned_data["document"]],
                        written=written,
                        by=authority,
                    )
        except (CaseChanged, PermissionDenied):
            return _link_dead(request)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("authority_response_thanks")
    context = {
        "case": case,
        "form": form,
        "public_timeline": CaseLogEntry.objects.for_case(case).public(),
        "show_identity": case.consent_to_share_identity,
    }
    return render(
        request, "intake/authority_respond.html", context, status=400 if form.errors else 200
    )


@private_page
def thanks(request):
    return render(request, "intake/authority_response_thanks.html")
