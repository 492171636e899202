"""Voice recordings: fetched from the gateway in the background and attached to their case.

``queue_recording_download(case=, url=)`` is what the voice callback calls; ``downloading``
runs a try and records what came of it, ``fetching`` does the HTTP with the allow-list, and
``panel`` shows the state on the case in the workbench.
"""

from .downloading import queue_recording_download, requeue_refused, run_download

__all__ = ["queue_recording_download", "requeue_refused", "run_download"]
