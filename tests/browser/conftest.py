"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright against
pytest-django's live server, with the initial content loaded.

Nothing is downloaded: the browser is the system's Chromium and axe-core comes from
``npm ci``. Where either is missing the tests are skipped with the reason, unless
``HUDUMA_REQUIRE_BROWSER=1`` (set in CI) turns the skip into a failure."""

import os
from pathlib import Path

import pytest

# Once started, Playwright's sync API leaves its asyncio event loop marked as running in the
# test's thread, between calls as well as during them. Django's async-safety check sees that
# loop and raises SynchronousOnlyOperation for every ORM call made from that thread: loading
# the content, reading pages, the database flush after each test. Those calls are ordinary
# blocking code run while the loop is idle, so the check is a false alarm here; this setting
# switches it off for the test process (it is read at each call, so setting it here suffices).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = Path("/usr/bin/chromium")
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Keep Chromium from calling home, so the only traffic is to the live server.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 390, "height": 844}
DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
# Fail within seconds rather than Playwright's default 30 s: every page here is local.
TIMEOUT_MS = 10_000


PLAYWRIGHT_MISSING = "Playwright not installed: pip install -e '.[dev]'"


def skip_or_fail(reason):
    """Skip with ``reason``; in CI (HUDUMA_REQUIRE_BROWSER=1) a missing tool is a failure.
    Works in a fixture and at a test module's top level alike."""
    if os.environ.get("HUDUMA_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (HUDUMA_REQUIRE_BROWSER=1 forbids skipping)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def missing_tool():
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return PLAYWRIGHT_MISSING
    if not CHROMIUM_PATH.exists():
        return f"Chromium not installed ({CHROMIUM_PATH} missing): apt-get install chromium"
    if not AXE_PATH.exists():
        return f"axe-core not installed ({AXE_PATH} missing): npm ci"
    return None


def keep_database_connections(start):
    """Run ``start`` (which starts Playwright) without losing the test database connections.

    Django keeps connections in a thread-critical ``asgiref.local.Local``: a plain thread
    local while no event loop runs in the thread, a context variable once one does. When
    Playwright starts, the test thread switches from the first to the second and would see
    fresh connection objects, without the serialized copy of the migrated data that
    ``serialized_rollback`` restores from. The same objects are put back in the new storage."""
    from django.db import connections

    wrappers = {alias: connections[alias] for alias in connections}
    result = start()
    for alias, wrapper in wrappers.items():
        connections[alias] = wrapper
    return result


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One Chromium for the whole session; each test gets its own context.

    Depends on ``django_db_setup`` so that the test database exists before Playwright starts
    (see ``keep_database_connections``)."""
    reason = missing_tool()
    if reason:
        skip_or_fail(reason)
    from playwright.sync_api import sync_playwright

    playwright = keep_database_connections(sync_playwright().start)
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS
        )
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def site_content(live_server, settings, tmp_path):
    """The initial content, served by the live server. Uploaded files (the report's PDF) go to
    a temporary folder so that test runs leave nothing behind."""
    from pages.initial_content import load_initial_content

    settings.MEDIA_ROOT = tmp_path / "media"
    return load_initial_content()


def _open_page(browser, live_server, viewport):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=viewport,
        locale="en-GB",
        accept_downloads=True,
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def phone_page(browser, live_server, site_content):
    """A page in a fresh phone-sized context (390x844)."""
    context, page = _open_page(browser, live_server, PHONE_VIEWPORT)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser, live_server, site_content):
    """A page in a fresh desktop-sized context (1280x800)."""
    context, page = _open_page(browser, live_server, DESKTOP_VIEWPORT)
    yield page
    context.close()
