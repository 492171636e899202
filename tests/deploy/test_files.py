"""The deployment files in deploy/: nginx accepts the site, systemd accepts the units, every
command they run exists, and the timers are README.md's schedule, line for line."""

import configparser
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import find_commands, get_commands

from . import nginx

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "deploy"
UNITS = DEPLOY / "systemd"
SITE = nginx.SITE
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
CRON_LINE = re.compile(
    r"^(?P<minute>\S+) (?P<hour>\S+) \* \* \*\s+python manage\.py (?P<cmd>[^#]+?)\s*(#|$)"
)


def unit(path):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(path)
    return parser


def manage_command(exec_start):
    """``send_outbox`` from ``/srv/huduma/.venv/bin/python manage.py send_outbox``."""
    words = shlex.split(exec_start)
    return words[words.index("manage.py") + 1 :] if "manage.py" in words else None


def readme_schedule():
    """{command line: (minute, hour)} from README.md's schedule block."""
    text = (ROOT / "README.md").read_text()
    block = text.split("- **Schedules**", 1)[1].split("```", 2)[1]
    lines = {}
    for line in block.splitlines():
        match = CRON_LINE.match(line.strip())
        if match:
            lines[match["cmd"]] = (match["minute"], match["hour"])
    return lines


def cron_field(value):
    """A timer's hour or minute as cron writes it: "*", "7", or "00/5" (every 5) as "*/5"."""
    if value == "*":
        return value
    if "/" in value:
        return "*/" + value.split("/")[1]
    return str(int(value))


def timer_schedule():
    """{command line: (minute, hour)} from the timers, read back into cron's fields."""
    schedule = {}
    for timer in sorted(UNITS.glob("*.timer")):
        calendar = unit(timer)["Timer"]["OnCalendar"]
        match = re.fullmatch(r"\*-\*-\* (\*|\d\d):(\*|\d\d|00/\d+):00( [\w/]+)?", calendar)
        assert match, f"{timer.name}: an OnCalendar this test cannot read: {calendar}"
        hour, minute = (cron_field(value) for value in match.groups()[:2])
        service = unit(UNITS / unit(timer)["Timer"]["Unit"])
        schedule[" ".join(manage_command(service["Service"]["ExecStart"]))] = (minute, hour)
    return schedule


def portal_commands():
    """Every manage.py command in production (django_tasks_db is installed there only)."""
    import django_tasks_db

    return set(get_commands()) | set(
        find_commands(str(Path(django_tasks_db.__file__).parent / "management"))
    )


def test_every_timer_has_its_service_and_every_command_exists():
    timers = sorted(UNITS.glob("*.timer"))
    assert timers
    for timer in timers:
        service = UNITS / unit(timer)["Timer"]["Unit"]
        assert service.exists(), f"{timer.name} starts {service.name}, which is missing"
        assert service.stem == timer.stem
    commands = portal_commands()
    for service in sorted(UNITS.glob("*.service")):
        exec_start = unit(service)["Service"]["ExecStart"]
        args = manage_command(exec_start)
        if args is None:
            assert "gunicorn portal.wsgi:application" in exec_start, service.name
            continue
        assert args[0] in commands, f"{service.name} runs manage.py {args[0]}, which is unknown"


def test_the_timers_are_the_readme_schedule():
    assert readme_schedule() == timer_schedule()


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    # The units name /srv/huduma, the venv in it and /etc/huduma/huduma.env: point them at
    # this checkout so that systemd can check every command it would run.
    env_file = tmp_path / "huduma.env"
    env_file.write_text((DEPLOY / "huduma.env.example").read_text())
    venv = str(Path(sys.executable).parent.parent)
    for path in UNITS.iterdir():
        text = path.read_text()
        text = text.replace("/srv/huduma/.venv", venv).replace("/srv/huduma", str(ROOT))
        (tmp_path / path.name).write_text(text.replace("/etc/huduma/huduma.env", str(env_file)))
    names = sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".service", ".timer"))
    checked = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout + checked.stderr == ""


def test_the_upload_limit_lets_the_largest_report_through():
    size = re.search(r"client_max_body_size (\d+)m;", SITE.read_text())
    largest = settings.EVIDENCE_MAX_FILES * max(
        settings.EVIDENCE_MAX_DOCUMENT_BYTES, settings.EVIDENCE_MAX_MEDIA_BYTES
    )
    assert int(size.group(1)) * 1024 * 1024 > largest + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_the_site_sets_the_headers_the_settings_trust():
    text = SITE.read_text()
    production = (ROOT / "portal" / "settings" / "production.py").read_text()
    assert 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")' in production
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text
    assert "DJANGO_RATELIMIT_PROXY_COUNT=1" in (DEPLOY / "huduma.env.example").read_text()
    # The proxy cache keeps what Cache-Control allows, and nothing for signed-in staff.
    assert not re.search(r"^\s*proxy_cache_valid", text, re.MULTILINE)
    assert "proxy_no_cache $cookie_sessionid" in text


@pytest.mark.skipif(nginx.MISSING is not None, reason=nginx.MISSING or "")
def test_nginx_accepts_the_site(tmp_path):
    checked = nginx.check(nginx.configure(tmp_path))
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr
