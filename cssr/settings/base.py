"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the environment, so this
file is safe to run in production as it is; ``dev``, ``test`` and ``production`` only override.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First, so that `runserver` serves the ASGI application: HTTP and the chat's WebSockets.
    "daphne",
    "core",
    "accounts",
    "home",
    "faq",
    "updates",
    "workinggroups",
    "workspaces",
    "workspaces.moderation",
    "workspaces.discussions",
    "workspaces.files",
    "workspaces.events",
    "workspaces.drafts",
    "workspaces.chat",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
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
    "mailer",
    "channels",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PrivateNamespacesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.cache.SiteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.cache.PublicPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cssr.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "workspaces.context_processors.workspace",
            ],
        },
    },
]

WSGI_APPLICATION = "cssr.wsgi.application"

# SQLite is the embedded default so `make run` needs nothing but Python; production and CI
# set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cssr",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The chat's live connections (workspaces/chat/live.py): through Redis when there is one, so
# that every server process reaches every open page; in the process itself otherwise, which
# serves one `make run`. A Redis server that evicts keys (the cache's) must not carry it:
# `CHANNEL_REDIS_URL` names another (docs/deployment.md).
ASGI_APPLICATION = "cssr.asgi.application"
# Off where no ASGI server answers WebSockets (a WSGI-only deployment): conversation pages then
# send in the background and fetch what is new after each send, without a live connection.
CHAT_LIVE_UPDATES = env_bool("CHAT_LIVE_UPDATES", True)
CHANNEL_REDIS_URL = os.environ.get("CHANNEL_REDIS_URL", REDIS_URL)
if CHANNEL_REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [CHANNEL_REDIS_URL], "prefix": "cssr-chat"},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Every answer under these URL namespaces is `private, no-store` (core.middleware): the account
# pages (the profile shows the calendar feed's secret address) and the calendar address actions.
PRIVATE_URL_NAMESPACES = {"accounts", "calendar_feed"}

# Anonymous visitors get public pages from the cache until the next publication (core/cache.py).
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", 24 * 60 * 60))
PUBLIC_CACHE_URL_NAMES = {
    "wagtail_serve",
    "sitemap",
    "robots_txt",
    "search:search",
    "search:suggest",
}
# The only query parameters those views read (search: q, page; the updates index: tag, page).
# Anonymous requests reach them with every other parameter dropped, so junk neither stores a page
# nor changes one; a cached view that reads a new parameter must be given it here.
PUBLIC_CACHE_QUERY_PARAMETERS = {"q", "page", "tag"}

# The room a workspace meets in when staff set no Zoom or Jitsi link of their own.
JITSI_BASE_URL = os.environ.get("JITSI_BASE_URL", "https://meet.jit.si")

# Background jobs (mail, search index updates) run in the request until a worker is configured.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in lives outside the language prefix so a POST is never redirected.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspaces:start"

# Tags typed with the Arabic comma split as with the Latin one.
TAGGIT_TAGS_FROM_STRING = "core.tags.parse_tags"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

# Arabic first: the default language, the first one offered, right-to-left.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "cssr_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [
    ("ar", "العربية"),
    ("en", "English"),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = WAGTAIL_CONTENT_LANGUAGES
# Translations copy editor changes from the Arabic source when an editor syncs them.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Workspace files live apart from MEDIA_ROOT and no URL pattern serves this folder: every file
# goes out through workspaces.files after the access rule. Behind nginx, set the accel prefix to
# let it send the bytes (docs/deployment.md).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "") or None
WORKSPACE_UPLOAD_MAX_BYTES = int(os.environ.get("WORKSPACE_UPLOAD_MAX_BYTES", 25 * 1024 * 1024))
# Files one upload form may carry (the upload script sends one per request); more are refused
# with a message and the form kept. Django stops reading a request with five times as many (a
# bare 400), and holds an uploaded file in memory only up to 1 MB, in a temporary file beyond.
WORKSPACE_UPLOAD_MAX_FILES = int(os.environ.get("WORKSPACE_UPLOAD_MAX_FILES", 10))
DATA_UPLOAD_MAX_NUMBER_FILES = 5 * WORKSPACE_UPLOAD_MAX_FILES
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Mail is queued in the database and sent by `manage.py runmailer` (django-mailer): a request
# never waits on the mail server or fails with it, and a message the server refuses is deferred
# and sent again by `manage.py retry_deferred`, never dropped. It is sent to the console until an
# SMTP host is configured.
EMAIL_BACKEND = "mailer.backend.DbBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 20
else:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The log of sent mail keeps no content (reset links, what was written to whom).
MAILER_EMAIL_LOG_MESSAGE_DATA = False
# Queued rows are locked one at a time in the database; no lock file beside the code.
MAILER_USE_FILE_LOCK = False
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CSSR <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "CSSR"
# Authors may correct a discussion or a reply for this long after posting it.
POST_EDIT_WINDOW_MINUTES = 30
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Stems Arabic and English words in one index; created by search/migrations/0001.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "cssr_ar_en"
# Restrictions are by sign-in or group only: a shared password is a second, unaccountable way in,
# and its forms' addresses answer 404 (cssr/urls.py).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "txt", "csv"]
# The admin is for editors and staff only; it never offers Gravatar (a third-party host).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # The calendar feed's address holds its secret token (core/logs.py).
        "mask_feed_tokens": {"()": "core.logs.MaskFeedTokens"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Django's own handler for runserver's request lines: configuring the logger below
        # drops the handlers it had, so it is repeated here as Django defines it.
        "django.server": {
            "level": "INFO",
            "class": "logging.StreamHandler",
            "formatter": "django.server",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Every request line under runserver, and every error answer with its path.
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["mask_feed_tokens"],
        },
        "django.request": {"filters": ["mask_feed_tokens"]},
        # One line per background task and per page action is noise, not news.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
