"""Turning the API's Python data into GeoReport v2 XML or JSON responses.

Both formats come from the same data. XML follows the specification's examples: a root
element, one child per list item (``services`` holds ``service`` elements, and so on),
``true``/``false`` for booleans and an empty element for a missing value. JSON is the same
data as a bare array (or object, for the discovery and service definition documents).
"""

import json
import re
import xml.etree.ElementTree as ET  # noqa: S405 - we only build XML here, never parse it

from django.http import HttpResponse

from .errors import Open311Error

FORMATS = ("xml", "json")
CONTENT_TYPES = {
    # The specification's own header values.
    "xml": "text/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
MEDIA_TYPES = ["text/xml", "application/json"]  # as listed in discovery

# The element name for each item of a list, by the list's element name.
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}

# Characters XML 1.0 cannot carry at all, even escaped (most C0 controls, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def build_element(tag, value):
    element = ET.Element(tag)
    if isinstance(value, dict):
        for key, child in value.items():
            element.append(build_element(key, child))
    elif isinstance(value, (list, tuple)):
        item_tag = ITEM_TAGS.get(tag, "item")
        for item in value:
            element.append(build_element(item_tag, item))
    else:
        element.text = xml_text(value)
    return element


def to_xml(root_tag, data):
    body = ET.tostring(build_element(root_tag, data), encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body


def to_json(data):
    return json.dumps(data, ensure_ascii=False)


def render(fmt, root_tag, data, status=200):
    """A response in the requested format; XML (the required format) for anything else."""
    if fmt == "json":
        body = to_json(data)
    else:
        fmt = "xml"
        body = to_xml(root_tag, data)
    response = HttpResponse(body.encode("utf-8"), status=status, content_type=CONTENT_TYPES[fmt])
    return response


def render_error(fmt, error: Open311Error):
    return render(fmt, "errors", error.as_data(), status=error.status)


def format_from_path(path):
    """The format a URL asks for by its extension (``….json``), XML otherwise."""
    return "json" if path.rstrip("/").endswith(".json") else "xml"
