"""The retention schedule (``settings.RETENTION_DAYS``), applied by ``apply_retention``.

Each rule takes what is older than its period: the personal data of cases closed long ago
(their statistics stay), the evidence files of closed cases (from the disk too), old
messages, raw gateway records, task results, the staff access log and the sign-in log.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from cases import actions
from cases.models import Case, StaffAccess
from cases.operations.privacy import delete_evidence
from cases.rules import Actor
from cases.workbench import export_jobs
from intake.models import InboundSMS, RecordingDownload, UssdSession, VoiceCall
from notify.models import MessageStatus, OutboundMessage

SCHEDULE = Actor.system("Retention schedule")
UNSENT = [MessageStatus.QUEUED, MessageStatus.SENDING]


@dataclass
class Done:
    counts: dict = field(default_factory=dict)

    def add(self, name, count):
        self.counts[name] = self.counts.get(name, 0) + count

    def __str__(self):
        return ", ".join(f"{name}: {count}" for name, count in self.counts.items())


def days(rule):
    return datetime.timedelta(days=settings.RETENTION_DAYS[rule])


def apply_retention(now=None):
    now = now or timezone.now()
    done = Done()
    expired = Case.objects.filter(closed_at__lt=now - days("closed_cases"))
    for case in expired.filter(personal_data_erased_at__isnull=True).iterator(chunk_size=500):
        actions.erase_personal_data(case=case, by=SCHEDULE, own_words=True)
        done.add("cases anonymised", 1)
    old_files = Case.objects.filter(closed_at__lt=now - days("evidence"), attachments__isnull=False)
    for case in old_files.distinct().iterator(chunk_size=500):
        done.add("evidence files deleted", delete_evidence(case))
    messages = OutboundMessage.objects.filter(created_at__lt=now - days("outbox"))
    done.add("messages deleted", messages.exclude(status__in=UNSENT).delete()[0])
    gateway_cutoff = now - days("gateway_records")
    done.add(
        "inbound SMS deleted", InboundSMS.objects.filter(received_at__lt=gateway_cutoff).delete()[0]
    )
    done.add(
        "USSD sessions deleted",
        UssdSession.objects.filter(updated_at__lt=gateway_cutoff).delete()[0],
    )
    done.add(
        "voice calls deleted",
        VoiceCall.objects.filter(updated_at__lt=gateway_cutoff).delete()[0],
    )
    done.add(
        "recording downloads deleted",
        RecordingDownload.objects.filter(created_at__lt=gateway_cutoff).delete()[0],
    )
    done.add(
        "staff access records deleted",
        StaffAccess.objects.older_than(now - days("access_log")).delete()[0],
    )
    done.add("task results deleted", _prune_task_results(now - days("task_results")))
    done.add("expired exports deleted", export_jobs.delete_expired(now))
    done.add("sign-in records deleted", _prune_sign_in_log(now - days("sign_in_log")))
    return done


def _prune_task_results(cutoff):
    # The database task backend is installed in production only.
    if not apps.is_installed("django_tasks_db"):
        return 0
    result_model = apps.get_model("django_tasks_db", "DBTaskResult")
    return result_model.objects.filter(finished_at__lt=cutoff).delete()[0]


def _prune_sign_in_log(cutoff):
    if not apps.is_installed("axes"):
        return 0
    deleted = 0
    for name, moment in (("AccessLog", "attempt_time"), ("AccessFailureLog", "attempt_time")):
        try:
            model = apps.get_model("axes", name)
        except LookupError:
            continue
        deleted += model.objects.filter(**{f"{moment}__lt": cutoff}).delete()[0]
    return deleted
