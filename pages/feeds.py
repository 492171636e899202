"""RSS and Atom feeds of published reports, one pair per language (/feeds/… and /sw/feeds/…).

A report not yet translated stays out of the Kiswahili feed: a feed entry cannot mark its
words as English. It joins the feed when its translation is published."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from . import locales
from .models import HomePage, ReportPage
from .restrictions import public

FEED_LENGTH = 20


class LatestReportsFeed(Feed):
    title = _("Huduma Portal: reports")
    description = _("Survey reports and studies on public services in Kenya.")

    def link(self):
        home = HomePage.objects.live().filter(locale=locales.active()).first()
        return home.url if home else "/"

    def items(self):
        return public(
            ReportPage.objects.live()
            .filter(locale=locales.active(), alias_of__isnull=True)
            .order_by("-publication_date", "-pk")
        )[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.publication_date, datetime.time(hour=9))
        )

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.publishers


class LatestReportsAtomFeed(LatestReportsFeed):
    feed_type = Atom1Feed
    subtitle = LatestReportsFeed.description
