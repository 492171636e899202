"""Background work: fetching one voice recording right after its call's commit."""

from django_tasks import task

from .downloading import run_download


@task()
def fetch_recording_task(download_id):
    download = run_download(download_id)
    return download.status if download else None
