"""Load the reference data shipped in ``refdata/data/``; safe to run any number of times."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(filename):
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_counties(county_model):
    for row in read_rows("counties.csv"):
        county_model.objects.update_or_create(code=row["code"], defaults={"name": row["name"]})


def load_sectors(sector_model):
    for position, row in enumerate(read_rows("sectors.csv"), start=1):
        sector_model.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name_en": row["name_en"],
                "name_sw": row["name_sw"],
                "description_en": row["description_en"],
                "description_sw": row["description_sw"],
                "keywords": row["keywords"],
                "sort_order": position * 10,
            },
        )
