from django.test import TestCase


class DevelopersPageTests(TestCase):
    def test_explains_keys_and_calls(self):
        response = self.client.get("/open311/")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "open311/developers.html")
        self.assertTemplateUsed(response, "base.html")
        self.assertContains(response, "Getting a key")
        self.assertContains(response, "http://testserver/open311/v2/")
        self.assertContains(response, 'href="/open311/v2/openapi.json"')
        self.assertContains(response, "<code>since_when</code>")
        self.assertContains(response, "<code>huduma.ke</code>")

    def test_renders_in_kiswahili_too(self):
        response = self.client.get("/sw/open311/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'lang="sw"')
        self.assertContains(response, "Maji")  # the sector's Kiswahili name
