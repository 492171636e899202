"""docs/glossary.md is kept: the Kiswahili the public reads uses one term per key word, in
the interface catalogue, the message templates and the page content alike."""

import re
from pathlib import Path

import polib
from django.test import SimpleTestCase

from notify.default_texts import all_default_texts

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "sw" / "LC_MESSAGES" / "django.po"
CONTENT = ROOT / "pages" / "content" / "sw"

# Words the glossary replaced, with the term to use instead.
REPLACED = {
    r"\bKifungu\b|\bkifungu\b": "Ibara (Article of the Constitution)",
    r"\bnamba\b": "nambari (ya kumbukumbu, ya siri, ya simu)",
    r"\bngazi\b": "kupandisha kesi (escalation)",
    r"\bafisa wa malalamiko\b": "afisa wa kesi",
}


def catalogue_texts():
    for entry in polib.pofile(str(CATALOGUE)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                yield entry.msgid, text


def kiswahili_texts():
    yield from catalogue_texts()
    for event, channel, language, subject, body in all_default_texts():
        if language == "sw":
            yield f"{event}/{channel}", f"{subject}\n{body}"
    for module in CONTENT.glob("*.py"):
        yield module.name, module.read_text(encoding="utf-8")


class GlossaryTests(SimpleTestCase):
    def test_replaced_words_are_gone(self):
        for source, text in kiswahili_texts():
            for pattern, instead in REPLACED.items():
                with self.subTest(source=source[:60], pattern=pattern):
                    self.assertIsNone(re.search(pattern, text), f"use {instead}")

    def test_a_case_is_kesi_not_lalamiko(self):
        for msgid, text in catalogue_texts():
            if re.search(r"\bcases?\b", msgid, re.I) and not re.search(
                r"grievance|complain", msgid, re.I
            ):
                with self.subTest(msgid=msgid[:60]):
                    self.assertNotRegex(text.lower(), r"lalamiko")

    def test_the_glossary_names_the_terms_checked_here(self):
        glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
        for term in ("kesi", "lalamiko", "nambari ya kumbukumbu", "Ibara", "kupandisha"):
            self.assertIn(f"**{term}", glossary)
