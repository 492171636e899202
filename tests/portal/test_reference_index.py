"""Wagtail's reference index follows content only: gateway records, cases and the like never
queue index tasks (each inbound SMS used to queue two)."""

from unittest import mock

from django.test import TestCase
from wagtail.models import ReferenceIndex

from intake.gateways.sms import receive_sms

CONTENT_APPS = {"pages", "wagtailcore", "wagtaildocs", "wagtailimages"}


class ReferenceIndexTests(TestCase):
    def test_only_content_models_are_indexed(self):
        apps = {model._meta.app_label for model in ReferenceIndex.indexed_models}
        self.assertLessEqual(apps, CONTENT_APPS)

    def test_an_inbound_sms_queues_no_index_task(self):
        with mock.patch("wagtail.signal_handlers.update_reference_index_task") as task:
            receive_sms(gateway_id="ri-1", sender="+254712345678", recipient="1", text="maji")
        task.enqueue.assert_not_called()
