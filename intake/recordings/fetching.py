"""Fetching one recording over HTTP(S), from the allowed addresses only.

The allow-list (``AFRICASTALKING_RECORDING_URL_PREFIXES``) is authoritative: an address is
compared with each prefix by its parts — scheme, host, port and path — never as a string, so
``https://voice.example.com.evil.org/`` or ``https://voice.example.com@evil.org/`` never pass
for ``https://voice.example.com/``. Nothing is requested before the address passes; every
redirect is read by us (never followed by a library) and its target must pass too, for at
most ``MAX_REDIRECTS`` hops. The body is streamed into a spooled file and given up as soon
as it passes the size limit (with or without Content-Length) or the time limit, which holds
for the whole try: connection, TLS, headers and body. The standard library's
``http.client`` does the requests: no proxy from the environment, no automatic redirects,
TLS verified by ``ssl.create_default_context()``. (urllib3, installed with requests, would
save a few lines but not the allow-list, the redirect checks or the deadline, and is no
dependency of ours.)
"""

import contextlib
import http.client
import socket
import ssl
import tempfile
import threading
import time
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from django.core.files import File

MAX_REDIRECTS = 3
CHUNK_BYTES = 64 * 1024
SPOOL_BYTES = 2 * 1024 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}
USER_AGENT = "HudumaPortal-recordings/1"


class Refused(Exception):
    """The recording will never be fetched from this address: not retried."""


class FetchFailed(Exception):
    """This try did not work (network, gateway, time limit): tried again later."""


@dataclass(frozen=True)
class Address:
    scheme: str
    host: str
    port: int
    path: str  # without the query
    target: str  # what goes on the request line: path and query

    def matches(self, prefix):
        if (self.scheme, self.host, self.port) != (prefix.scheme, prefix.host, prefix.port):
            return False
        if prefix.path.endswith("/"):
            return self.path.startswith(prefix.path)
        # By whole segments: the prefix "/rec" allows "/rec" and "/rec/…", not "/recordings".
        return self.path == prefix.path or self.path.startswith(f"{prefix.path}/")


def parse_address(url):
    """The parts of an absolute http(s) address, or None for anything we would not send."""
    url = url or ""
    # ASCII only: the gateway's addresses are, and a Unicode host or path would be encoded
    # (IDNA, UTF-8) differently by whoever reads it next.
    if not url or not url.isascii() or not url.isprintable() or " " in url:
        return None
    if "\\" in url or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    # Any "@" is user information, even an empty one ("https://@host/").
    if scheme not in DEFAULT_PORTS or not parts.hostname or "@" in parts.netloc or port == 0:
        return None
    path = parts.path or "/"
    if _has_dot_segment(path):
        return None
    target = path + (f"?{parts.query}" if parts.query else "")
    return Address(scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme], path, target)


def _has_dot_segment(path):
    """Whether "/allowed/../elsewhere" (however often percent-encoded) leaves the path it
    starts with: a server that decodes twice would go there."""
    for _round in range(4):
        if any(segment in (".", "..") for segment in path.split("/")):
            return True
        decoded = unquote(path)
        if decoded == path:
            return False
        path = decoded
    return True  # encoded more deeply than any real address: refused


def allowed(url, prefixes):
    """Whether ``url`` starts with one of the allowed ``prefixes`` (compared by parts)."""
    address = parse_address(url)
    if address is None:
        return False
    for prefix in prefixes:
        parsed = parse_address(prefix)
        if parsed is not None and address.matches(parsed):
            return True
    return False


def fetch(url, *, prefixes, timeout, max_bytes):
    """The body at ``url`` as a ``File`` (a spooled temporary file), following redirects
    only to allowed addresses. Raises ``Refused`` or ``FetchFailed``."""
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        if not allowed(current, prefixes):
            if current == url:
                raise Refused("The address is not one of the allowed recording addresses.")
            raise Refused("Redirected to an address that is not an allowed recording address.")
        location = _get(parse_address(current), deadline=deadline, max_bytes=max_bytes)
        if isinstance(location, File):
            return location
        current = urljoin(current, location)
    raise FetchFailed(f"More than {MAX_REDIRECTS} redirects.")


def _connection(address, deadline):
    remaining = _remaining(deadline)
    if address.scheme == "https":
        return http.client.HTTPSConnection(
            address.host, address.port, timeout=remaining, context=ssl.create_default_context()
        )
    return http.client.HTTPConnection(address.host, address.port, timeout=remaining)


def _remaining(deadline):
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchFailed("Timed out.")
    return remaining


def _shut(connection):
    """End whatever the connection is waiting for (TLS handshake, headers, a chunk): the
    socket is shut under it, so the blocked read returns at once."""
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the TCP socket, under any TLS


def _get(address, *, deadline, max_bytes):
    """One request: the body as a File, or the Location of a redirect (a string)."""
    connection = _connection(address, deadline)
    # http.client's timeout is per socket operation: a server that trickles its TLS
    # handshake, headers or chunk sizes would restart it with every byte. The watchdog
    # holds the whole try to the deadline.
    watchdog = threading.Timer(_remaining(deadline), _shut, args=(connection,))
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request(
            "GET",
            address.target,
            headers={"User-Agent": USER_AGENT, "Accept": "audio/*", "Accept-Encoding": "identity"},
        )
        # Kept before the response: http.client drops it from the connection when the
        # server closes after the body, and each read's wait is set on it.
        sock = connection.sock
        sock.settimeout(_remaining(deadline))  # past the deadline (a slow connect): stop
        response = connection.getresponse()
        if response.status in REDIRECT_STATUSES:
            location = response.getheader("Location")
            if not location:
                raise FetchFailed(f"HTTP {response.status} without a Location.")
            return location
        if response.status != 200:
            raise FetchFailed(f"HTTP {response.status} from the gateway.")
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise Refused(f"The recording is larger than the limit ({max_bytes} bytes).")
        return _read_body(sock, response, deadline=deadline, max_bytes=max_bytes)
    except (OSError, http.client.HTTPException) as error:
        # Timeouts, refused connections, TLS errors, broken responses.
        if time.monotonic() >= deadline:
            raise FetchFailed("Timed out.") from error  # the watchdog shut the socket
        raise FetchFailed(f"{type(error).__name__}: {error}") from error
    finally:
        watchdog.cancel()
        connection.close()


def _read_body(sock, response, *, deadline, max_bytes):
    body = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - returned open
    try:
        size = 0
        while True:
            # Each read waits at most what is left of the time limit, so a server that
            # trickles bytes cannot stretch it.
            sock.settimeout(_remaining(deadline))
            chunk = response.read1(CHUNK_BYTES)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise Refused(f"The recording is larger than the limit ({max_bytes} bytes).")
            body.write(chunk)
        _remaining(deadline)
    except BaseException:
        body.close()
        raise
    body.seek(0)
    return File(body, name="recording")
