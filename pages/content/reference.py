"""Read the reference facts shipped beside this module, so that the Constitution's words and
the ratification facts are copied from one checked source and never retyped."""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent
ARTICLE_43_FILE = CONTENT_DIR / "article-43.md"
CONVENTIONS_FILE = CONTENT_DIR / "ilo-fundamental-conventions.csv"

_SUBARTICLE = re.compile(r"^(?:43\.\s*)?\((\d)\)\s+(.+)$")
_PARAGRAPH = re.compile(r"^\(([a-z])\)\s+(.+)$")


def read_article_43():
    """Map each clause ("43(1)(a)", ..., "43(2)", "43(3)") to its words in the Constitution.

    Clause (1) only introduces its paragraphs, so each "43(1)(x)" keeps the lead-in
    ("Every person has the right—") followed by the paragraph on its own line."""
    clauses = {}
    lead_in = None
    for line in ARTICLE_43_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if subarticle := _SUBARTICLE.match(line):
            number, text = subarticle.groups()
            if number == "1":
                lead_in = text
            else:
                clauses[f"43({number})"] = text
        elif paragraph := _PARAGRAPH.match(line):
            if lead_in is None:
                raise ValueError(f"Paragraph before clause (1) in {ARTICLE_43_FILE.name}: {line}")
            letter = paragraph.group(1)
            clauses[f"43(1)({letter})"] = f"{lead_in}\n{line}"
    return clauses


@dataclass(frozen=True)
class ConventionFacts:
    number: int
    title: str
    year_adopted: int
    kenya_status: str  # "in force" or "not ratified", as in the CSV
    kenya_ratification_year: int | None


def read_conventions():
    """The ILO conventions of the CSV, in file order."""
    with open(CONVENTIONS_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        ConventionFacts(
            number=int(row["number"].strip().upper().removeprefix("C")),
            title=row["title"].strip(),
            year_adopted=int(row["adopted"]),
            kenya_status=row["kenya_status"].strip().lower(),
            kenya_ratification_year=int(row["kenya_ratified"]) if row["kenya_ratified"] else None,
        )
        for row in rows
    ]
