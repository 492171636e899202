from django.urls import path

from . import downloads, tracking, views

urlpatterns = [
    path("report/", views.report_problem, name="report_problem"),
    path("report/received/", views.report_received, name="report_received"),
    path("track/", tracking.track_lookup, name="track_lookup"),
    path("track/<str:token>/", tracking.track_case, name="track_case"),
    path("track/<str:token>/add/", tracking.add_information, name="track_add_information"),
    path("track/<str:token>/withdraw/", tracking.withdraw, name="track_withdraw"),
    path("track/<str:token>/solved/", tracking.solved, name="track_solved"),
    path("track/<str:token>/not-solved/", tracking.not_solved, name="track_not_solved"),
    path("track/<str:token>/summary.pdf", tracking.case_summary_pdf, name="track_summary_pdf"),
    # Staff only: an evidence file as a download, after a permission check.
    path("evidence/<int:pk>/", downloads.download_evidence, name="evidence_download"),
]
