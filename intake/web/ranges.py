"""HTTP byte ranges (RFC 9110, section 14) for serving evidence files: an audio player asks
for parts of a recording to seek in it."""

import re

_SPEC = re.compile(r"\s*(\d*)\s*-\s*(\d*)\s*")


class Unsatisfiable(Exception):
    """The Range header asks for bytes the file does not have, or cannot be read: 416."""


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
        first = int(match[1])
        last = int(match[2]) if match[2] else size - 1
        if last < first or first >= size:
            raise Unsatisfiable
        return first, min(last, size - 1)
    suffix = int(match[2])  # "bytes=-500": the last 500 bytes
    if suffix == 0 or size == 0:
        raise Unsatisfiable
    return max(size - suffix, 0), size - 1


def read_range(file, first, last, chunk_size=64 * 1024):
    """Yield bytes ``first`` to ``last`` of an open file, then close it."""
    try:
        file.seek(first)
        remaining = last - first + 1
        while remaining > 0:
            chunk = file.read(min(chunk_size, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        file.close()
