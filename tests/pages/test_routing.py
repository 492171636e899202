"""``pages.routing`` answers every address as Wagtail's own router does.

Each address is requested twice: through the portal's URLconf (``pages.routing``) and
through the same URLconf with Wagtail's own ``serve`` in its place
(``tests.pages.wagtail_only_urls``). What a visitor or an editor can notice must be the same:
the status, the redirect, the page served with its arguments (seen by a ``before_serve_page``
hook), the templates, the caching headers and the HTML itself."""

import re
from unittest import mock

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.http import HttpResponse
from django.test import override_settings
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from pages import routing
from pages.models import HomePage, ReportIndexPage, RightPage, RightsIndexPage, StandardPage
from portal import page_cache
from tests.factories import UserFactory
from tests.pages.base import SiteContentTestCase

WAGTAIL_ONLY = "tests.pages.wagtail_only_urls"
# Per-request values that differ between any two requests.
VOLATILE = [
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'), b"csrf"),
    (re.compile(rb'nonce="[^"]*"'), b"nonce"),
]


def _answer(client, path, method, urlconf, extra):
    served = []

    def record(page, request, args, kwargs):
        served.append((page.pk, type(page).__name__, tuple(args), dict(kwargs)))

    with hooks.register_temporarily("before_serve_page", record):
        if urlconf:
            with override_settings(ROOT_URLCONF=urlconf):
                response = getattr(client, method)(path, **extra)
        else:
            response = getattr(client, method)(path, **extra)
    content = response.content
    for pattern, replacement in VOLATILE:
        content = pattern.sub(replacement, content)
    page = (response.context or {}).get("page") if response.context is not None else None
    return {
        "status": response.status_code,
        "location": response.get("Location"),
        "allow": response.get("Allow"),
        "cache-control": response.get("Cache-Control"),
        "served": served,
        "page": getattr(page, "pk", None),
        "templates": [template.name for template in response.templates],
        "content": content,
    }


class RoutingTestCase(SiteContentTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home = HomePage.objects.get(locale=cls.english)
        cls.home_sw = HomePage.objects.get(locale=cls.kiswahili)
        cls.rights = RightsIndexPage.objects.get(locale=cls.english)
        cls.water = RightPage.objects.get(slug="water", locale=cls.english)
        cls.water_sw = RightPage.objects.get(
            translation_key=cls.water.translation_key, locale=cls.kiswahili
        )
        cls.about = StandardPage.objects.get(slug="about", locale=cls.english)
        cls.reports = ReportIndexPage.objects.get(locale=cls.english)

    def setUp(self):
        cache.clear()
        page_cache.forget_process_state()

    def answers(self, path, method="get", **extra):
        """(the portal's answer, Wagtail's own answer) to one request."""
        ours = _answer(self.client, path, method, None, extra)
        wagtails = _answer(self.client, path, method, WAGTAIL_ONLY, extra)
        return ours, wagtails

    def assertAnswersLikeWagtail(self, path, method="get", **extra):
        ours, wagtails = self.answers(path, method, **extra)
        for key in wagtails:
            self.assertEqual(ours[key], wagtails[key], f"{method.upper()} {path}: {key}")
        return ours

    def assertAllLikeWagtail(self, paths, method="get", **extra):
        for path in paths:
            with self.subTest(path=path, method=method):
                self.assertAnswersLikeWagtail(path, method, **extra)

    def relative(self, page):
        """The page's address below its home page, e.g. ``rights/water/``."""
        return page.url_path.removeprefix(page.get_ancestors().get(depth=2).url_path)


class EveryAddressTests(RoutingTestCase):
    def test_every_page_in_both_languages(self):
        pages = Page.objects.exclude(depth=1).order_by("path")
        self.assertGreater(pages.filter(locale=self.kiswahili).count(), 10)
        self.assertAllLikeWagtail([page.url for page in pages.live()])

    def test_the_routed_page_is_the_one_wagtail_serves(self):
        answer = self.assertAnswersLikeWagtail(self.water.url)
        self.assertEqual(answer["status"], 200)
        self.assertEqual(answer["served"], [(self.water.pk, "RightPage", (), {})])
        answer = self.assertAnswersLikeWagtail(self.water_sw.url)
        self.assertTrue(self.water_sw.url.startswith("/sw/"))
        self.assertEqual(answer["served"], [(self.water_sw.pk, "RightPage", (), {})])

    def test_addresses_that_are_no_page(self):
        water = self.relative(self.water)
        paths = [
            "/no-such-page/",
            "/sw/no-such-page/",
            f"/{water}deeper/",
            f"/{water}deeper/still/",
            f"/sw/{water}deeper/",
            "/home/",  # the home page's own slug is not part of its address
            f"/home/{water}",
            f"/{water.upper()}",
            "/en/",
            f"/en/{water}",
        ]
        for path in paths:
            with self.subTest(path=path):
                self.assertEqual(self.assertAnswersLikeWagtail(path)["status"], 404)

    def test_a_missing_slash_is_added_by_a_redirect(self):
        answer = self.assertAnswersLikeWagtail(self.water.url.rstrip("/"))
        self.assertEqual((answer["status"], answer["location"]), (301, self.water.url))
        self.assertAnswersLikeWagtail(self.water_sw.url.rstrip("/"))

    def test_other_methods(self):
        for method in ("head", "options", "post", "put", "delete"):
            with self.subTest(method=method):
                self.assertAnswersLikeWagtail(self.water.url, method)
        answer = self.assertAnswersLikeWagtail(self.water.url, "head")
        self.assertEqual(answer["status"], 200)
        answer = self.assertAnswersLikeWagtail(self.water.url, "options")
        self.assertIn("GET", answer["allow"])

    def test_a_method_the_page_type_refuses(self):
        with mock.patch.object(RightPage, "allowed_http_methods", ["GET"]):
            answer = self.assertAnswersLikeWagtail(self.water.url, "post")
        self.assertEqual((answer["status"], answer["allow"]), (405, "GET"))

    def test_wagtails_login_view_is_not_a_page(self):
        answer = self.assertAnswersLikeWagtail("/_util/login/")
        self.assertEqual(answer["status"], 200)
        self.assertEqual(answer["served"], [])


class UnpublishedPageTests(RoutingTestCase):
    def test_a_draft_page_is_not_found(self):
        draft = StandardPage(title="Draft", slug="draft", live=False)
        self.about.add_child(instance=draft)
        answer = self.assertAnswersLikeWagtail("/about/draft/")
        self.assertEqual(answer["status"], 404)

    def test_an_unpublished_page_is_not_found_and_its_live_children_still_are(self):
        self.rights.unpublish()
        self.water.refresh_from_db()
        self.assertTrue(self.water.live)
        self.assertEqual(self.assertAnswersLikeWagtail("/rights/")["status"], 404)
        answer = self.assertAnswersLikeWagtail(self.water.url)
        self.assertEqual(answer["status"], 200)
        self.assertEqual(answer["served"][0][0], self.water.pk)

    def test_an_expired_page_is_not_found(self):
        self.about.expired = True
        self.about.save()
        self.about.unpublish()
        self.assertEqual(self.assertAnswersLikeWagtail("/about/")["status"], 404)


class LanguageTests(RoutingTestCase):
    def test_an_unpublished_kiswahili_home_page_gives_way_to_the_english_one(self):
        """``Page.localized`` keeps the site's root page when its translation is not live:
        under /sw/ Wagtail then routes through the English pages."""
        sw_paths = [page.url for page in Page.objects.live().filter(locale=self.kiswahili)]
        self.home_sw.unpublish()
        water = self.relative(self.water)
        answer = self.assertAnswersLikeWagtail("/sw/")
        self.assertEqual(answer["served"], [(self.home.pk, "HomePage", (), {})])
        answer = self.assertAnswersLikeWagtail(f"/sw/{water}")
        self.assertEqual(answer["served"], [(self.water.pk, "RightPage", (), {})])
        self.assertAllLikeWagtail(sw_paths)

    def test_a_deleted_kiswahili_home_page_gives_way_to_the_english_one(self):
        self.home_sw.delete()
        answer = self.assertAnswersLikeWagtail(f"/sw/{self.relative(self.water)}")
        self.assertEqual(answer["served"], [(self.water.pk, "RightPage", (), {})])
        self.assertAnswersLikeWagtail("/sw/")

    def test_a_kiswahili_home_page_published_again(self):
        self.home_sw.unpublish()
        self.assertAnswersLikeWagtail("/sw/")
        self.home_sw.save_revision().publish()
        answer = self.assertAnswersLikeWagtail("/sw/")
        self.assertEqual(answer["served"], [(self.home_sw.pk, "HomePage", (), {})])

    @override_settings(WAGTAIL_I18N_ENABLED=False)
    def test_without_wagtail_i18n_every_language_routes_the_sites_root_page(self):
        answer = self.assertAnswersLikeWagtail("/sw/")
        self.assertEqual(answer["served"][0][0], self.home.pk)
        self.assertAnswersLikeWagtail(f"/sw/{self.relative(self.water)}")


class AliasTests(RoutingTestCase):
    def test_an_alias_page(self):
        alias = self.about.create_alias(update_slug="about-us")
        answer = self.assertAnswersLikeWagtail("/about-us/")
        self.assertEqual(answer["served"], [(alias.pk, "StandardPage", (), {})])

    def test_an_alias_below_an_alias(self):
        contact = StandardPage.objects.get(slug="contact", locale=self.english)
        parent = self.about.create_alias(update_slug="about-us")
        contact.create_alias(parent=parent)
        self.assertEqual(self.assertAnswersLikeWagtail("/about-us/contact/")["status"], 200)


class HookTests(RoutingTestCase):
    def test_a_before_serve_page_hook_answers_instead_of_the_page(self):
        def teapot(page, request, args, kwargs):
            if page.pk == self.water.pk:
                return HttpResponse("tea", status=418)

        with hooks.register_temporarily("before_serve_page", teapot):
            answer = self.assertAnswersLikeWagtail(self.water.url)
            self.assertEqual((answer["status"], answer["content"]), (418, b"tea"))
            self.assertEqual(self.assertAnswersLikeWagtail(self.about.url)["status"], 200)

    def test_an_on_serve_page_hook_wraps_serving(self):
        def wrap(serve):
            def inner(page, request, args, kwargs):
                response = serve(page, request, args, kwargs)
                response["X-Served"] = str(page.pk)
                return response

            return inner

        with hooks.register_temporarily("on_serve_page", wrap):
            response = self.client.get(self.water.url)
        self.assertEqual(response["X-Served"], str(self.water.pk))

    def test_a_page_type_that_routes_its_own_subpages(self):
        """Like a ``RoutablePageMixin``: Wagtail asks the page's ``route()`` for the rest of
        the address, even where a child page has that slug."""
        report = self.reports.get_children().live().first()

        def route(page, request, path_components):
            if path_components:
                return RouteResult(page, args=tuple(path_components))
            return Page.route(page, request, path_components)

        def serve(page, request, *args, **kwargs):
            return HttpResponse(f"{page.pk} {args}")

        with (
            mock.patch.object(ReportIndexPage, "route", route),
            mock.patch.object(ReportIndexPage, "serve", serve),
        ):
            answer = self.assertAnswersLikeWagtail(report.url)
            self.assertEqual(
                answer["served"], [(self.reports.pk, "ReportIndexPage", (report.slug,), {})]
            )
            self.assertAnswersLikeWagtail(self.reports.url + "2024/extra/")
            self.assertAnswersLikeWagtail(self.reports.url)


class ViewRestrictionTests(RoutingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.readers = Group.objects.create(name="Readers")
        cls.reader = UserFactory(username="reader", groups=["Readers"])
        cls.outsider = UserFactory(username="outsider")
        cls.password = PageViewRestriction.objects.create(
            page=cls.rights, restriction_type=PageViewRestriction.PASSWORD, password="maji"
        )
        PageViewRestriction.objects.create(
            page=cls.about, restriction_type=PageViewRestriction.LOGIN
        )
        cls.contact = StandardPage.objects.get(slug="contact", locale=cls.english)
        grouped = PageViewRestriction.objects.create(
            page=cls.contact, restriction_type=PageViewRestriction.GROUPS
        )
        grouped.groups.add(cls.readers)

    def restricted_paths(self):
        return [self.rights.url, self.water.url, self.about.url, self.contact.url, "/"]

    def test_anonymous_visitors(self):
        self.assertAllLikeWagtail(self.restricted_paths())
        answer = self.assertAnswersLikeWagtail(self.water.url)
        self.assertEqual(answer["status"], 200)
        self.assertIn("wagtailcore/password_required.html", answer["templates"][0])
        answer = self.assertAnswersLikeWagtail(self.about.url)
        self.assertEqual(answer["status"], 302)
        self.assertTrue(answer["location"].startswith("/_util/login/?next="))

    def test_a_visitor_who_gave_the_password(self):
        response = self.client.post(
            f"/_util/authenticate_with_password/{self.password.pk}/{self.rights.pk}/",
            {"password": "maji", "return_url": self.water.url},
        )
        self.assertEqual(response.status_code, 302)
        answer = self.assertAnswersLikeWagtail(self.water.url)
        self.assertEqual(answer["served"][0][0], self.water.pk)
        self.assertEqual(answer["templates"][0], "pages/right_page.html")
        self.assertAllLikeWagtail(self.restricted_paths())

    def test_signed_in_users_in_and_outside_the_group(self):
        for user in (self.outsider, self.reader):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertAllLikeWagtail(self.restricted_paths())
        self.assertEqual(self.assertAnswersLikeWagtail(self.contact.url)["status"], 200)

    def test_kiswahili_pages_beside_restricted_english_ones(self):
        self.assertAllLikeWagtail(
            [page.url for page in Page.objects.live().filter(locale=self.kiswahili)]
        )


@override_settings(ALLOWED_HOSTS=["*"])
class SiteTests(RoutingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        root = Page.objects.get(depth=1)
        cls.other_home = root.add_child(
            instance=StandardPage(title="Other home", slug="other-home", locale=cls.english)
        )
        cls.other_about = cls.other_home.add_child(
            instance=StandardPage(title="Other about", slug="about", locale=cls.english)
        )
        cls.other = Site.objects.create(hostname="other.example", port=80, root_page=cls.other_home)
        cls.port_home = root.add_child(
            instance=StandardPage(title="Port home", slug="port-home", locale=cls.english)
        )
        Site.objects.create(hostname="port.example", port=8000, root_page=cls.port_home)

    def test_each_hostname_routes_its_own_pages(self):
        hosts = ["other.example", "other.example:8000", "port.example:8000", "port.example"]
        hosts += ["unknown.example", "localhost", Site.objects.get(is_default_site=True).hostname]
        for host in hosts:
            for path in ("/", "/about/", "/rights/", "/sw/", "/sw/about/"):
                with self.subTest(host=host, path=path):
                    self.assertAnswersLikeWagtail(path, HTTP_HOST=host)
        answer = self.assertAnswersLikeWagtail("/about/", HTTP_HOST="other.example")
        self.assertEqual(answer["served"][0][0], self.other_about.pk)
        answer = self.assertAnswersLikeWagtail("/about/", HTTP_HOST="unknown.example")
        self.assertEqual(answer["served"][0][0], self.about.pk)

    def test_no_default_site_no_page_for_an_unknown_hostname(self):
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        Site.clear_site_root_paths_cache()
        answer = self.assertAnswersLikeWagtail("/about/", HTTP_HOST="unknown.example")
        self.assertEqual(answer["status"], 404)
        answer = self.assertAnswersLikeWagtail("/about/", HTTP_HOST="other.example")
        self.assertEqual(answer["status"], 200)

    def test_a_site_given_another_root_page(self):
        self.assertAnswersLikeWagtail("/about/", HTTP_HOST="other.example")
        self.other.root_page = self.port_home
        self.other.save()
        answer = self.assertAnswersLikeWagtail("/", HTTP_HOST="other.example")
        self.assertEqual(answer["served"][0][0], self.port_home.pk)


class RedirectTests(RoutingTestCase):
    def test_a_redirect_answers_for_an_address_that_is_no_page(self):
        Redirect.objects.create(old_path="/old-rights", redirect_page=self.rights)
        answer = self.assertAnswersLikeWagtail("/old-rights/")
        self.assertEqual((answer["status"], answer["location"]), (301, self.rights.url))

    def test_a_page_wins_over_a_redirect_from_its_address(self):
        Redirect.objects.create(old_path=self.about.url, redirect_link="https://example.org/")
        answer = self.assertAnswersLikeWagtail(self.about.url)
        self.assertEqual(answer["status"], 200)


class AncestorTests(RoutingTestCase):
    def test_the_route_knows_the_live_ancestors(self):
        request = self.client.get(self.water.url).wsgi_request
        page = request._wagtail_route_for_request[0]
        with self.assertNumQueries(0):
            ancestors = routing.ancestors_of(page)
        self.assertEqual([ancestor.pk for ancestor in ancestors], [self.home.pk, self.rights.pk])

    def test_an_unpublished_ancestor_is_left_out_as_wagtail_leaves_it_out(self):
        self.rights.unpublish()
        request = self.client.get(self.water.url).wsgi_request
        page = request._wagtail_route_for_request[0]
        fresh = RightPage.objects.get(pk=self.water.pk)
        self.assertEqual(
            [a.pk for a in routing.ancestors_of(page)],
            [a.pk for a in routing.ancestors_of(fresh)],
        )
        self.assertEqual([a.pk for a in routing.ancestors_of(page)], [self.home.pk])


@override_settings(PAGE_CACHE_ENABLED=True)
class PageCacheTests(RoutingTestCase):
    """A change Wagtail shows at once is not hidden by a cached copy of the page."""

    def test_a_new_view_restriction_is_enforced_at_once(self):
        self.assertEqual(self.client.get(self.about.url)["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get(self.about.url)["X-Page-Cache"], "hit")
        restriction = PageViewRestriction.objects.create(
            page=self.about, restriction_type=PageViewRestriction.LOGIN
        )
        page_cache.forget_process_state()
        response = self.client.get(self.about.url)
        self.assertEqual(response.status_code, 302)
        self.assertNotIn("X-Page-Cache", response)
        restriction.delete()
        page_cache.forget_process_state()
        self.assertEqual(self.client.get(self.about.url).status_code, 200)

    @override_settings(ALLOWED_HOSTS=["*"])
    def test_a_site_given_another_root_page_answers_at_once(self):
        root = Page.objects.get(depth=1)
        other_home = root.add_child(
            instance=StandardPage(title="Other home", slug="other-home", locale=self.english)
        )
        site = Site.objects.create(hostname="other.example", port=80, root_page=self.home)
        self.assertEqual(self.client.get("/", HTTP_HOST="other.example").status_code, 200)
        self.assertEqual(self.client.get("/", HTTP_HOST="other.example")["X-Page-Cache"], "hit")
        site.root_page = other_home
        site.save()
        page_cache.forget_process_state()
        response = self.client.get("/", HTTP_HOST="other.example")
        self.assertEqual(response.context["page"].pk, other_home.pk)

    def test_head_is_answered_from_the_cache_without_a_body(self):
        self.assertEqual(self.client.head(self.about.url)["X-Page-Cache"], "miss")
        response = self.client.head(self.about.url)
        self.assertEqual((response.status_code, response["X-Page-Cache"]), (200, "hit"))
        self.assertEqual(response.content, b"")
        self.assertContains(self.client.get(self.about.url), self.about.title)
