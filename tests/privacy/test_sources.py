"""Every model that can hold a phone number or an e-mail address is a source of personal data
that access and erasure requests cover, or is listed with the reason it holds no citizen's."""

import re

from django.apps import apps
from django.db import models
from django.test import SimpleTestCase

from privacy.sources import NOT_ABOUT_CITIZENS, SOURCES

PERSONAL_FIELD = re.compile(r"(phone|e_?mail|msisdn|recipient|sender|caller)", re.IGNORECASE)


class CoverageTests(SimpleTestCase):
    def test_every_model_with_contact_details_is_covered(self):
        covered = {source.model._meta.label for source in SOURCES} | set(NOT_ABOUT_CITIZENS)
        for model in apps.get_models():
            fields = [
                field.name
                for field in model._meta.concrete_fields
                if isinstance(field, models.EmailField) or PERSONAL_FIELD.search(field.name)
            ]
            if fields:
                with self.subTest(model=model._meta.label, fields=fields):
                    self.assertIn(model._meta.label, covered)
