"""Page types of the public rights site. Pages hold content only; listings and filters live
in their own modules (``filters.py``), and reference data comes from ``refdata``."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import RICH_TEXT_FEATURES, BodyStreamBlock, KeyFindingsBlock
from .filters import ReportFilter
from .localization import in_locale, original_version
from .restrictions import CachedViewRestrictions, public

REPORTS_PER_PAGE = 10
# What linking to a page in a listing reads: its locale (for its address) and, for an alias,
# its original (to mark it untranslated).
LINK_RELATIONS = ("locale", "alias_of")


class HomePage(CachedViewRestrictions, Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), max_length=400)
    report_cta_text = models.CharField(
        _("call to action"),
        max_length=80,
        default="Report a problem with a public service",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("report_cta_text")],
            heading=_("Hero"),
        ),
        InlinePanel("featured_rights", label=_("Featured rights"), max_num=8),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.RightsIndexPage",
        "pages.ConventionIndexPage",
        "pages.ReportIndexPage",
        "pages.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The featured rights are chosen on the English home page and copied to its
        # translations: show each right in this page's language.
        keys = [item.right.translation_key for item in self.featured_rights.select_related("right")]
        rights = {
            right.translation_key: right
            for right in public(
                RightPage.objects.live()
                .filter(locale=self.locale, translation_key__in=keys)
                .select_related("sector", *LINK_RELATIONS)
            )
        }
        context["featured"] = [rights[key] for key in keys if key in rights]
        context["latest_reports"] = public(
            ReportPage.objects.live()
            .filter(locale=self.locale)
            .select_related(*LINK_RELATIONS)
            .order_by("-publication_date", "pk")
        )[:3]
        context["sections"] = self.sections()
        return context

    def sections(self):
        """This home page's live index pages (rights, conventions, reports) by type name,
        such as "ReportIndexPage", read in one query for the links to them."""
        pages = public(
            self.get_children()
            .live()
            .type(RightsIndexPage, ConventionIndexPage, ReportIndexPage)
            .select_related(*LINK_RELATIONS)
            .order_by("path")
        )
        sections = {}
        for page in pages:
            sections.setdefault(page.specific_class.__name__, page)
        return sections


class HomePageFeaturedRight(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_rights")
    right = models.ForeignKey(
        "pages.RightPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("right")
    )

    panels = [FieldPanel("right")]


class RightsIndexPage(CachedViewRestrictions, Page):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.RightPage"]
    max_count = 1

    class Meta:
        verbose_name = _("rights index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rights"] = public(
            RightPage.objects.child_of(self).live().select_related("sector", *LINK_RELATIONS)
        )
        return context


class RightPage(CachedViewRestrictions, Page):
    """One right of Article 43 of the Constitution of Kenya, 2010, explained for the public."""

    clause = models.CharField(_("clause"), max_length=20, help_text=_("For example 43(1)(d)."))
    constitutional_text = models.TextField(
        _("constitutional text"), help_text=_("The words of the Constitution, verbatim.")
    )
    summary = models.TextField(_("summary in plain language"), max_length=400)
    explanation = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("explanation"))
    what_to_expect = StreamField(
        BodyStreamBlock(), blank=True, verbose_name=_("what you can expect from the service")
    )
    how_to_complain = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("how to complain"))
    sector = models.ForeignKey(
        "refdata.Sector",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("public-service sector"),
    )
    related_conventions = ParentalManyToManyField(
        "pages.ConventionPage",
        blank=True,
        related_name="rights",
        verbose_name=_("related conventions"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("clause"), FieldPanel("constitutional_text")],
            heading=_("The Constitution"),
        ),
        FieldPanel("summary"),
        FieldPanel("explanation"),
        FieldPanel("what_to_expect"),
        FieldPanel("how_to_complain"),
        MultiFieldPanel(
            [FieldPanel("sector"), FieldPanel("related_conventions")], heading=_("Related")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("constitutional_text"),
        index.SearchField("explanation"),
        index.SearchField("what_to_expect"),
        index.SearchField("how_to_complain"),
        index.FilterField("sector"),
    ]
    parent_page_types = ["pages.RightsIndexPage"]
    subpage_types = []
    # The clause number is the same in every language. The constitutional text is translated:
    # in Kiswahili it holds the unofficial translation, shown beside the English original.
    override_translatable_fields = [SynchronizedField("clause", overridable=False)]

    class Meta:
        verbose_name = _("right")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conventions"] = in_locale(
            ConventionPage, self.locale, rights__translation_key=self.translation_key
        ).order_by("number")
        context["reports"] = in_locale(
            ReportPage, self.locale, related_rights__translation_key=self.translation_key
        ).order_by("-publication_date", "pk")[:5]
        original = original_version(self)
        context["official_text"] = original.constitutional_text if original else ""
        return context


class ConventionIndexPage(CachedViewRestrictions, Page):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ConventionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("conventions index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conventions"] = public(
            ConventionPage.objects.child_of(self)
            .live()
            .select_related(*LINK_RELATIONS)
            .order_by("number")
        )
        return context


class RatificationStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Ratified and in force")
    NOT_RATIFIED = "not_ratified", _("Not ratified")
    DENOUNCED = "denounced", _("Denounced")


class ConventionPage(CachedViewRestrictions, Page):
    """An ILO convention: what it says and what it means for workers in Kenya."""

    number = models.PositiveSmallIntegerField(_("number"), help_text=_("87 for C87."))
    year_adopted = models.PositiveSmallIntegerField(_("year adopted"), null=True, blank=True)
    kenya_status = models.CharField(
        _("status in Kenya"), max_length=20, choices=RatificationStatus.choices, blank=True
    )
    kenya_ratification_year = models.PositiveSmallIntegerField(
        _("year Kenya ratified"), null=True, blank=True
    )
    summary = models.TextField(_("summary"), max_length=600)
    what_it_means = StreamField(
        BodyStreamBlock(), blank=True, verbose_name=_("what it means for workers")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("year_adopted"),
                FieldPanel("kenya_status"),
                FieldPanel("kenya_ratification_year"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("summary"),
        FieldPanel("what_it_means"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_it_means"),
        index.AutocompleteField("number"),
    ]
    parent_page_types = ["pages.ConventionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ILO convention")

    @property
    def code(self):
        """The short code, such as C87."""
        return f"C{self.number}"

    @property
    def padded_code(self):
        """The code as the ILO files it, such as C087."""
        return f"C{self.number:03d}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rights"] = in_locale(
            RightPage, self.locale, related_conventions__translation_key=self.translation_key
        )
        original = original_version(self)
        context["official_title"] = original.title if original else ""
        return context


class ReportIndexPage(CachedViewRestrictions, Page):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ReportPage"]
    max_count = 1

    class Meta:
        verbose_name = _("reports index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = public(
            ReportPage.objects.child_of(self)
            .live()
            .select_related(*LINK_RELATIONS)
            .order_by("-publication_date", "pk")
        )
        report_filter = ReportFilter(request.GET or None, queryset=reports, request=request)
        paginator = Paginator(report_filter.qs, REPORTS_PER_PAGE)
        context["filter"] = report_filter
        context["reports"] = paginator.get_page(request.GET.get("page"))
        context["query_without_page"] = _query_without_page(request)
        return context


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


class ReportPage(CachedViewRestrictions, Page):
    publication_date = models.DateField(_("publication date"))
    publishers = models.CharField(
        _("publishing organisations"),
        max_length=255,
        help_text=_("The organisations that published the report, separated by commas."),
    )
    summary = models.TextField(_("summary"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    key_findings = StreamField(KeyFindingsBlock(), blank=True, verbose_name=_("key findings"))
    related_rights = ParentalManyToManyField(
        "pages.RightPage", blank=True, related_name="reports", verbose_name=_("related rights")
    )
    sectors = ParentalManyToManyField(
        "refdata.Sector", blank=True, related_name="+", verbose_name=_("sectors")
    )
    counties = ParentalManyToManyField(
        "refdata.County",
        blank=True,
        related_name="+",
        verbose_name=_("counties"),
        help_text=_("Leave empty for a national report."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("publishers"), FieldPanel("document")],
            heading=_("Publication"),
        ),
        FieldPanel("summary"),
        FieldPanel("key_findings"),
        MultiFieldPanel(
            [FieldPanel("related_rights"), FieldPanel("sectors"), FieldPanel("counties")],
            heading=_("Related"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("publishers"),
        index.SearchField("key_findings"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["pages.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("report")

    @property
    def publisher_list(self):
        return [name.strip() for name in self.publishers.split(",") if name.strip()]

    def rights_in_this_language(self):
        return in_locale(RightPage, self.locale, reports__translation_key=self.translation_key)


class StandardPage(CachedViewRestrictions, Page):
    """About, contact, privacy and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
