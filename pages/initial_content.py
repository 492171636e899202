"""Load the public site's initial content, in English and Kiswahili: the home page, the index
pages, the eight rights of Article 43, seven ILO conventions, the baseline survey report and
the plain pages.

Safe to run any number of times. An English page is found by its slug under its parent, its
Kiswahili version by Wagtail's translation key; when either exists it is left exactly as it
is, so later edits in the admin (and translations made in wagtail-localize's editor) survive
and no revisions pile up. A Kiswahili page that is still an untranslated alias is
translated. The text lives in ``pages/content/`` (English) and ``pages/content/sw/``."""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from refdata.models import Sector

from .content import conventions, report, rights, site_pages
from .content.placeholder_pdf import placeholder_report_pdf
from .content.reference import read_article_43, read_conventions
from .content.sw import conventions as conventions_sw
from .content.sw import report as report_sw
from .content.sw import rights as rights_sw
from .content.sw import site_pages as site_pages_sw
from .models import (
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
from .translating import translate_page

HOME_SLUG = "home"
HOME_LANGUAGE = "en"
SITE_NAME = "Huduma Portal"

KENYA_STATUS = {
    "in force": RatificationStatus.IN_FORCE,
    "not ratified": RatificationStatus.NOT_RATIFIED,
    "denounced": RatificationStatus.DENOUNCED,
}


class InitialContentError(Exception):
    """The database holds something the loader must not overwrite; a person has to decide."""


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    # Kiswahili pages left for a translator: their English page was edited since it was loaded.
    untranslated: list[str] = field(default_factory=list)
    # (English page, its fields as shipped, its Kiswahili fields), parents before children.
    translations: list = field(default_factory=list, repr=False)


@transaction.atomic
def load_initial_content():
    """Create whatever part of the initial content is missing; return what was done."""
    result = LoadResult()
    kiswahili_locale, _created = Locale.objects.get_or_create(language_code="sw")
    _load_english(result)
    for page, english, translated in result.translations:
        _ensure_translation(page, kiswahili_locale, english, translated, result)
    _keep_kiswahili_tree_in_step(kiswahili_locale)
    return result


def _load_english(result):
    home = _ensure_home_page(result)
    _point_default_site_at(home)

    rights_index = _ensure_child(
        home,
        RightsIndexPage,
        result,
        slug="rights",
        title=site_pages.RIGHTS_INDEX_TITLE,
        intro=site_pages.RIGHTS_INDEX_INTRO,
        sw={
            "slug": site_pages_sw.RIGHTS_INDEX_SLUG,
            "title": site_pages_sw.RIGHTS_INDEX_TITLE,
            "intro": site_pages_sw.RIGHTS_INDEX_INTRO,
        },
        show_in_menus=True,
    )
    conventions_index = _ensure_child(
        home,
        ConventionIndexPage,
        result,
        slug="conventions",
        title=site_pages.CONVENTIONS_INDEX_TITLE,
        intro=site_pages.CONVENTIONS_INDEX_INTRO,
        sw={
            "slug": site_pages_sw.CONVENTIONS_INDEX_SLUG,
            "title": site_pages_sw.CONVENTIONS_INDEX_TITLE,
            "intro": site_pages_sw.CONVENTIONS_INDEX_INTRO,
        },
        show_in_menus=True,
    )
    reports_index = _ensure_child(
        home,
        ReportIndexPage,
        result,
        slug="reports",
        title=site_pages.REPORTS_INDEX_TITLE,
        intro=site_pages.REPORTS_INDEX_INTRO,
        sw={
            "slug": site_pages_sw.REPORTS_INDEX_SLUG,
            "title": site_pages_sw.REPORTS_INDEX_TITLE,
            "intro": site_pages_sw.REPORTS_INDEX_INTRO,
        },
        show_in_menus=True,
    )

    convention_pages = _ensure_conventions(conventions_index, result)
    right_pages = _ensure_rights(rights_index, convention_pages, result)
    _ensure_report(reports_index, right_pages, result)
    _ensure_standard_pages(home, result)
    _ensure_featured_rights(home, right_pages, result)


# --- Pages -------------------------------------------------------------------------------


def _ensure_child(parent, page_class, result, *, slug, sw, relations=None, **fields):
    """The published child of ``parent`` with ``slug``, created from ``fields`` if missing.

    ``sw`` holds the Kiswahili words of the translatable fields (title, slug, text); the
    page is queued for translation with them. ``relations`` holds many-to-many values, set
    on the unsaved page so that they are part of its first revision."""
    existing = _find_child(parent, page_class, slug)
    page = existing or _create_child(parent, page_class, result, slug, relations, fields)
    english = page_class(slug=slug, **fields)
    translated = page_class(**{"slug": slug, **fields, **sw})
    result.translations.append((page, english, translated))
    if existing is not None:
        result.kept.append(existing.url_path)
    return page


def _find_child(parent, page_class, slug):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, page_class):
            raise InitialContentError(
                f"{existing.url_path} is a {type(existing).__name__}, "
                f"not a {page_class.__name__}; move or rename it and run again."
            )
    return existing


def _create_child(parent, page_class, result, slug, relations, fields):
    page = page_class(slug=slug, **fields)
    for name, value in (relations or {}).items():
        setattr(page, name, value)
    parent.add_child(instance=page)
    page.save_revision().publish()
    result.created.append(page.url_path)
    return page


def _ensure_home_page(result):
    root = Page.get_first_root_node()
    existing = root.get_children().filter(slug=HOME_SLUG).first()
    if existing is not None and _is_wagtail_welcome_page(existing):
        _remove_welcome_page(existing, root)
    return _ensure_child(
        root,
        HomePage,
        result,
        slug=HOME_SLUG,
        title=site_pages.HOME_TITLE,
        hero_title=site_pages.HOME_HERO_TITLE,
        hero_text=site_pages.HOME_HERO_TEXT,
        body=site_pages.home_body(),
        sw={
            "slug": site_pages_sw.HOME_SLUG,
            "title": site_pages_sw.HOME_TITLE,
            "hero_title": site_pages_sw.HOME_HERO_TITLE,
            "hero_text": site_pages_sw.HOME_HERO_TEXT,
            "report_cta_text": site_pages_sw.HOME_REPORT_CTA,
            "body": site_pages_sw.home_body(),
        },
    )


def _is_wagtail_welcome_page(page):
    """The plain page that Wagtail's migration creates, with nothing built under it."""
    return page.specific_class is Page and page.numchild == 0


def _remove_welcome_page(welcome, root):
    # Site.root_page cascades on delete: park the sites on the tree root first, so deleting
    # the welcome page does not take the default site with it. They move to the new home
    # page straight after, within the same transaction.
    Site.objects.filter(root_page=welcome).update(root_page=root)
    welcome.delete()


def _point_default_site_at(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=SITE_NAME,
        )
        return
    changed = []
    if site.root_page_id != home.pk:
        site.root_page = home
        changed.append("root_page")
    if not site.site_name:
        site.site_name = SITE_NAME
        changed.append("site_name")
    if changed:
        site.save(update_fields=changed)


def _ensure_conventions(index, result):
    """The convention pages, by number."""
    pages = {}
    for facts in read_conventions():
        text = conventions.convention_text(facts.number)
        text_sw = conventions_sw.convention_text(facts.number)
        pages[facts.number] = _ensure_child(
            index,
            ConventionPage,
            result,
            slug=f"c{facts.number}",
            title=facts.title,
            number=facts.number,
            year_adopted=facts.year_adopted,
            kenya_status=KENYA_STATUS[facts.kenya_status],
            kenya_ratification_year=facts.kenya_ratification_year,
            summary=text.summary,
            what_it_means=text.what_it_means,
            sw={
                "title": text_sw.title,
                "summary": text_sw.summary,
                "what_it_means": text_sw.what_it_means,
            },
        )
    return pages


def _ensure_rights(index, convention_pages, result):
    """The right pages, by slug, in the order of Article 43."""
    constitution = read_article_43()
    pages = {}
    for right, right_sw in zip(rights.all_rights(), rights_sw.all_rights(), strict=True):
        pages[right.slug] = _ensure_child(
            index,
            RightPage,
            result,
            slug=right.slug,
            title=right.title,
            clause=right.clause,
            constitutional_text=constitution[right.clause],
            summary=right.summary,
            explanation=right.explanation,
            what_to_expect=right.what_to_expect,
            how_to_complain=right.how_to_complain,
            sw={
                "slug": right_sw.slug,
                "title": right_sw.title,
                "constitutional_text": right_sw.constitutional_text,
                "summary": right_sw.summary,
                "explanation": right_sw.explanation,
                "what_to_expect": right_sw.what_to_expect,
                "how_to_complain": right_sw.how_to_complain,
            },
            sector=Sector.objects.get(slug=right.sector_slug),
            relations={
                "related_conventions": [
                    convention_pages[number] for number in right.convention_numbers
                ]
            },
        )
    return pages


def _ensure_report(index, right_pages, result):
    return _ensure_child(
        index,
        ReportPage,
        result,
        slug=report.SLUG,
        title=report.TITLE,
        publication_date=report.PUBLICATION_DATE,
        publishers=report.PUBLISHERS,
        summary=report.SUMMARY,
        key_findings=report.KEY_FINDINGS,
        sw={
            "slug": report_sw.SLUG,
            "title": report_sw.TITLE,
            "publishers": report_sw.PUBLISHERS,
            "summary": report_sw.SUMMARY,
            "key_findings": report_sw.KEY_FINDINGS,
        },
        document=_ensure_placeholder_document(result),
        relations={
            "related_rights": list(right_pages.values()),
            "sectors": list(Sector.objects.filter(slug__in=report.SECTOR_SLUGS)),
            "counties": [],
        },
    )


def _ensure_standard_pages(home, result):
    # The contact page links to the privacy notice, so the notice comes first. The link names
    # the English page; Wagtail shows each reader the version in their language.
    _ensure_standard_page(home, site_pages.about_page(), site_pages_sw.about_page(), result)
    privacy = _ensure_standard_page(
        home, site_pages.privacy_page(), site_pages_sw.privacy_page(), result
    )
    _ensure_standard_page(
        home,
        site_pages.contact_page(privacy_page_id=privacy.pk),
        site_pages_sw.contact_page(privacy_page_id=privacy.pk),
        result,
    )


def _ensure_standard_page(home, content, content_sw, result):
    return _ensure_child(
        home,
        StandardPage,
        result,
        slug=content.slug,
        title=content.title,
        intro=content.intro,
        body=content.body,
        show_in_menus=content.show_in_menus,
        sw={
            "slug": content_sw.slug,
            "title": content_sw.title,
            "intro": content_sw.intro,
            "body": content_sw.body,
        },
    )


def _ensure_featured_rights(home, right_pages, result):
    # Added only while the home page has none, so a rerun never duplicates them. The home
    # page is reloaded so that its new revision starts from what is in the database.
    home = HomePage.objects.get(pk=home.pk)
    if home.featured_rights.exists():
        return
    home.featured_rights = [
        HomePageFeaturedRight(right=right_pages[slug], sort_order=position)
        for position, slug in enumerate(site_pages.FEATURED_RIGHT_SLUGS)
    ]
    home.save_revision().publish()
    result.created.append(f"{home.url_path} featured rights")


# --- Kiswahili ---------------------------------------------------------------------------


def _ensure_translation(page, locale, english, translated, result):
    """Translate ``page`` into ``locale`` unless a translation exists (then it is kept)."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        result.kept.append(f"{existing.url_path} ({locale.language_code})")
        return
    translation = translate_page(page, locale, english=english, translated=translated)
    if translation is None:
        result.untranslated.append(f"{page.url_path} ({locale.language_code})")
    else:
        result.created.append(f"{translation.url_path} ({locale.language_code})")


def _keep_kiswahili_tree_in_step(locale):
    """Let wagtail-localize give every new English page a Kiswahili alias, shown as "not yet
    translated" until a translator publishes its translation. Creating the setting once
    also aliases any English page that has no Kiswahili version yet."""
    english = Locale.objects.get(language_code=HOME_LANGUAGE)
    LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})


# --- Documents ---------------------------------------------------------------------------


def _ensure_placeholder_document(result):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=report.DOCUMENT_TITLE).first()
    if existing is not None:
        result.kept.append(f"document “{existing.title}”")
        return existing
    document = document_model(
        title=report.DOCUMENT_TITLE,
        file=ContentFile(placeholder_report_pdf(), name=report.DOCUMENT_FILENAME),
    )
    # Size and hash are what Wagtail's upload form records for every new document.
    document._set_document_file_metadata()
    document.save()
    result.created.append(f"document “{document.title}”")
    return document
