from django.urls import path

from . import authority

urlpatterns = [
    path("respond/thanks/", authority.thanks, name="authority_response_thanks"),
    path("respond/<str:token>/", authority.respond, name="authority_respond"),
]
