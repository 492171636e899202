"""HTTP byte ranges (RFC 9110, section 14) for serving evidence files: an audio player asks
for parts of a recording to seek in it.

Neither Django (``FileResponse`` sends whole files) nor an installed package serves ranges for
files that are not static (WhiteNoise's range support is internal to its static files;
Werkzeug comes only with a test tool), hence these few lines.
"""

import re

# ASCII digits only (``\d`` would take "٣"), at most 18 of them: longer numbers are beyond
# any file and would make int() fail past Python's 4,300-digit limit.
_SPEC = re.compile(r"\s*([0-9]*)\s*-\s*([0-9]*)\s*")
_MAX_DIGITS = 18
_BEYOND_ANY_FILE = 10**_MAX_DIGITS


class Unsatisfiable(Exception):
    """The Range header asks for bytes the file does not have, or cannot be read: 416."""


def _position(digits):
    return int(digits) if len(digits) <= _MAX_DIGITS else _BEYOND_ANY_FILE


def requested_range(header, size):
    """The one byte range a ``Range`` header asks for, as ``(first, last)`` inclusive, or None
    to send the whole file. Raises ``Unsatisfiable``.

    Another unit than bytes is ignored, as RFC 9110 says; so is a request for several ranges
    (we may answer those with the whole file, and players never ask for them).
    """
    unit, equals, spec = (header or "").partition("=")
    if not equals or unit.strip().lower() != "bytes":
        return None
    if "," in spec:
        return None
    match = _SPEC.fullmatch(spec)
    if match is None or not (match[1] or match[2]):
        raise Unsatisfiable
    if match[1]:
        first = _position(match[1])
        last = _position(match[2]) if match[2] else size - 1
        if last < first or first >= size:
            raise Unsatisfiable
        return first, min(last, size - 1)
    suffix = _position(match[2])  # "bytes=-500": the last 500 bytes
    if suffix == 0 or size == 0:
        raise Unsatisfiable
    return max(size - suffix, 0), size - 1


class FileRange:
    """Bytes ``first`` to ``last`` of an open file, in chunks. The response closes it when
    it is done, also when no chunk was ever read (a HEAD request, a player that hung up);
    a generator's ``finally`` would not run then."""

    def __init__(self, file, first, last, chunk_size=64 * 1024):
        self.file = file
        self.first = first
        self.last = last
        self.chunk_size = chunk_size

    def __iter__(self):
        self.file.seek(self.first)
        remaining = self.last - self.first + 1
        while remaining > 0:
            chunk = self.file.read(min(self.chunk_size, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk

    def close(self):
        self.file.close()
