"""A small HTTP client for the deployed stack: it behaves like a browser behind nginx.

Every request says it came over HTTPS (``X-Forwarded-Proto: https``, as deploy/nginx sets it),
so the production settings' Secure cookies and CSRF origin checks are exercised as they are
in production; cookies are kept by name (the standard library's cookie jar would hold back
Secure cookies over plain HTTP); redirects are not followed, so a test sees each one.
"""

import http.client
import re
import secrets
import ssl
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name, default=""):
        return self.headers.get(name, default)

    def form_value(self, name):
        """The value of a form field in this page (a hidden input, say)."""
        for tag in re.findall(r"<input[^>]*>", self.text):
            if re.search(rf'name="{re.escape(name)}"', tag):
                value = re.search(r'value="([^"]*)"', tag)
                return value.group(1) if value else ""
        raise AssertionError(f"No field {name!r} in the page ({self.status})")


@dataclass
class Client:
    base_url: str
    cookies: dict = field(default_factory=dict)
    forwarded_for: str = ""

    def request(self, method, path, *, body=None, headers=None):
        url = urllib.parse.urlsplit(self.base_url + path if path.startswith("/") else path)
        origin = f"https://{url.netloc}"
        sent = {
            "Host": url.netloc,
            "X-Forwarded-Proto": "https",
            "Origin": origin,
            "Referer": origin + "/",
            "User-Agent": "huduma-stack-test",
            **(headers or {}),
        }
        if self.forwarded_for:
            sent["X-Forwarded-For"] = self.forwarded_for
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if url.scheme == "https":  # through nginx, with the test's self-signed certificate
            unverified = ssl._create_unverified_context()  # noqa: S323 - the test's own certificate
            connection = http.client.HTTPSConnection(
                url.hostname, url.port, timeout=60, context=unverified
            )
        else:
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        try:
            target = url.path + (f"?{url.query}" if url.query else "")
            connection.request(method, target, body=body, headers=sent)
            answer = connection.getresponse()
            response = Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, files=None, **kwargs):
        """A form POST (multipart when ``files``: {field: (name, content type, bytes)}), with
        the CSRF token from the cookie."""
        fields = dict(data)
        if "csrftoken" in self.cookies:
            fields.setdefault("csrfmiddlewaretoken", self.cookies["csrftoken"])
        if files:
            body, content_type = multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields, doseq=True).encode()
            content_type = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers={"Content-Type": content_type})

    def follow(self, response):
        """The page a redirect leads to."""
        assert response.status in (301, 302, 303), (response.status, response.text[:500])
        return self.get(response.header("Location"))


def multipart(fields, files):
    boundary = "huduma-" + secrets.token_hex(12)
    lines = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            lines += [
                f"--{boundary}".encode(),
                f'Content-Disposition: form-data; name="{name}"'.encode(),
                b"",
                str(item).encode(),
            ]
    for name, (filename, content_type, content) in files.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode(),
            f"Content-Type: {content_type}".encode(),
            b"",
            content,
        ]
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines), f"multipart/form-data; boundary={boundary}"
