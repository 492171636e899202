"""Saved searches ("collections"): a named filter of the case listing, per case worker."""

from django import forms
from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import SavedSearch
from ..policies import case_permission_policy
from .filters import CaseFilterSet

IGNORED_PARAMETERS = {"p", "export", "ordering", "_w_filter_fragment"}


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "query"]


def clean_query(query):
    params = QueryDict(query, mutable=True)
    for name in IGNORED_PARAMETERS:
        params.pop(name, None)
    return params.urlencode()


def count_saved_search(search, user):
    cases = case_permission_policy.instances_user_has_permission_for(user, "view")
    request = type("FilterRequest", (), {"user": user})()
    filterset = CaseFilterSet(QueryDict(search.query), queryset=cases, request=request)
    return filterset.qs.count() if filterset.is_valid() else 0


def listing_url(search):
    return f"{reverse('cases:index')}?{search.query}"


@require_POST
def save_search(request):
    if not case_permission_policy.user_has_permission(request.user, "view"):
        return redirect("wagtailadmin_home")
    data = {"name": request.POST.get("name", "").strip(), "query": request.POST.get("query", "")}
    data["query"] = clean_query(data["query"])
    form = SavedSearchForm(data, instance=SavedSearch(owner=request.user))
    if not data["name"]:
        messages.error(request, _("Give the search a name."))
    elif request.user.saved_case_searches.filter(name=data["name"]).exists():
        messages.error(request, _("You already have a saved search with this name."))
    elif form.is_valid():
        form.save()
        messages.success(request, _("Search saved as “%(name)s”.") % {"name": data["name"]})
    else:
        messages.error(request, _("The search could not be saved."))
    return redirect(f"{reverse('cases:index')}?{data['query']}")


@require_POST
def delete_search(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    search.delete()
    messages.success(request, _("Saved search removed."))
    return redirect("cases:index")
