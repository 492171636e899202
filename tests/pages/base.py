"""A test case with the initial content loaded, in English and Kiswahili."""

from django.test import TestCase
from wagtail.models import Locale

from pages.initial_content import load_initial_content


class SiteContentTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()
        cls.english = Locale.objects.get(language_code="en")
        cls.kiswahili = Locale.objects.get(language_code="sw")
