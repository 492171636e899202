"""Example duty bearers and response templates, loaded from ``data/*.csv``.

Both loads are idempotent, and leave alone what an administrator has taken over: an authority
no longer marked as an example, a template whose text was edited.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from cases.models import Authority, ResponseTemplate
from refdata.models import County, Sector

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class LoadCounts:
    created: int = 0
    existing: int = 0
    kept: int = 0  # rows an administrator has taken over (no longer marked as examples)

    def __str__(self):
        return f"{self.created} created, {self.existing} already there, {self.kept} kept as edited"


def read_csv(filename):
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lookup(table, key, what):
    try:
        return table[key]
    except KeyError:
        raise ValueError(f"Unknown {what} {key!r} in the example data.") from None


def load_example_authorities():
    """Create or refresh the example duty bearers of ``data/authorities.csv`` (by name).

    A row whose authority an administrator has taken over (``is_example`` switched off, usually
    after entering real contact details) is left alone.
    """
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    counties = {county.name: county for county in County.objects.all()}
    counts = LoadCounts()
    with transaction.atomic():
        for row in read_csv("authorities.csv"):  # parents come before their children
            current = Authority.objects.filter(name=row["name"]).first()
            if current is not None and not current.is_example:
                counts.kept += 1
                continue
            authority, created = Authority.objects.update_or_create(
                name=row["name"],
                defaults={
                    "kind": row["kind"],
                    "parent": Authority.objects.get(name=row["parent"]) if row["parent"] else None,
                    "email": row["email"],
                    "phone": "",
                    "response_days": int(row["response_days"]),
                    "is_example": True,
                },
            )
            if row["sectors"] == "all":
                authority.sectors.set(sectors.values())
            else:
                authority.sectors.set(
                    [_lookup(sectors, slug, "sector") for slug in row["sectors"].split()]
                )
            names = [name.strip() for name in row["counties"].split(";") if name.strip()]
            authority.counties.set([_lookup(counties, name, "county") for name in names])
            if created:
                counts.created += 1
            else:
                counts.existing += 1
    return counts


def load_example_response_templates():
    """Create the example templates of ``data/response_templates.csv`` that are missing.

    Matched by (title, transition); an existing template keeps its text, which staff may have
    edited.
    """
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    counts = LoadCounts()
    with transaction.atomic():
        for row in read_csv("response_templates.csv"):
            _template, created = ResponseTemplate.objects.get_or_create(
                title=row["title"],
                transition=row["transition"],
                defaults={
                    "sector": _lookup(sectors, row["sector"], "sector") if row["sector"] else None,
                    "text": row["text"],
                },
            )
            if created:
                counts.created += 1
            else:
                counts.existing += 1
    return counts
