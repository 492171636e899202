"""The pages work in a real browser under their Content-Security-Policy: the public pages (strict:
no inline script at all) and the admin's sign-in and dashboard (with Wagtail's allowances),
and the browser reports no violation."""

import pytest

from pages.models import RightPage

from .conftest import PLAYWRIGHT_MISSING, skip_or_fail

try:
    from playwright.sync_api import expect
except ImportError:
    skip_or_fail(PLAYWRIGHT_MISSING)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Records every violation the browser reports, from the first script of each page on.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def watch(page):
    page.add_init_script(WATCH_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return console


def assert_no_violations(page, console):
    reported = page.evaluate("() => window.__cspViolations || []")
    assert not reported, f"CSP violations on {page.url}: {reported}"
    assert not console, f"CSP messages in the console on {page.url}: {console}"


def policy_of(response):
    return response.headers.get("content-security-policy", "")


def script_sources(policy):
    for directive in policy.split(";"):
        name, *values = directive.split()
        if name == "script-src":
            return values
    return []


def test_public_pages_work_under_a_strict_policy(phone_page):
    console = watch(phone_page)
    water = RightPage.objects.get(clause="43(1)(d)", locale__language_code="en")
    for path in [
        "/",
        water.url,
        "/search/?q=water",
        "/report/",
        "/track/",
        "/accountability/",
        "/accountability/cases/",
        "/open311/",
        "/sw/",
        "/sw/haki/maji/",
    ]:
        response = phone_page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        policy = policy_of(response)
        assert "default-src 'self'" in policy, path
        assert script_sources(policy) == ["'self'"], f"{path}: {policy}"
        assert "frame-ancestors 'none'" in policy
        expect(phone_page.get_by_role("heading", level=1)).to_be_visible()
        assert_no_violations(phone_page, console)

    # The language switcher still works under the policy.
    phone_page.goto("/")
    phone_page.get_by_role("link", name="Kiswahili").first.click()
    expect(phone_page.locator("html")).to_have_attribute("lang", "sw")
    assert_no_violations(phone_page, console)


def test_the_admin_signs_in_and_shows_its_dashboard_under_its_policy(
    desktop_page, django_user_model
):
    django_user_model.objects.create_superuser("csp-admin", "", "a-long-test-password-1")
    console = watch(desktop_page)

    response = desktop_page.goto("/admin/login/")
    assert "script-src 'self' 'unsafe-inline'" in policy_of(response)
    assert_no_violations(desktop_page, console)

    desktop_page.get_by_label("Username").fill("csp-admin")
    desktop_page.get_by_label("Password").fill("a-long-test-password-1")
    desktop_page.get_by_role("button", name="Sign in").click()

    desktop_page.wait_for_url("**/admin/")
    expect(desktop_page.get_by_role("heading", level=1)).to_be_visible()
    # Wagtail's own scripts ran: the sidebar is drawn by JavaScript.
    expect(desktop_page.locator("aside.sidebar, [data-wagtail-sidebar] nav").first).to_be_visible()
    assert_no_violations(desktop_page, console)

    # wagtail-localize's translation editor (a React app) opens for a Kiswahili page.
    kiswahili_water = RightPage.objects.get(clause="43(1)(d)", locale__language_code="sw")
    translate = f"/admin/pages/{kiswahili_water.pk}/edit/"
    for path in ["/admin/cases/", "/admin/pages/", "/admin/two-factor/", translate]:
        response = desktop_page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        desktop_page.wait_for_load_state("networkidle")
        assert_no_violations(desktop_page, console)
