"""deploy/nginx/huduma.conf made runnable in a temporary prefix: its ports, paths and
certificate pointed at the test's own (a self-signed certificate made with openssl)."""

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SITE = ROOT / "deploy" / "nginx" / "huduma.conf"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
)
MISSING = None
if NGINX is None:
    MISSING = "nginx is not installed (apt-get install nginx)"
elif shutil.which("openssl") is None:
    MISSING = "openssl is not installed"


def self_signed_certificate(directory):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=huduma.example.org"]
        + ["-keyout", str(directory / "privkey.pem"), "-out", str(directory / "fullchain.pem")],
        check=True,
        capture_output=True,
    )


def configure(prefix, *, http_port=80, https_port=443, upstream_port=8000, static=None, media=None):
    """Write ``prefix``/nginx.conf around the site; returns its path."""
    self_signed_certificate(prefix)
    site = SITE.read_text()
    replacements = {
        "/etc/letsencrypt/live/huduma.example.org": str(prefix),
        "/var/cache/nginx/huduma": str(prefix / "cache"),
        "/var/www/letsencrypt": str(prefix / "acme"),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream_port};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:443 ssl http2;": "",
        # On a port other than 443 the browser's Origin carries the port, and so must Host
        # for Django's CSRF check to match them ($host drops it).
        "proxy_set_header Host $host;": "proxy_set_header Host $http_host;",
    }
    if static:
        replacements["/srv/huduma/staticfiles/"] = f"{static}/"
    if media:
        replacements["/srv/huduma/media/"] = f"{media}/"
    for old, new in replacements.items():
        assert old in site, f"the site no longer has {old!r}: update tests/deploy/nginx.py"
        site = site.replace(old, new)
    (prefix / "huduma.conf").write_text(site)
    config = prefix / "nginx.conf"
    config.write_text(
        # As root nginx's workers would otherwise run as nobody, who cannot read the test's
        # private temporary directories.
        ("user root;\n" if os.geteuid() == 0 else "") + f"pid {prefix}/nginx.pid;\n"
        f"error_log {prefix}/error.log;\n"
        "events {}\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        f"    access_log {prefix}/access.log;\n"
        f"    client_body_temp_path {prefix}/body;\n"
        f"    proxy_temp_path {prefix}/proxy;\n"
        f"    include {prefix}/huduma.conf;\n"
        "}\n"
    )
    return config


def check(config):
    return subprocess.run(
        [NGINX, "-t", "-p", str(config.parent), "-c", str(config)],
        capture_output=True,
        text=True,
    )


def start(config):
    return subprocess.Popen(
        [NGINX, "-p", str(config.parent), "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
