"""The initial content loader and the development admin command."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, Site

from pages.initial_content import load_initial_content
from pages.models import (
    ConventionIndexPage,
    ConventionPage,
    HomePage,
    HomePageFeaturedRight,
    RatificationStatus,
    ReportIndexPage,
    ReportPage,
    RightPage,
    RightsIndexPage,
    StandardPage,
)

CONTENT_DIR = Path(__file__).resolve().parents[2] / "pages" / "content"

RIGHTS = {
    # slug: (clause, reference paragraph marker or sub-article, sector slug)
    "health": ("43(1)(a)", "(a)", "health"),
    "housing-and-sanitation": ("43(1)(b)", "(b)", "housing-sanitation"),
    "food": ("43(1)(c)", "(c)", "food"),
    "water": ("43(1)(d)", "(d)", "water"),
    "social-security": ("43(1)(e)", "(e)", "social-security"),
    "education": ("43(1)(f)", "(f)", "education"),
    "emergency-medical-treatment": ("43(2)", "(2)", "health"),
    "social-security-for-those-unable-to-support-themselves": ("43(3)", "(3)", "social-security"),
}

COUNTED_MODELS = [
    Page,
    HomePage,
    RightsIndexPage,
    RightPage,
    ConventionIndexPage,
    ConventionPage,
    ReportIndexPage,
    ReportPage,
    StandardPage,
    HomePageFeaturedRight,
    Revision,
    Site,
]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def loaded(db):
    return load_initial_content()


def counts():
    document_model = get_document_model()
    return {model.__name__: model.objects.count() for model in [*COUNTED_MODELS, document_model]}


def reference_lines():
    """Each clause line of the Constitution file by its marker: "(a)" gives the whole line
    "(a) to the highest ...", "(2)" gives the words after the number."""
    lines = {}
    for line in (CONTENT_DIR / "article-43.md").read_text(encoding="utf-8").splitlines():
        marker, _, words = line.strip().partition(" ")
        if marker.startswith("("):
            lines[marker] = line.strip() if marker[1].isalpha() else words
    return lines


def test_loading_twice_creates_nothing_new(loaded):
    first = counts()
    second_result = load_initial_content()
    assert second_result.created == []
    assert counts() == first
    assert first["RightPage"] == 8
    assert first["ConventionPage"] == 7
    assert first["StandardPage"] == 3
    assert first["ReportPage"] == 1
    assert first["HomePageFeaturedRight"] == 4
    assert first["Document"] == 1


def test_command_runs_twice(db):
    call_command("load_initial_content", stdout=io.StringIO())
    output = io.StringIO()
    call_command("load_initial_content", stdout=output)
    assert "0 created" in output.getvalue()


def test_home_page_is_the_default_sites_root(loaded):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert (home.slug, home.title) == ("home", "Huduma Portal")
    assert home.live
    assert site.site_name == "Huduma Portal"
    assert (site.hostname, site.port) == ("localhost", 80)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert Site.objects.count() == 1


def test_sections_and_plain_pages_are_published_under_home(loaded):
    home = HomePage.objects.get()
    children = {page.slug: page.specific for page in home.get_children()}
    expected = {
        "rights": (RightsIndexPage, True),
        "conventions": (ConventionIndexPage, True),
        "reports": (ReportIndexPage, True),
        "about": (StandardPage, True),
        "contact": (StandardPage, False),
        "privacy": (StandardPage, False),
    }
    assert set(children) == set(expected)
    for slug, (page_class, in_menus) in expected.items():
        page = children[slug]
        assert isinstance(page, page_class), slug
        assert page.live, slug
        assert page.show_in_menus is in_menus, slug


def test_rights_quote_article_43_verbatim(loaded):
    reference = reference_lines()
    lead_in = "Every person has the right—"
    rights_index = RightsIndexPage.objects.get()
    for slug, (clause, marker, sector_slug) in RIGHTS.items():
        right = RightPage.objects.child_of(rights_index).get(slug=slug)
        assert right.live
        assert right.clause == clause
        if marker[1].isalpha():
            assert right.constitutional_text == f"{lead_in}\n{reference[marker]}"
        else:
            assert right.constitutional_text == reference[marker]
        assert right.sector.slug == sector_slug
        assert 0 < len(right.summary) <= 400
        for stream in (right.explanation, right.what_to_expect, right.how_to_complain):
            assert len(stream) > 0, slug
    assert RightPage.objects.count() == len(RIGHTS)


def test_complaint_route_names_the_commissions_and_the_portal(loaded):
    for right in RightPage.objects.all():
        text = str(right.how_to_complain.render_as_block())
        assert "Commission on Administrative Justice" in text
        assert "Kenya National Commission on Human Rights" in text
        assert 'href="/report/"' in text


def test_related_conventions_are_only_the_honest_links(loaded):
    linked = {
        right.slug: sorted(c.number for c in right.related_conventions.all())
        for right in RightPage.objects.all()
    }
    assert linked["education"] == [138, 182]
    assert all(numbers == [] for slug, numbers in linked.items() if slug != "education")


def test_conventions_match_the_reference_file(loaded):
    with open(CONTENT_DIR / "ilo-fundamental-conventions.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert ConventionPage.objects.count() == len(rows) == 7
    for row in rows:
        number = int(row["number"][1:])
        page = ConventionPage.objects.get(number=number)
        assert page.slug == f"c{number}"
        assert page.title == row["title"]
        assert page.year_adopted == int(row["adopted"])
        expected_status = {
            "in force": RatificationStatus.IN_FORCE,
            "not ratified": RatificationStatus.NOT_RATIFIED,
        }[row["kenya_status"]]
        assert page.kenya_status == expected_status
        expected_year = int(row["kenya_ratified"]) if row["kenya_ratified"] else None
        assert page.kenya_ratification_year == expected_year
        assert page.summary
        assert 0 < len(page.summary) <= 600
        assert len(page.what_it_means) > 0
    c87 = ConventionPage.objects.get(number=87)
    assert c87.kenya_status == RatificationStatus.NOT_RATIFIED
    assert c87.kenya_ratification_year is None


def test_report_has_its_placeholder_pdf(loaded):
    report = ReportPage.objects.get()
    assert report.title == "State of public services and access to justice in Kenya"
    assert report.publication_date.year == 2026
    assert report.live
    assert report.counties.count() == 0
    assert report.related_rights.count() == 8
    assert {"health", "water", "education"} <= set(report.sectors.values_list("slug", flat=True))
    assert not any(character.isdigit() for character in report.summary)

    document = report.document
    assert document is not None
    assert document.file.name.endswith(".pdf")
    assert "huduma-baseline-survey-placeholder" in document.file.name
    with document.open_file() as handle:
        data = handle.read()
    assert len(data) < 50 * 1024
    assert document.file_size == len(data)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "placeholder" in text.lower()
    assert "State of public services" in text
    assert "2026" in text


def test_featured_rights_are_set_once(loaded):
    home = HomePage.objects.get()
    featured = [item.right.slug for item in home.featured_rights.order_by("sort_order")]
    assert featured == ["health", "water", "education", "housing-and-sanitation"]
    load_initial_content()
    assert home.featured_rights.count() == 4
    assert home.hero_title
    assert len(home.hero_text) <= 400


def test_existing_pages_are_left_as_edited(loaded):
    water = RightPage.objects.get(slug="water")
    water.summary = "Edited by an editor."
    water.save_revision().publish()
    load_initial_content()
    water.refresh_from_db()
    assert water.summary == "Edited by an editor."


def test_privacy_notice_covers_the_essentials(loaded):
    privacy = StandardPage.objects.get(slug="privacy")
    text = str(privacy.body.render_as_block())
    for phrase in (
        "Data Protection Act, 2019",
        "Office of the Data Protection Commissioner",
        "anonymously",
        "To be contacted",
        "To share your identity",
        "To publish an edited summary",
        "To be completed by the organisation running this portal",
        "no tracking",
    ):
        assert phrase in text, phrase
    assert "Act No. 24 of 2019" in privacy.intro


@override_settings(DEBUG=False)
def test_demo_admin_refuses_without_debug(db):
    with pytest.raises(CommandError):
        call_command("ensure_demo_admin", stdout=io.StringIO())
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="admin").exists()


@override_settings(DEBUG=True)
def test_demo_admin_is_created_once(db):
    from django.contrib.auth import get_user_model

    first = io.StringIO()
    call_command("ensure_demo_admin", stdout=first)
    output = first.getvalue()
    assert "Demo admin created: admin / " in output
    password = output.split("admin / ", 1)[1].split(" ", 1)[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(password)

    second = io.StringIO()
    call_command("ensure_demo_admin", stdout=second)
    assert "already exists" in second.getvalue()
    assert password not in second.getvalue()
    assert get_user_model().objects.filter(username="admin").count() == 1
    admin_again = get_user_model().objects.get(username="admin")
    assert admin_again.password == admin.password
