"""The Open311 service catalogue: one service per active sector, and the extra questions
("attributes") some services ask.

The API speaks English to machines: names, descriptions and questions here are the
English ones whatever language the caller's browser prefers.
"""

from dataclasses import dataclass, field

from refdata.models import Sector

from .errors import BadRequest, NotFound

SERVICE_TYPE = "realtime"  # the case reference comes back at once

# Service groups: the rights of Article 43 of the Constitution, and the rest.
ARTICLE_43_GROUP = "Economic and social rights"
GROUPS = {
    "health": ARTICLE_43_GROUP,
    "housing-sanitation": ARTICLE_43_GROUP,
    "food": ARTICLE_43_GROUP,
    "water": ARTICLE_43_GROUP,
    "social-security": ARTICLE_43_GROUP,
    "education": ARTICLE_43_GROUP,
    "justice-police": "Justice and security",
}
OTHER_GROUP = "Other"


@dataclass(frozen=True)
class Attribute:
    code: str
    description: str
    datatype: str = "string"
    required: bool = False
    datatype_description: str = ""
    order: int = 1
    values: tuple = field(default_factory=tuple)  # (key, name) pairs for the list datatypes

    def as_data(self):
        return {
            "variable": True,
            "code": self.code,
            "datatype": self.datatype,
            "required": self.required,
            "datatype_description": self.datatype_description or None,
            "order": self.order,
            "description": self.description,
            "values": [{"key": key, "name": name} for key, name in self.values],
        }

    def clean(self, raw_values):
        """The submitted value(s) as text for the case worker; raises BadRequest."""
        values = [value.strip() for value in raw_values if value and value.strip()]
        if not values:
            if self.required:
                raise BadRequest(f"attribute[{self.code}] is required for this service.")
            return None
        if self.datatype == "multivaluelist":
            return ", ".join(self._name_for(value) for value in values)
        if len(values) > 1:
            raise BadRequest(f"attribute[{self.code}] takes one value.")
        value = values[0]
        if self.datatype == "singlevaluelist":
            return self._name_for(value)
        if len(value) > 200:
            raise BadRequest(f"attribute[{self.code}] is limited to 200 characters.")
        return value

    def _name_for(self, key):
        names = dict(self.values)
        if key not in names:
            raise BadRequest(f"attribute[{self.code}] must be one of: {', '.join(sorted(names))}.")
        return names[key]


SINCE_WHEN = Attribute(
    code="since_when",
    description="How long has the problem lasted?",
    datatype="singlevaluelist",
    order=2,
    values=(
        ("today", "Since today"),
        ("week", "Less than a week"),
        ("month", "Less than a month"),
        ("longer", "A month or longer"),
    ),
)

# Extra questions per service code (the sector slug). All are optional: a partner's form
# may not have asked them, and a case worker can ask the citizen later.
ATTRIBUTES = {
    "health": (
        Attribute(
            code="facility_name",
            description="Name of the hospital, health centre or dispensary.",
            datatype_description="For example: Kenyatta National Hospital",
        ),
        SINCE_WHEN,
    ),
    "water": (
        Attribute(
            code="water_point",
            description="The kiosk, tap, borehole or water point concerned, if any.",
        ),
        SINCE_WHEN,
    ),
    "education": (
        Attribute(
            code="school_name",
            description="Name of the school concerned.",
        ),
    ),
}


def attributes_for(service_code):
    return ATTRIBUTES.get(service_code, ())


def active_sectors():
    return Sector.objects.active()


def service_sector(service_code):
    """The active sector behind a service code, or NotFound."""
    sector = active_sectors().filter(slug=service_code).first() if service_code else None
    if sector is None:
        raise NotFound(f"service_code {service_code!r} was not found.")
    return sector


def service_data(sector):
    return {
        "service_code": sector.slug,
        "service_name": sector.name_en,
        "description": sector.description_en or None,
        "metadata": bool(attributes_for(sector.slug)),
        "type": SERVICE_TYPE,
        "keywords": keywords(sector),
        "group": GROUPS.get(sector.slug, OTHER_GROUP),
    }


def keywords(sector):
    words = [word.strip() for word in (sector.keywords or "").split(",") if word.strip()]
    return ", ".join(words) or None


def service_list():
    return [service_data(sector) for sector in active_sectors()]


def service_definition(service_code):
    sector = service_sector(service_code)
    attributes = sorted(attributes_for(sector.slug), key=lambda attribute: attribute.order)
    return {
        "service_code": sector.slug,
        "attributes": [attribute.as_data() for attribute in attributes],
    }


def clean_attributes(service_code, submitted):
    """``submitted`` maps attribute codes to lists of raw values. Returns ``[(description,
    text)]`` for the service's known attributes; unknown codes are ignored."""
    answers = []
    for attribute in sorted(attributes_for(service_code), key=lambda a: a.order):
        text = attribute.clean(submitted.get(attribute.code, []))
        if text:
            answers.append((attribute.description, text))
    return answers
