"""The initial content loader and the development admin command."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from pypdf import PdfReader
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import LocaleSynchronization, Translation

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


def english(model):
    return model.objects.filter(locale__language_code="en")


def kiswahili(model):
    return model.objects.filter(locale__language_code="sw")


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
    assert second_result.untranslated == []
    assert counts() == first
    # Every page once in English and once in Kiswahili.
    assert first["RightPage"] == 2 * 8
    assert first["ConventionPage"] == 2 * 7
    assert first["StandardPage"] == 2 * 3
    assert first["ReportPage"] == 2 * 1
    assert first["HomePage"] == 2
    assert first["Document"] == 1
    for model in (HomePage, RightPage, ConventionPage, ReportPage, StandardPage):
        assert english(model).count() == kiswahili(model).count(), model.__name__
    assert not Page.objects.filter(alias_of__isnull=False).exists()
    # No redirects from the interim addresses of the translations.
    assert not Redirect.objects.exists()
    assert Translation.objects.count() == Page.objects.filter(depth__gt=1).count() // 2


def test_command_runs_twice(db):
    call_command("load_initial_content", stdout=io.StringIO())
    output = io.StringIO()
    call_command("load_initial_content", stdout=output)
    assert "0 created" in output.getvalue()


def test_home_page_is_the_default_sites_root(loaded):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert home.locale.language_code == "en"
    assert isinstance(home, HomePage)
    assert (home.slug, home.title) == ("home", "Huduma Portal")
    assert home.live
    assert site.site_name == "Huduma Portal"
    assert (site.hostname, site.port) == ("localhost", 80)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert Site.objects.count() == 1


def test_sections_and_plain_pages_are_published_under_home(loaded):
    home = english(HomePage).get()
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
    rights_index = english(RightsIndexPage).get()
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
    assert english(RightPage).count() == len(RIGHTS)


def test_complaint_route_names_the_commissions_and_the_portal(loaded):
    for right in english(RightPage):
        text = str(right.how_to_complain.render_as_block())
        assert "Commission on Administrative Justice" in text
        assert "Kenya National Commission on Human Rights" in text
        assert 'href="/report/"' in text
    for right in kiswahili(RightPage):
        text = str(right.how_to_complain.render_as_block())
        assert "Tume ya Haki ya Kiutawala" in text
        assert "Tume ya Kitaifa ya Haki za Binadamu ya Kenya" in text
        assert 'href="/sw/report/"' in text


def test_related_conventions_are_only_the_honest_links(loaded):
    linked = {
        right.slug: sorted(c.number for c in right.related_conventions.all())
        for right in english(RightPage)
    }
    assert linked["education"] == [138, 182]
    assert all(numbers == [] for slug, numbers in linked.items() if slug != "education")


def test_conventions_match_the_reference_file(loaded):
    with open(CONTENT_DIR / "ilo-fundamental-conventions.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert english(ConventionPage).count() == len(rows) == 7
    for row in rows:
        number = int(row["number"][1:])
        page = english(ConventionPage).get(number=number)
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
    c87 = english(ConventionPage).get(number=87)
    assert c87.kenya_status == RatificationStatus.NOT_RATIFIED
    assert c87.kenya_ratification_year is None


def test_report_has_its_placeholder_pdf(loaded):
    report = english(ReportPage).get()
    assert report.title == "State of public services and access to justice in Kenya"
    assert report.publication_date.year == 2026
    assert report.live
    assert report.counties.count() == 0
    assert report.related_rights.count() == 8
    assert report.rights_in_this_language().count() == 8
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
    home = english(HomePage).get()
    featured = [item.right.slug for item in home.featured_rights.order_by("sort_order")]
    assert featured == ["health", "water", "education", "housing-and-sanitation"]
    load_initial_content()
    assert home.featured_rights.count() == 4
    assert home.hero_title
    assert len(home.hero_text) <= 400


def test_existing_pages_are_left_as_edited(loaded):
    water = english(RightPage).get(slug="water")
    water.summary = "Edited by an editor."
    water.save_revision().publish()
    maji = kiswahili(RightPage).get(slug="maji")
    maji.summary = "Imehaririwa na mhariri."
    maji.save_revision().publish()
    load_initial_content()
    water.refresh_from_db()
    maji.refresh_from_db()
    assert water.summary == "Edited by an editor."
    assert maji.summary == "Imehaririwa na mhariri."


def test_privacy_notice_covers_the_essentials(loaded):
    privacy = english(StandardPage).get(slug="privacy")
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


def test_kiswahili_pages_are_translations_of_the_english_ones(loaded):
    sw = Locale.objects.get(language_code="sw")
    for page in english(Page).exclude(depth=1).specific():
        translation = page.get_translation(sw).specific
        assert translation.live, page.url_path
        assert translation.alias_of_id is None, page.url_path
        assert type(translation) is type(page)
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=sw, enabled=True
        ).exists(), page.url_path


def test_kiswahili_slugs_and_unofficial_article_43(loaded):
    sw = Locale.objects.get(language_code="sw")
    water = english(RightPage).get(slug="water")
    maji = water.get_translation(sw).specific
    assert maji.url == "/sw/haki/maji/"
    assert maji.title == "Haki ya maji"
    assert maji.clause == water.clause
    # The English page keeps the verbatim text; the Kiswahili one holds the translation.
    assert "clean and safe water" in water.constitutional_text
    assert "maji safi na salama" in maji.constitutional_text
    assert maji.sector == water.sector


def test_convention_facts_are_the_same_in_both_languages(loaded):
    for convention in kiswahili(ConventionPage):
        original = convention.get_translation(Locale.objects.get(language_code="en")).specific
        assert convention.title.startswith("Mkataba"), convention.title
        for name in ("number", "year_adopted", "kenya_status", "kenya_ratification_year"):
            assert getattr(convention, name) == getattr(original, name), name


def test_new_english_pages_get_a_kiswahili_alias(loaded):
    """The tree synchronisation is on: an editor's new English page appears in the
    Kiswahili tree as an alias (shown as not yet translated) until it is translated."""
    sync = LocaleSynchronization.objects.get(locale__language_code="sw")
    assert sync.sync_from.language_code == "en"


def test_an_edited_english_page_is_left_for_a_translator(db):
    """On a site whose English page was edited before the Kiswahili content existed, the
    loader does not publish a half-translated page."""
    load_initial_content()
    sw = Locale.objects.get(language_code="sw")
    water = english(RightPage).get(slug="water")
    water.get_translation(sw).delete()
    Translation.objects.filter(source__object_id=water.translation_key).delete()
    water.get_translation_or_none(sw)
    from wagtail_localize.models import TranslationSource

    TranslationSource.objects.filter(object_id=water.translation_key).delete()
    water.summary = "Edited by an editor."
    water.save_revision().publish()

    result = load_initial_content()

    assert result.untranslated == ["/home/rights/water/ (sw)"]
    assert water.get_translation_or_none(sw) is None or not water.get_translation(sw).live


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
