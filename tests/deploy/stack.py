"""The deployed stack for tests: PostgreSQL, Redis, gunicorn with production settings, the task
worker, as README.md (Running in production) says, in a database and a Redis database of its
own, on ports chosen free at run time.

gunicorn is started and stopped with the benchmark's helpers (``bench/bench_http.py``). Every
process is started in its own session and stopped with its whole group, whatever happens.
"""

import concurrent.futures
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench.bench_http import PYTHON, ROOT, free_port, start, stop

DATABASE_URL = os.environ.get(
    "HUDUMA_STACK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/huduma_stack_test"
)
REDIS_URL = os.environ.get("HUDUMA_STACK_REDIS_URL", "redis://127.0.0.1:6379/12")
CALLBACK_SECRET = "stack-callback-secret"  # noqa: S105 - a local test's callback path
STAFF_PASSWORD = "a-long-staff-password-" + secrets.token_hex(4)  # noqa: S105


def _answers(url, default_port):
    parsed = urllib.parse.urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or default_port), 2):
            return True
    except OSError:
        return False


def missing_service():
    """Why the stack cannot run here (PostgreSQL or Redis not answering), or None."""
    if shutil.which("psql") is None or not _answers(DATABASE_URL, 5432):
        return f"PostgreSQL is not answering at {DATABASE_URL} (HUDUMA_STACK_DATABASE_URL)"
    if not _answers(REDIS_URL, 6379):
        return f"Redis is not answering at {REDIS_URL} (HUDUMA_STACK_REDIS_URL)"
    return None


def totp_code(key_hex):
    """The authenticator's current six digits for a TOTP key, as a phone would show them."""
    from django_otp.oath import TOTP

    return f"{TOTP(bytes.fromhex(key_hex)).token():06d}"


class Stack:
    """One prepared installation: a migrated database, collected static files, directories for
    uploads and for what would be sent (SMS and e-mail written to files the test reads)."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="huduma-stack-"))
        self.static_root = self.root / "static"
        self.sms_dir = self.root / "sms"
        self.email_dir = self.root / "email"
        self.logs = self.root / "logs"
        self.logs.mkdir()
        self.processes = []
        self.database = urllib.parse.urlparse(DATABASE_URL).path.lstrip("/")
        self.secret_key = "stack-" + secrets.token_urlsafe(40)

    # --- environment --------------------------------------------------------------------
    def env(self, port=None, **overrides):
        """The production environment: every required secret set, nothing from the outside
        (the test run's own DATABASE_URL or settings) leaking in."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PYTEST"))
        }
        env.update(
            {
                "PYTHONPATH": str(ROOT),
                "DJANGO_SETTINGS_MODULE": "portal.settings.production",
                "DJANGO_SECRET_KEY": self.secret_key,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_BASE_URL": f"http://127.0.0.1:{port or 8000}",
                "DATABASE_URL": DATABASE_URL,
                "REDIS_URL": REDIS_URL,
                # nginx would redirect to HTTPS; the test says HTTPS with X-Forwarded-Proto.
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                "DJANGO_STATIC_ROOT": str(self.static_root),
                "DJANGO_MEDIA_ROOT": str(self.root / "media"),
                "DJANGO_PRIVATE_MEDIA_ROOT": str(self.root / "private-media"),
                "DJANGO_SMS_BACKEND": "notify.backends.file.FileSMSBackend",
                "DJANGO_SMS_FILE_PATH": str(self.sms_dir),
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "DJANGO_EMAIL_FILE_PATH": str(self.email_dir),
                "DJANGO_AFRICASTALKING_CALLBACK_SECRET": CALLBACK_SECRET,
                "DJANGO_LOG_LEVEL": "WARNING",
            }
        )
        env.update(overrides)
        return env

    def manage(self, *args, env=None, **popen):
        return subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env(),
            start_new_session=True,
            **popen,
        )

    # --- preparing ----------------------------------------------------------------------
    def prepare(self, staff=()):
        """A new database, then ``migrate`` and ``collectstatic`` (side by side: they touch
        different things), then the example authorities and the case workers named in
        ``staff``, each with an authenticator app (``self.totp_keys``, for their codes)."""
        self.psql_admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        self.psql_admin(f'CREATE DATABASE "{self.database}"')
        self.flush_redis()
        steps = {
            "migrate": self.manage("migrate", "--no-input", **self._logged("migrate")),
            "collectstatic": self.manage(
                "collectstatic", "--no-input", **self._logged("collectstatic")
            ),
        }
        for name, process in steps.items():
            if process.wait(300) != 0:
                raise RuntimeError(f"{name} failed:\n{self.log(name)}")
        self.totp_keys = {username: secrets.token_hex(20) for username in staff}
        # One process for the rest: each start of Django costs seconds.
        code = [
            "from django.contrib.auth.models import Group, User",
            "from django.core.management import call_command",
            "from django_otp.plugins.otp_totp.models import TOTPDevice",
            "call_command('load_example_authorities')",
            "workers = Group.objects.get(name='Case workers')",
        ]
        for username, key in self.totp_keys.items():
            code += [
                f"user = User.objects.create_user({username!r}, password={STAFF_PASSWORD!r})",
                "user.groups.add(workers)",
                f"TOTPDevice.objects.create(user=user, name='phone', key={key!r}, confirmed=True)",
            ]
        setup = self.manage("shell", "-c", "\n".join(code), **self._logged("setup"))
        if setup.wait(120) != 0:
            raise RuntimeError(f"setting up failed:\n{self.log('setup')}")

    def _logged(self, name):
        handle = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115 - closed with the stack
        self._handles = [*getattr(self, "_handles", []), handle]
        return {"stdout": handle, "stderr": subprocess.STDOUT}

    def log(self, name):
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    # --- running ------------------------------------------------------------------------
    def web(self, workers=2, **overrides):
        """A gunicorn instance on a free port; returns (process, base URL)."""
        port = free_port()
        log = open(self.logs / f"web-{port}.log", "wb")  # noqa: SIM115 - closed with the stack
        self._handles = [*getattr(self, "_handles", []), log]
        process = start(
            "portal.wsgi:application",
            port,
            self.env(port, **overrides),
            workers,
            probe="/robots.txt",
            stderr=log,
        )
        self.processes.append(process)
        return process, f"http://127.0.0.1:{port}"

    def webs(self, count, workers=1, **overrides):
        """``count`` gunicorn instances started side by side; a list of (process, base URL)."""
        with concurrent.futures.ThreadPoolExecutor(count) as pool:
            futures = [pool.submit(self.web, workers, **overrides) for _ in range(count)]
            return [future.result() for future in futures]

    def worker(self):
        """``manage.py db_worker``, as deploy/systemd/huduma-worker.service runs it."""
        process = self.manage(
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.2",
            "--no-startup-delay",
            **self._logged(f"worker-{len(self.processes)}"),
        )
        self.processes.append(process)
        return process

    def stop(self, process, how=signal.SIGTERM):
        """SIGTERM: gracefully, as systemd stops a unit; SIGINT: gunicorn's quick shutdown."""
        stop(process, timeout=20, how=how)
        with contextlib.suppress(ValueError):
            self.processes.remove(process)

    def close(self):
        for process in list(self.processes):
            stop(process, how=signal.SIGINT)
        self.processes.clear()
        for handle in getattr(self, "_handles", []):
            handle.close()
        with contextlib.suppress(Exception):
            self.flush_redis()
        with contextlib.suppress(Exception):
            self.psql_admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        shutil.rmtree(self.root, ignore_errors=True)

    # --- looking inside -----------------------------------------------------------------
    def psql(self, query):
        """Rows of a query on the stack's database, as lists of strings."""
        output = subprocess.run(
            ["psql", DATABASE_URL, "-qAtX", "-F", "\t", "-c", query],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return [line.split("\t") for line in output.splitlines() if line]

    def psql_admin(self, statement):
        subprocess.run(
            ["psql", DATABASE_URL.rsplit("/", 1)[0] + "/postgres", "-qAtX", "-c", statement],
            capture_output=True,
            check=True,
        )

    def flush_redis(self):
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()

    def sent_sms(self):
        from notify.backends.file import read_sent

        return read_sent(self.sms_dir)

    def sent_email_texts(self):
        """The plain-text bodies of every e-mail the file backend wrote."""
        import email

        texts = []
        if not self.email_dir.is_dir():
            return texts
        for path in sorted(self.email_dir.glob("*.log")):
            for raw in re.split(rb"\n-{79}\n", path.read_bytes()):
                if not raw.strip():
                    continue
                message = email.message_from_bytes(raw.lstrip())
                for part in message.walk():
                    if part.get_content_type() == "text/plain":
                        texts.append(part.get_payload(decode=True).decode())
        return texts


def wait_for(predicate, timeout=30, interval=0.2, what="the condition"):
    """Poll ``predicate`` until it returns something true; that value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout} s waiting for {what}")
        time.sleep(interval)
