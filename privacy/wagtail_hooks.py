"""Data subject requests in the admin, for those who may answer them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path("personal-data/", views.search, name="privacy_search"),
        path("personal-data/download.<str:kind>", views.download, name="privacy_download"),
        path("personal-data/erase/", views.erase, name="privacy_erase"),
        path("personal-data/correct/", views.correct, name="privacy_correct"),
    ]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return views.allowed(request.user)


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data requests"),
        reverse("privacy_search"),
        icon_name="user",
        order=280,
        name="personal-data",
    )
