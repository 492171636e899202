from django.urls import path, re_path

from . import views

app_name = "accountability"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    re_path(r"^figures\.(?P<fmt>csv|xlsx|pdf)$", views.download, name="download"),
    path("cases/", views.case_list, name="case_list"),
    re_path(r"^cases/(?P<reference>[A-Za-z0-9-]{1,24})/$", views.case_detail, name="case_detail"),
]
