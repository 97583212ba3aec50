"""Groundswell settings.

Everything that differs between a laptop and a production server comes from environment
variables, with defaults that are safe for local use. `make run` sets DEBUG=1; production
leaves it unset and must pass `manage.py check --deploy` (see README).
"""

import os
import sys
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


TESTING = "pytest" in sys.modules or env_bool("TESTING")
DEBUG = env_bool("DEBUG")

# The development key is refused by `check --deploy` with an error (core.E001, core/checks.py),
# so a production server that forgets SECRET_KEY cannot pass its own deployment check.
DEVELOPMENT_SECRET_KEY = "django-insecure-groundswell-local-development-only"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
if TESTING:
    ALLOWED_HOSTS.append("testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Branding: each alliance sees its own name, logo and accent colour.
SITE_NAME = os.environ.get("SITE_NAME", "Groundswell")
SITE_LOGO_URL = os.environ.get("SITE_LOGO_URL", "")
# The logo printed on documents (submission PDF and DOCX covers): a PNG or JPEG file.
SITE_LOGO_FILE = os.environ.get("SITE_LOGO_FILE", str(BASE_DIR / "static/img/groundswell-logo.png"))
SITE_ACCENT_COLOUR = os.environ.get("SITE_ACCENT_COLOUR", "#1d4f91")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # core first: its registration/ templates must win over Django admin's.
    "core",
    "core.admin_config.GroundswellAdminConfig",  # Django admin, every change audited
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "ninja",
    "taxonomy",
    "members",
    "glossary",
    "library",
    "influence",
    "consultations",
    "media",
    "events",
    "systemmodel",
    "privacy",
    "awards",
    "comms",
    "opportunities",
    "plans",
    "equality",
    "programmes",
    # The project itself, for its project-level command: load_demo (groundswell/demo.py).
    "groundswell",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.RetryAfterMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.VisitorPageReuseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Axes must come last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

# Public read-only pages that look the same to every visitor who is not signed in; see
# core.middleware.VisitorPageReuseMiddleware.
REUSABLE_VISITOR_PAGES = [
    "home",
    "members:directory",
    "members:coverage",
    "members:profile",
    "taxonomy:index",
    "taxonomy:topic",
    "api-1.0.0:list_organisations",
    "api-1.0.0:get_organisation",
    "api-1.0.0:list_networks",
    "influence:tracker",
    "influence:recommendation",
    "influence:targets",
    "influence:target",
    "api-1.0.0:list_recommendations",
    "api-1.0.0:get_recommendation",
    "api-1.0.0:get_timeline",
    "api-1.0.0:list_targets",
    "api-1.0.0:get_target",
]

ROOT_URLCONF = "groundswell.urls"
WSGI_APPLICATION = "groundswell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'groundswell.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; IMMEDIATE avoids
    # "database is locked" surprises when two writers meet.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions and cache live in the database so several app servers can share them.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "groundswell_cache",
    }
}
if TESTING:
    # One process in tests, so an in-memory cache behaves the same and needs no database.
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Lock an account (per email and address) after repeated failed logins.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# One form of the address for the lookup and the lockout, so case and spaces give no new tries.
AXES_USERNAME_CALLABLE = "core.sign_in.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"  # a 429 with Retry-After
# Lockouts count per client address as rate limits read it (behind TRUSTED_PROXY_COUNT proxies).
AXES_CLIENT_IP_CALLABLE = "core.lib.ratelimit.client_address"
AXES_VERBOSE = False

# How many proxies (nginx, a load balancer) stand in front of the app servers and append the
# client's address to X-Forwarded-For; 0 reads REMOTE_ADDR. Rate limits and lockouts key on it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"
# JSON under /api/, Django's page elsewhere (core/errors.py).
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    # Submitting a domain to browsers' preload list is a lasting decision for the domain's
    # owner, not a default we can take for them; SECURE_HSTS_PRELOAD=1 opts in.
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
    if env_bool("BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Groundswell <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_NOTIFICATION_EMAIL = os.environ.get("STAFF_NOTIFICATION_EMAIL", "")

# Member communications (comms): how fast mail is handed to the server, in batches of how
# many, and whether opens are counted (off by default; the email footer says so when on).
COMMS_SEND_RATE = float(os.environ.get("COMMS_SEND_RATE", "1000" if TESTING else "10"))
COMMS_BATCH_SIZE = int(os.environ.get("COMMS_BATCH_SIZE", "50"))
COMMS_MAX_ATTEMPTS = int(os.environ.get("COMMS_MAX_ATTEMPTS", "4"))
COMMS_STALE_AFTER_SECONDS = int(os.environ.get("COMMS_STALE_AFTER_SECONDS", "120"))
COMMS_OPEN_COUNTS = env_bool("COMMS_OPEN_COUNTS")
# django-anymail: EMAIL_BACKEND may name a provider's backend (e.g.
# anymail.backends.postmark.EmailBackend); its keys come from ANYMAIL_* variables (e.g.
# ANYMAIL_POSTMARK_SERVER_TOKEN). Bounce and complaint webhooks (/email/anymail/) are only
# served when ANYMAIL_WEBHOOK_SECRET ("user:password", given to the provider) is set.
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value
}
if TESTING:
    ANYMAIL.setdefault("WEBHOOK_SECRET", "provider:test-webhook-secret")
# The file backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend) writes here.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "sent-mail"))

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": [],
    }
}

# Several app servers (README, "Several servers"): with REDIS_URL set, the cache (and so the
# rate limits and visitors' page reuse) lives in Redis and background work goes to RQ workers
# (`manage.py rqworker --job-class django_tasks_rq.Job`), still through the django-tasks API.
# Sessions stay in the database, which every app server shares. Tests choose Redis per test
# (the `redis` marker), so a REDIS_URL in a developer's shell never reaches the suite.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL and not TESTING:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "groundswell"),
        }
    }
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60 * 60}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Front-end packages from the npm registry (package.json), served as our own files.
    ("vendor/accessible-autocomplete", BASE_DIR / "node_modules/accessible-autocomplete/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING or env_bool("WHITENOISE_USE_FINDERS")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "uploads/"  # /media/ is the media monitor

# Uploads larger than this are refused with a message rather than read into memory.
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
# What a document may expand to once opened (a zip's members, a PDF's streams), how many
# pages it may have and how long looking at it may take: refused beyond (core/lib/uploads.py).
MAX_EXPANDED_BYTES = int(os.environ.get("MAX_EXPANDED_BYTES", str(100 * 1024 * 1024)))
MAX_DOCUMENT_PAGES = int(os.environ.get("MAX_DOCUMENT_PAGES", "2000"))
MAX_DOCUMENT_SECONDS = float(os.environ.get("MAX_DOCUMENT_SECONDS", "10"))
MAX_EXTRACTION_SECONDS = float(os.environ.get("MAX_EXTRACTION_SECONDS", "120"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Media monitor: fetching feeds and pages needs network access, so it is off unless chosen.
MEDIA_FETCH_ENABLED = env_bool("MEDIA_FETCH_ENABLED", False)
# Copyright choice: keep each article's full text, or only a short excerpt after analysis.
MEDIA_KEEP_FULL_TEXT = env_bool("MEDIA_KEEP_FULL_TEXT", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO; only its warnings matter here.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}
