from django.test import TestCase
from django.utils import translation

from refdata.models import County, Sector


class ReferenceDataTests(TestCase):
    def test_the_47_counties_load_with_their_official_codes(self):
        self.assertEqual(County.objects.count(), 47)
        self.assertEqual(County.objects.by_code(1).name, "Mombasa")
        self.assertEqual(County.objects.by_code("047").name, "Nairobi City")
        self.assertEqual(County.objects.get(name="Kisumu").code, "042")

    def test_sectors_cover_article_43_and_the_other_services(self):
        slugs = set(Sector.objects.values_list("slug", flat=True))
        self.assertTrue(
            {"health", "housing-sanitation", "food", "water", "social-security", "education"}
            <= slugs
        )
        self.assertIn("justice-police", slugs)

    def test_sector_name_follows_the_active_language(self):
        water = Sector.objects.get(slug="water")
        with translation.override("sw"):
            self.assertEqual(water.name, "Maji")
        with translation.override("en"):
            self.assertEqual(water.name, "Water")

    def test_loading_again_changes_nothing(self):
        from refdata.loading import load_counties, load_sectors

        load_counties(County)
        load_sectors(Sector)
        self.assertEqual(County.objects.count(), 47)
        self.assertEqual(Sector.objects.count(), 8)
