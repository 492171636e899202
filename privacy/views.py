"""The supervisor's side of data subject requests, in the Wagtail admin: find everything held
about a person, download it (JSON and PDF), correct it or erase it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases.exceptions import CaseChanged

from . import requests
from .forms import CorrectForm, EraseForm, PersonForm

PERMISSION = "cases.handle_personal_data"


def allowed(user):
    return user.is_active and user.has_perm(PERMISSION)


def _require(request):
    if not allowed(request.user):
        raise PermissionDenied


def _page(request, template, context, status=200):
    return TemplateResponse(request, f"privacy/admin/{template}", context, status=status)


@require_http_methods(["GET"])
def search(request):
    _require(request)
    form = PersonForm(request.GET or None)
    findings = None
    if form.is_bound and form.is_valid():
        findings = requests.find(form.person())
    context = {"form": form, "findings": findings, "query": request.GET.urlencode()}
    return _page(request, "search.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET"])
def download(request, kind):
    _require(request)
    if kind not in ("json", "pdf"):
        raise Http404
    form = PersonForm(request.GET)
    if not form.is_valid():
        return redirect(f"{reverse('privacy_search')}?{request.GET.urlencode()}")
    findings = requests.find(form.person())
    if kind == "json":
        content, content_type = requests.export_json(findings, by=request.user), "application/json"
    else:
        content, content_type = requests.export_pdf(findings, by=request.user), "application/pdf"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="personal-data.{kind}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _act(request, form_class, template, act, done_message):
    _require(request)
    form = form_class(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        findings = requests.find(form.person())
        try:
            result = act(form, findings)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        except CaseChanged:
            form.add_error(None, _("A case changed meanwhile: check and try again."))
        else:
            messages.success(request, done_message(result))
            return redirect(reverse("privacy_search"))
    findings = requests.find(form.person()) if form.is_bound and form.is_valid() else None
    status = 400 if form.is_bound and form.errors else 200
    return _page(request, template, {"form": form, "findings": findings}, status=status)


@require_http_methods(["GET", "POST"])
def erase(request):
    return _act(
        request,
        EraseForm,
        "erase.html",
        lambda form, findings: requests.erase(
            findings,
            by=request.user,
            mentions=form.cleaned_mentions(),
            own_words=form.cleaned_data["own_words"],
        ),
        lambda counts: (
            _("Erased: %(counts)s.")
            % {"counts": ", ".join(f"{key} {count}" for key, count in counts.items())}
        ),
    )


@require_http_methods(["GET", "POST"])
def correct(request):
    return _act(
        request,
        CorrectForm,
        "correct.html",
        lambda form, findings: requests.correct(findings, by=request.user, **form.corrections()),
        lambda corrected: _("Corrected on %(count)s case(s).") % {"count": corrected},
    )
