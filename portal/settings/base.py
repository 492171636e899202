"""Settings shared by every environment. Values come from the environment (``DJANGO_`` prefix)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from .storage import private_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
BASE_URL = env("DJANGO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "refdata",
    "pages",
    "cases",
    "notify",
    "intake",
    "open311",
    "accountability",
    "demo",
    "privacy",
    "staff_security",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    # wagtail-localize: the translation editor, segment by segment, and its locale admin
    # (which replaces wagtail.locales and can keep the Kiswahili tree in step with English).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: a cached public page is answered before anything else runs (portal/page_cache.py).
    "portal.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy: strict on public pages, Wagtail's allowances in the admin.
    "portal.csp.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Second factor (django-otp): staff who see cases must verify one (staff_security).
    "staff_security.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the sign-in page saying so.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL names another database (PostgreSQL in production).
# Web processes keep their database connection (a new one per request costs more than most
# requests): DJANGO_CONN_MAX_AGE seconds, checked before reuse. 0 closes it after each request.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(env("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a real embedded database: the server, the worker and a command write at once.
    # WAL lets readers go on while one writes; IMMEDIATE takes the write lock when a transaction
    # starts (one that reads first cannot upgrade its lock later: "database is locked"); and a
    # writer waits up to the busy timeout for its turn instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(env("DJANGO_SQLITE_BUSY_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English and Kiswahili. The address carries the language (i18n_patterns in
# portal/urls.py): English without a prefix, as before, Kiswahili under /sw/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("sw", "Kiswahili")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Nairobi"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail's admin has no Kiswahili catalogue: the back office stays in English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
# wagtail-localize: "Translate this page" makes a draft, never a published copy of the English
# words, and pages/wagtail_hooks.py refuses to publish a translation with segments missing.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Evidence files live outside MEDIA_ROOT, so no web server can serve them by URL: staff
# download them through a permission-checked view.
# With several machines, a shared volume or an S3-compatible bucket (portal/settings/storage.py).
PRIVATE_MEDIA_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": private_storage(os.environ, PRIVATE_MEDIA_ROOT),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Shared cache: Redis in production (rate limits, page cache), local memory otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "huduma",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (search indexing, messages): run at once unless a worker backend is chosen.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail: console in development; an SMTP server from the environment in production.
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "Huduma Portal <noreply@localhost>")
SERVER_EMAIL = env("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# For django.core.mail.backends.filebased.EmailBackend (staging, the production smoke test).
EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH", str(VAR_DIR / "sent-email"))

# Citizen channels
# Evidence: the largest accepted image or document, and audio or video file, in bytes.
EVIDENCE_MAX_DOCUMENT_BYTES = int(env("DJANGO_EVIDENCE_MAX_DOCUMENT_BYTES", str(10 * 1024 * 1024)))
EVIDENCE_MAX_MEDIA_BYTES = int(env("DJANGO_EVIDENCE_MAX_MEDIA_BYTES", str(50 * 1024 * 1024)))
EVIDENCE_MAX_FILES = 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Spam defences on the public forms (counters in the shared cache).
INTAKE_REPORT_RATE_LIMIT = int(env("DJANGO_INTAKE_REPORT_RATE_LIMIT", "10"))
INTAKE_REPORT_RATE_WINDOW = int(env("DJANGO_INTAKE_REPORT_RATE_WINDOW", "600"))
INTAKE_TRACKING_WRONG_CODES_PER_REFERENCE = 5
INTAKE_TRACKING_WRONG_CODES_PER_ADDRESS = int(
    env("DJANGO_INTAKE_TRACKING_WRONG_CODES_PER_ADDRESS", "20")
)
INTAKE_TRACKING_LOCK_SECONDS = 3600
# How many of our own proxies append to X-Forwarded-For; 0 trusts only REMOTE_ADDR.
RATELIMIT_PROXY_COUNT = int(env("DJANGO_RATELIMIT_PROXY_COUNT", "0"))
# SMS: console in development, in-memory in tests, Africa's Talking in production.
SMS_BACKEND = env("DJANGO_SMS_BACKEND", "notify.backends.console.ConsoleSMSBackend")
# For notify.backends.file.FileSMSBackend: one JSON file per SMS in this directory.
SMS_FILE_PATH = env("DJANGO_SMS_FILE_PATH", str(VAR_DIR / "sent-sms"))
AFRICASTALKING_USERNAME = env("DJANGO_AFRICASTALKING_USERNAME", "sandbox")
AFRICASTALKING_API_KEY = env("DJANGO_AFRICASTALKING_API_KEY", "")
AFRICASTALKING_SENDER_ID = env("DJANGO_AFRICASTALKING_SENDER_ID", "")
AFRICASTALKING_CALLBACK_SECRET = env("DJANGO_AFRICASTALKING_CALLBACK_SECRET", "")
# Voice calls: the prompts' default audio (make_voice_prompts) and the longest message.
VOICE_PROMPTS_ROOT = Path(env("DJANGO_VOICE_PROMPTS_ROOT", str(MEDIA_ROOT / "voice-prompts")))
VOICE_RECORDING_MAX_SECONDS = 180
# Outbox retries: attempts before a message is marked failed.
OUTBOX_MAX_ATTEMPTS = int(env("DJANGO_OUTBOX_MAX_ATTEMPTS", "6"))
# Voice recordings are fetched (in the background) only from addresses that start with one
# of these prefixes, e.g. "https://voice.africastalking.com/" (comma-separated). Nothing else
# is ever requested, redirects included; empty: no recording is fetched at all.
AFRICASTALKING_RECORDING_URL_PREFIXES = env_list("DJANGO_AFRICASTALKING_RECORDING_URL_PREFIXES")
# One fetch may take this long in all (seconds); its size limit is EVIDENCE_MAX_MEDIA_BYTES.
RECORDING_DOWNLOAD_TIMEOUT = int(env("DJANGO_RECORDING_DOWNLOAD_TIMEOUT", "60"))
# Tries before a recording that could not be fetched is given up (back-off as the outbox's).
RECORDING_DOWNLOAD_MAX_ATTEMPTS = int(env("DJANGO_RECORDING_DOWNLOAD_MAX_ATTEMPTS", "6"))

# Open311 GeoReport v2: the jurisdiction this portal answers for.
OPEN311_JURISDICTION_ID = env("DJANGO_OPEN311_JURISDICTION_ID", "huduma.ke")

# Wagtail
WAGTAIL_SITE_NAME = _("Huduma Portal")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend (SQLite FTS5, PostgreSQL full-text search), with one
        # PostgreSQL text search configuration per content language: English stemming for
        # English pages, and "simple" (lower-cased whole words) for Kiswahili, which has no
        # PostgreSQL dictionary.
        "BACKEND": "pages.search_backend",
        "SEARCH_CONFIG": "english",
        "LANGUAGE_SEARCH_CONFIGS": {"sw": "simple"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security ---------------------------------------------------------------------------------
# Login throttling, two-factor authentication, Content-Security-Policy and rate limits. Every
# value can be set from the environment; README.md (Configuration) lists them.

# The language cookie is sent on same-site navigation only (Secure too in production).
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Rate limits in the shared cache (see portal/ratelimit.py): Open311 POST requests per partner
# key and per network address, and dashboard downloads that must be rendered (a download
# already in the cache is free) per address.
OPEN311_POST_RATE_LIMIT_PER_KEY = int(env("DJANGO_OPEN311_POST_RATE_LIMIT_PER_KEY", "60"))
OPEN311_POST_RATE_LIMIT_PER_ADDRESS = int(env("DJANGO_OPEN311_POST_RATE_LIMIT_PER_ADDRESS", "120"))
OPEN311_POST_RATE_WINDOW = int(env("DJANGO_OPEN311_POST_RATE_WINDOW", "3600"))
ACCOUNTABILITY_EXPORT_RATE_LIMIT = int(env("DJANGO_ACCOUNTABILITY_EXPORT_RATE_LIMIT", "10"))
ACCOUNTABILITY_EXPORT_RATE_WINDOW = int(env("DJANGO_ACCOUNTABILITY_EXPORT_RATE_WINDOW", "600"))

# Staff sign-in throttling (django-axes, staff_security/throttling.py): failures counted per
# user name AND address together, so one person's mistakes never lock out a whole office
# behind one address. Supervisors unlock in the admin (Settings -> Locked sign-ins).
# One backend (ModelBackend behind the Axes check) so User.objects.with_perm() keeps working.
AUTHENTICATION_BACKENDS = ["staff_security.backends.ThrottledModelBackend"]
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(env("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("DJANGO_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff_security.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "staff_security.throttling.client_ip_address"
# Passwords are never stored; the other sign-in fields are not needed either.
AXES_SENSITIVE_PARAMETERS = ["password", "next"]

# Two-factor authentication (django-otp, staff_security/two_factor.py): an authenticator app
# (TOTP) and recovery codes. Required for everyone who may see cases when on (always in
# production); optional otherwise, but whoever set it up must use it.
STAFF_TWO_FACTOR_REQUIRED = env_bool("DJANGO_STAFF_TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = env("DJANGO_OTP_ISSUER", "Huduma Portal")

# Content-Security-Policy (django-csp, portal/csp.py). Public pages: nothing inline, nothing
# from elsewhere. The admin: Wagtail's inline scripts and styles, image previews, and its own
# page previews in a frame.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "worker-src": [SELF, "blob:"],
    }
}
# Avatars are drawn locally: no request to Gravatar with a hash of each editor's e-mail.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint logs every rendering step at INFO; only its warnings are worth reading.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}

# --- Data protection (Kenya Data Protection Act, 2019) -------------------------------------
# How long personal data is kept, in days; `python manage.py apply_retention` (daily) applies
# it, and the privacy notice states it from here. Statistics (sector, county, dates, outcome)
# stay for the dashboard when a case's personal data goes.
RETENTION_DAYS = {
    # Name, phone, e-mail, the complainant's words and places, of cases closed this long ago.
    "closed_cases": int(env("DJANGO_RETAIN_CLOSED_CASES_DAYS", str(3 * 365))),
    # Evidence files (photos, recordings, documents) of cases closed this long ago.
    "evidence": int(env("DJANGO_RETAIN_EVIDENCE_DAYS", "365")),
    # Messages sent to citizens and authorities (their text and recipient).
    "outbox": int(env("DJANGO_RETAIN_OUTBOX_DAYS", "90")),
    # Raw inbound SMS, USSD sessions and voice call records.
    "gateway_records": int(env("DJANGO_RETAIN_GATEWAY_RECORDS_DAYS", "90")),
    # Background task results (they may name message and case ids).
    "task_results": int(env("DJANGO_RETAIN_TASK_RESULTS_DAYS", "30")),
    # The record of staff looking at personal data, and of data subject requests.
    "access_log": int(env("DJANGO_RETAIN_ACCESS_LOG_DAYS", str(2 * 365))),
    # The staff sign-in log (addresses, user names).
    "sign_in_log": int(env("DJANGO_RETAIN_SIGN_IN_LOG_DAYS", "90")),
}
# A citizen's tracking link and access code stop working this long after the case closes.
TRACKING_ACCESS_DAYS_AFTER_CLOSE = int(env("DJANGO_TRACKING_ACCESS_DAYS_AFTER_CLOSE", "183"))

# --- Page cache (portal/page_cache.py) -----------------------------------------------------
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(env("DJANGO_PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_SEARCH_SECONDS = int(env("DJANGO_PAGE_CACHE_SEARCH_SECONDS", "60"))
# What a front proxy or CDN may keep a public page for (Cache-Control: public, max-age).
PAGE_CACHE_PROXY_SECONDS = int(env("DJANGO_PAGE_CACHE_PROXY_SECONDS", "60"))

# --- Background exports (cases/workbench/export_jobs.py) -----------------------------------
# A listing CSV/XLSX of more cases than this is made in the background (the PDF report always).
EXPORT_INLINE_MAX_ROWS = int(env("DJANGO_EXPORT_INLINE_MAX_ROWS", "1000"))
# How long a background export stays downloadable (then apply_retention deletes it).
EXPORT_KEEP_HOURS = int(env("DJANGO_EXPORT_KEEP_HOURS", "24"))
