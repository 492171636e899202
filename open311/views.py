"""The public developers' page, and the spec's 404 for addresses the API does not have."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from .api import DEFAULT_JURISDICTION_ID
from .errors import NotFound
from .renderers import format_from_path, render_error
from .services import active_sectors, attributes_for


def developers(request):
    services = [
        {
            "service_code": sector.slug,
            "service_name": sector.name,  # the reader's language, unlike the API
            "attributes": attributes_for(sector.slug),
        }
        for sector in active_sectors()
    ]
    context = {
        "services": services,
        "api_root": request.build_absolute_uri(reverse("open311:api-root")),
        "jurisdiction_id": getattr(settings, "OPEN311_JURISDICTION_ID", DEFAULT_JURISDICTION_ID),
    }
    return render(request, "open311/developers.html", context)


@csrf_exempt  # a POST to a wrong address must get the API's 404, not Django's CSRF page
def unknown_resource(request):
    return render_error(
        format_from_path(request.path), NotFound("There is no such Open311 resource.")
    )
