"""Staff sign-in is throttled per user name and address together (django-axes on Wagtail's
own sign-in page): the page says when to try again, colleagues behind the same address and the
same person elsewhere still sign in, and a supervisor can unlock sooner in the admin."""

from axes.models import AccessAttempt
from django.test import TestCase, override_settings
from django.urls import reverse

from tests.factories import UserFactory, case_worker, supervisor

LOGIN = "/admin/login/"
OFFICE = "198.51.100.20"  # one county office, many staff behind one address
ELSEWHERE = "203.0.113.5"
PASSWORD = "correct-horse-battery"  # the factories' password


@override_settings(AXES_FAILURE_LIMIT=5)
class SignInThrottlingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru")
        cls.colleague = case_worker("otieno")
        cls.supervisor = supervisor("mkuu")

    def sign_in(self, username, password, address=OFFICE):
        self.client.logout()
        return self.client.post(
            LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
        )

    def fail(self, times, username="wanjiru", address=OFFICE):
        """Wrong passwords; the one that reaches the limit is already answered with 429."""
        for _ in range(times):
            self.sign_in(username, "wrong password", address)

    def assert_signed_in(self, response):
        self.assertEqual(response.status_code, 302, response.content[:500])
        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))

    def test_wrong_passwords_lock_the_account_with_a_clear_message(self):
        self.fail(4)
        locked = self.sign_in("wanjiru", "wrong password")

        self.assertEqual(locked.status_code, 429)
        self.assertContains(locked, "Too many failed sign-in attempts", status_code=429)
        self.assertContains(locked, "Try again in 15 minutes", status_code=429)
        # Wagtail's own sign-in page, with its form.
        self.assertContains(locked, 'name="password"', status_code=429)

    def test_the_right_password_does_not_open_a_locked_account(self):
        self.fail(5)
        response = self.sign_in("wanjiru", PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_colleagues_behind_the_same_address_still_sign_in(self):
        self.fail(5)
        self.assert_signed_in(self.sign_in("otieno", PASSWORD))

    def test_the_same_person_signs_in_from_elsewhere(self):
        self.fail(5)
        self.assert_signed_in(self.sign_in("wanjiru", PASSWORD, address=ELSEWHERE))

    def test_a_success_before_the_limit_starts_the_count_again(self):
        self.fail(4)
        self.assert_signed_in(self.sign_in("wanjiru", PASSWORD))
        self.fail(4)
        self.assert_signed_in(self.sign_in("wanjiru", PASSWORD))

    def test_no_password_is_kept_in_the_records(self):
        self.fail(2)
        attempt = AccessAttempt.objects.get(username="wanjiru")
        self.assertNotIn("wrong password", attempt.post_data)


class UnlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.worker = case_worker("wanjiru")
        cls.supervisor = supervisor("mkuu")
        cls.superuser = UserFactory(username="root", is_superuser=True)

    def setUp(self):
        for _ in range(5):
            self.client.post(
                LOGIN, {"username": "wanjiru", "password": "wrong"}, REMOTE_ADDR=OFFICE
            )
        self.attempt = AccessAttempt.objects.get(username="wanjiru")

    def listing(self):
        return self.client.get(reverse("locked_sign_ins:index"))

    def test_a_supervisor_sees_the_locked_account_and_unlocks_it(self):
        self.client.force_login(self.supervisor)
        listing = self.listing()
        self.assertContains(listing, "wanjiru")
        self.assertContains(listing, OFFICE)
        self.assertContains(listing, "Locked until")
        unlock_url = reverse("locked_sign_ins:unlock", args=[self.attempt.pk])
        self.assertContains(listing, unlock_url)

        response = self.client.post(unlock_url, follow=True)

        self.assertContains(response, "“wanjiru” may sign in again from 198.51.100.20.")
        self.assertFalse(AccessAttempt.objects.filter(username="wanjiru").exists())
        self.client.logout()
        signed_in = self.client.post(
            LOGIN, {"username": "wanjiru", "password": PASSWORD}, REMOTE_ADDR=OFFICE
        )
        self.assertEqual(signed_in.status_code, 302)

    def test_the_listing_is_in_the_settings_menu_for_supervisors(self):
        self.client.force_login(self.supervisor)
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, "Locked sign-ins")

    def test_a_case_worker_can_neither_see_nor_unlock(self):
        self.client.force_login(self.worker)
        self.assertRedirects(self.listing(), reverse("wagtailadmin_home"))
        unlock_url = reverse("locked_sign_ins:unlock", args=[self.attempt.pk])
        # Wagtail answers a refusal in its admin by going back to the dashboard.
        self.assertRedirects(self.client.post(unlock_url), reverse("wagtailadmin_home"))
        self.assertTrue(AccessAttempt.objects.filter(username="wanjiru").exists())

    def test_unlocking_needs_a_post(self):
        self.client.force_login(self.superuser)
        unlock_url = reverse("locked_sign_ins:unlock", args=[self.attempt.pk])
        self.assertEqual(self.client.get(unlock_url).status_code, 405)
        self.assertEqual(
            self.client.post(reverse("locked_sign_ins:unlock", args=[999])).status_code, 404
        )

    def test_nothing_can_be_added_or_edited_by_hand(self):
        from django.urls import NoReverseMatch

        for name in ("add", "edit", "delete"):
            with self.subTest(name=name), self.assertRaises(NoReverseMatch):
                reverse(f"locked_sign_ins:{name}", args=[] if name == "add" else [1])
