from django.urls import path

from pages import views as page_views

# Filled in by the web intake work: the report form replaces this placeholder at /report/.
urlpatterns = [
    path("report/", page_views.report_problem, name="report_problem"),
]
