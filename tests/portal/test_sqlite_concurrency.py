"""SQLite is the embedded default: two processes with several threads each open cases at once
in one database file, and no write fails with "database is locked"."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 2
THREADS = 4
CASES_PER_THREAD = 5


def environment(database):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SMS_BACKEND": "notify.backends.locmem.LocMemSMSBackend",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_LOG_LEVEL": "ERROR",
        "WRITER_THREADS": str(THREADS),
        "WRITER_CASES": str(CASES_PER_THREAD),
    }


@pytest.fixture(scope="module")
def database_file(tmp_path_factory):
    database = tmp_path_factory.mktemp("sqlite") / "portal.sqlite3"
    migrate = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=environment(database),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    return database


def count_cases(database):
    import sqlite3

    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*) FROM cases_case").fetchone()[0]


def test_sqlite_settings_are_those_of_an_embedded_database(database_file):
    import sqlite3

    with sqlite3.connect(database_file) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert options["transaction_mode"] == "IMMEDIATE"
        assert options["timeout"] >= 5


def test_concurrent_writers_in_two_processes_all_succeed(database_file):
    before = count_cases(database_file)
    writers = [
        subprocess.Popen(  # noqa: S603 - our own helper module with fixed arguments
            [sys.executable, "-m", "tests.portal.sqlite_writers"],
            cwd=ROOT,
            env=environment(database_file),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    outputs = [writer.communicate(timeout=300)[0] for writer in writers]

    assert "database is locked" not in "".join(outputs), outputs
    assert [writer.returncode for writer in writers] == [0] * PROCESSES, outputs
    assert count_cases(database_file) - before == PROCESSES * THREADS * CASES_PER_THREAD
