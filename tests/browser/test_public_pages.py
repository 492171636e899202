"""The public pages in a real browser: each page loads, shows what it is about, passes axe-core
without serious or critical violations and leaves a full-page screenshot in
test-artifacts/screenshots/."""

import re
from urllib.parse import urlsplit

import pytest

from pages.content import report as report_content
from pages.content import site_pages
from pages.content.sw import report as report_sw
from pages.content.sw import site_pages as site_pages_sw
from pages.models import ConventionPage, ReportIndexPage, ReportPage, RightPage

from .conftest import AXE_PATH, PLAYWRIGHT_MISSING, SCREENSHOT_DIR, skip_or_fail

try:
    from playwright.sync_api import expect
except ImportError:
    skip_or_fail(PLAYWRIGHT_MISSING)

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data, hence transactional tests. Those empty the
    # database after each test, which would take the rows created by migrations (Wagtail's
    # root page and default site, the sectors and counties) with them; serialized rollback
    # puts them back before the next test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOME_PAGE_WEIGHT_LIMIT = 100 * 1024
BLOCKING_IMPACTS = {"serious", "critical"}


# --- Checks shared by the tests ----------------------------------------------------------


def save_screenshot(page, name):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / f"{name}.png", full_page=True)


def assert_accessible(page):
    """No serious or critical axe-core violation on the page as it stands."""
    # Evaluated through the browser's debugging protocol: a script tag would be inline script,
    # which the pages' Content-Security-Policy rightly blocks.
    page.evaluate(AXE_PATH.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run()")
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        pytest.fail(f"axe-core on {page.url}:\n{describe_violations(blocking)}", pytrace=False)


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}")
    return "\n".join(lines)


def check_page(page, screenshot_name):
    """Screenshot first, so a failing accessibility check still leaves a picture to look at."""
    save_screenshot(page, screenshot_name)
    assert_accessible(page)


def heading(page):
    return page.get_by_role("heading", level=1)


# --- Pages -------------------------------------------------------------------------------


def test_home_page_is_light_and_self_contained(phone_page, live_server):
    requests, responses = [], []
    phone_page.on("request", lambda request: requests.append(request))
    phone_page.on("response", lambda response: responses.append(response))

    phone_page.goto("/")
    phone_page.wait_for_load_state("networkidle")

    expect(heading(phone_page)).to_have_text(site_pages.HOME_HERO_TITLE)
    expect(phone_page.get_by_role("link", name=report_content.TITLE)).to_be_visible()

    server = urlsplit(live_server.url).netloc
    elsewhere = [r.url for r in requests if urlsplit(r.url).netloc != server]
    assert not elsewhere, f"Requests to other hosts: {elsewhere}"

    sizes = {r.url: len(r.body()) for r in responses if not 300 <= r.status < 400}
    total = sum(sizes.values())
    assert total < HOME_PAGE_WEIGHT_LIMIT, (
        f"Home page weighs {total} bytes (limit {HOME_PAGE_WEIGHT_LIMIT}): {sizes}"
    )

    check_page(phone_page, "home")


def test_right_page(phone_page):
    water = RightPage.objects.get(clause="43(1)(d)", locale__language_code="en")

    phone_page.goto(water.url)

    expect(heading(phone_page)).to_have_text("The right to water")
    expect(phone_page.get_by_text("Article 43(1)(d)", exact=True)).to_be_visible()
    check_page(phone_page, "right-water")


def test_convention_page(desktop_page):
    convention = ConventionPage.objects.get(number=87, locale__language_code="en")

    desktop_page.goto(convention.url)

    expect(heading(desktop_page)).to_have_text(convention.title)
    expect(desktop_page.locator(".facts")).to_contain_text("C87")
    check_page(desktop_page, "convention-c87")


def test_reports_listing_filtered_by_year(desktop_page):
    year = str(report_content.PUBLICATION_DATE.year)
    desktop_page.goto(ReportIndexPage.objects.get(locale__language_code="en").url)

    desktop_page.get_by_label("Year").select_option(year)
    desktop_page.get_by_role("button", name="Show reports").click()

    desktop_page.wait_for_url(re.compile(rf"[?&]year={year}(&|$)"))
    expect(desktop_page.get_by_role("link", name=report_content.TITLE)).to_be_visible()
    check_page(desktop_page, "reports-by-year")


def test_report_page_offers_its_pdf(phone_page):
    report = ReportPage.objects.get(slug=report_content.SLUG, locale__language_code="en")

    phone_page.goto(report.url)

    expect(heading(phone_page)).to_have_text(report_content.TITLE)
    check_page(phone_page, "report")

    link = phone_page.get_by_role("link", name=re.compile(r"^Download the report \(PDF"))
    document_path = link.get_attribute("href")
    # Chromium shows a PDF in its own viewer rather than downloading it: check the headers the
    # server sent in answer to the click (the body Playwright reports is the viewer's page),
    # then fetch the file itself in the same context to see that it is a PDF.
    with phone_page.expect_response(lambda r: urlsplit(r.url).path == document_path) as answer:
        link.click()
    response = answer.value
    assert response.ok, f"{document_path} answered {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    document = phone_page.request.get(document_path)
    assert document.body().startswith(b"%PDF-")


def test_search_finds_the_water_right(desktop_page):
    water = RightPage.objects.get(clause="43(1)(d)", locale__language_code="en")
    desktop_page.goto("/")

    search = desktop_page.get_by_role("search", name="Site search")
    search.get_by_role("searchbox").fill("water")
    search.get_by_role("button", name="Search").click()

    desktop_page.wait_for_url(re.compile(r"/search/\?q=water$"))
    expect(heading(desktop_page)).to_have_text("Search")
    results = desktop_page.locator(".result-list")
    expect(results.get_by_role("link", name=water.title, exact=True)).to_be_visible()
    check_page(desktop_page, "search-water")


def test_home_page_in_kiswahili(phone_page):
    phone_page.goto("/")
    html = phone_page.locator("html")
    expect(html).to_have_attribute("lang", "en")

    phone_page.get_by_role("link", name="Kiswahili").click()

    # The switcher is a plain link to the Kiswahili version of the same page.
    phone_page.wait_for_url(re.compile(r"/sw/$"))
    expect(html).to_have_attribute("lang", "sw")
    expect(heading(phone_page)).to_have_text(site_pages_sw.HOME_HERO_TITLE)
    check_page(phone_page, "home-sw")
    # Needs the compiled Kiswahili catalogue (locale/sw/LC_MESSAGES/django.mo).
    site_search = phone_page.locator(".site-header .search-form")
    expect(site_search.get_by_role("button")).to_have_text("Tafuta")

    phone_page.get_by_role("link", name="English").click()
    phone_page.wait_for_url(re.compile(r"/$"))
    expect(html).to_have_attribute("lang", "en")


def kiswahili(model, **lookups):
    return model.objects.get(locale__language_code="sw", **lookups)


def test_right_page_in_kiswahili(phone_page):
    maji = kiswahili(RightPage, slug="maji")

    phone_page.goto(maji.url)

    expect(heading(phone_page)).to_have_text("Haki ya maji")
    expect(phone_page.get_by_text("Tafsiri isiyo rasmi", exact=True)).to_be_visible()
    original = phone_page.locator("figure.quote--constitution")
    expect(original).to_have_attribute("lang", "en")
    expect(original).to_contain_text("clean and safe water in adequate quantities")
    check_page(phone_page, "right-water-sw")

    phone_page.get_by_role("link", name="English").click()
    phone_page.wait_for_url(re.compile(r"/rights/water/$"))


def test_convention_page_in_kiswahili(desktop_page):
    convention = kiswahili(ConventionPage, number=182)

    desktop_page.goto(convention.url)

    expect(heading(desktop_page)).to_have_text(convention.title)
    official = desktop_page.locator(".official-title [lang=en]")
    expect(official).to_have_text("Worst Forms of Child Labour Convention")
    check_page(desktop_page, "convention-c182-sw")


def test_reports_in_kiswahili(desktop_page):
    desktop_page.goto(kiswahili(ReportIndexPage).url)

    desktop_page.get_by_label("Mwaka").select_option(str(report_content.PUBLICATION_DATE.year))
    desktop_page.get_by_role("button", name="Onyesha ripoti").click()

    expect(desktop_page.get_by_role("link", name=report_sw.TITLE)).to_be_visible()
    check_page(desktop_page, "reports-sw")
    desktop_page.get_by_role("link", name=report_sw.TITLE).click()
    expect(heading(desktop_page)).to_have_text(report_sw.TITLE)
    check_page(desktop_page, "report-sw")


def test_kiswahili_search_finds_the_water_right(desktop_page):
    maji = kiswahili(RightPage, slug="maji")
    desktop_page.goto("/sw/")

    search = desktop_page.get_by_role("search", name="Utafutaji wa tovuti")
    search.get_by_role("searchbox").fill("maji")
    search.get_by_role("button", name="Tafuta").click()

    desktop_page.wait_for_url(re.compile(r"/sw/search/\?q=maji$"))
    results = desktop_page.locator(".result-list")
    expect(results.get_by_role("link", name=maji.title, exact=True)).to_be_visible()
    check_page(desktop_page, "search-maji-sw")


def test_untranslated_page_is_marked_in_kiswahili(desktop_page):
    """A report nobody has translated yet: English words, marked as such, still accessible."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    index = ReportIndexPage.objects.get(locale__language_code="en")
    report = ReportPage(
        title="Water kiosks in informal settlements",
        slug="water-kiosks",
        publication_date=report_content.PUBLICATION_DATE,
        publishers="Test publisher",
        summary="How kiosks price water in three settlements.",
    )
    index.add_child(instance=report)
    report.save_revision().publish()
    create_aliases_for_new_page(report)

    desktop_page.goto(report.get_translation(kiswahili(ReportIndexPage).locale).url)

    expect(desktop_page.locator("main")).to_have_attribute("lang", "en")
    expect(desktop_page.locator(".notice--untranslated")).to_contain_text("Bado haijatafsiriwa")
    check_page(desktop_page, "untranslated-sw")
