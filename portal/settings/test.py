"""Test settings: fast hashing, tasks run at once, nothing leaves the machine."""

from .base import *  # noqa: F403
from .base import BASE_DIR

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
VOICE_PROMPTS_ROOT = MEDIA_ROOT / "voice-prompts"
WAGTAILADMIN_BASE_URL = "http://testserver"
BASE_URL = "http://testserver"
# Static files come from the finders in tests; WhiteNoise serves the collected files in production.
MIDDLEWARE = [item for item in MIDDLEWARE if not item.startswith("whitenoise")]  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
SMS_BACKEND = "notify.backends.locmem.LocMemSMSBackend"
AFRICASTALKING_CALLBACK_SECRET = "test-callback-secret"  # noqa: S105
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media"
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
USSD_STRICT_SCREENS = True
# Pages are rendered afresh in tests, which change content behind Wagtail's back; the page
# cache has tests of its own (tests/portal/test_page_cache.py) that switch it on.
PAGE_CACHE_ENABLED = False
