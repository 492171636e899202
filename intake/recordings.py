"""Fetching a voice call's recording and attaching it to its case (the recording branch)."""


def queue_recording_download(*, case, url):
    """Replaced by the recording branch."""
