"""Background work of the workbench: making a case export."""

from django_tasks import task

from .models import ExportJob
from .workbench.exporting import render


@task()
def make_export(job_id):
    job = ExportJob.objects.select_related("owner").filter(pk=job_id).first()
    if job is not None:
        render(job)
        job.refresh_from_db()
        return job.status
    return None
