"""Reference data shared by the public content and the grievance cases.

Plain Django models rather than translatable Wagtail models, so that a case's foreign key
never splits by language: each row carries its own English and Kiswahili names.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CountyQuerySet(models.QuerySet):
    def by_code(self, code):
        return self.get(code=str(code).zfill(3))


class County(models.Model):
    """One of the 47 counties of the First Schedule of the Constitution of Kenya, 2010."""

    code = models.CharField(_("code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=64, unique=True)

    objects = CountyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self):
        return self.name


class SectorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Sector(models.Model):
    """A public-service sector; the cases app uses sectors as grievance categories."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_sw = models.CharField(_("name (Kiswahili)"), max_length=80)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_sw = models.TextField(_("description (Kiswahili)"), blank=True)
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        help_text=_(
            "Words in English or Kiswahili that point to this sector, separated by commas."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = SectorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the active language (Kiswahili or, otherwise, English)."""
        if (get_language() or "").startswith("sw") and self.name_sw:
            return self.name_sw
        return self.name_en

    @property
    def description(self):
        if (get_language() or "").startswith("sw") and self.description_sw:
            return self.description_sw
        return self.description_en
