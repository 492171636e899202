from django.urls import path, re_path

from . import views
from .api import api

# The API: machines call it, so portal/urls.py keeps it outside the language prefixes.
urlpatterns = [
    path("v2/", api.urls),
    # Any other address under v2/ (even one with a newline in it: hence no "$") is a
    # resource that does not exist: answer as the specification says.
    re_path(r"^v2/", views.unknown_resource),
]

# The developers' page is for people: it follows the site's language rule.
page_urlpatterns = [
    path("", views.developers, name="open311_developers"),
]
