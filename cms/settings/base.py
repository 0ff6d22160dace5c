"""Base settings for ThiĐua CMS: safe by default, everything from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
#: Keys sessions, signed links and API tokens made before a key change still verify with (comma-separated).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The portal's public address (scheme, host and port; no path): links in feeds, the sitemap, API
# `html_url`/`detail_url`, print views and e-mails. `migrate` keeps the default Wagtail Site on it
# (home.sites), since Wagtail builds every full URL from the Site's hostname and port.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "home",
    "exemplar_pages",
    "search",
    "workdays",  # the working-day calendar (DESIGN §9)
    "reports",  # quarterly exemplar reporting, reminders and statistics (DESIGN §10)
    "operations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",  # "Dịch" in the page menu: the English pages
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v3",
    "wagtail",
    "ninja",  # the v3 API's interactive docs from its own static files, not a CDN
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",  # admin login lockout (Security below)
]

MIDDLEWARE = [
    "cms.cache_headers.FrontendCacheHeadersMiddleware",  # outermost: sees the cookies set below it
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.language.PathLanguageMiddleware",  # Vietnamese, or English under /en/
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.csp.PortalCSPMiddleware",  # Content-Security-Policy (Security below)
    "cms.throttling.APITokenFailureThrottleMiddleware",
    "cms.throttling.AnonymousWriteThrottleMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "exemplar_pages.context_processors.portal_columns",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database holds the processes of `make demo` at once (web threads, autosave, the
    # worker, the scheduler): WAL lets readers run beside the one writer; a write transaction takes
    # the write lock when it begins (IMMEDIATE), so a transaction that read first never fails to
    # upgrade, and waits up to the busy timeout for another writer instead of raising "database is
    # locked". The memory map reads the file through the OS page cache shared by every process.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "60")),
            "init_command": "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 1073741824;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Vietnamese everywhere, whatever the browser asks for; English only on the English pages under /en/
# (cms.language.PathLanguageMiddleware). Each language is named in itself.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The project's catalogue (English msgids, Vietnamese msgstrs: `make messages`), then the Vietnamese
# wording of Wagtail's own admin strings that replaces Wagtail's catalogue (locale/wagtail/README).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Behind nginx (deploy/nginx.conf): Django checks each image request and answers with X-Accel-Redirect
# to this internal nginx location, which sends the file from disk (exemplar_pages/files.py). Empty: none.
MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "").strip()
# Answer uploaded images' URLs (never documents, whose privacy Wagtail's view enforces) in Django: only
# images a public page uses, to anonymous readers. On in dev, under `make serve` alone, and behind nginx
# with MEDIA_ACCEL_REDIRECT (nginx then sends the bytes).
MEDIA_SERVED_BY_DJANGO = env_bool("MEDIA_SERVED_BY_DJANGO", bool(MEDIA_ACCEL_REDIRECT))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Wagtail
WAGTAIL_SITE_NAME = "Cổng thông tin Thi đua – Khen thưởng"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = SITE_URL  # the pages API's `detail_url`
# Pages in Vietnamese and, translated from them, in English (the agency's English pages, /en/).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin would ask releases.wagtail.org for a newer Wagtail from each editor's browser: the site's own Content
# Security Policy refuses it (an error in every editor's console) and many bodies' networks have no way out.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# .doc: plans imported from Word 97–2003 are kept as documents.
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "ods", "pdf", "txt", "xls", "xlsx", "json"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents always through Wagtail's view, which checks that a public page uses them (exemplar_pages.files).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's admin search: the database backend, its SQLite index safe with several processes at once.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.admin_search"}}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_DOCS_ENABLED = True

# The project's search index (DESIGN §5): Elasticsearch when set, the database otherwise.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# Background work (DESIGN §7): django-tasks with the database-backed queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "thidua@localhost")
# The mail server e-mails go out through (the outbox retries while it is down: README, "Worker and scheduler").
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Moderation (DESIGN §4): every publication passes the council's vote, except a site administrator's.
# An administrator's direct publication ends a review in progress (Wagtail's default, kept on purpose);
# it is logged as a direct publication. A finished review publishes the revision the council approved.
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "exemplar_pages.moderation.finish.publish_approved_revision"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Search service (DESIGN §5; search app). ELASTICSEARCH_URL above picks the backend.
SEARCH_INDEX_NAME = os.environ.get("SEARCH_INDEX_NAME", "thidua-pages")  # an alias over versioned indices
SEARCH_ELASTICSEARCH_TIMEOUT = float(os.environ.get("SEARCH_ELASTICSEARCH_TIMEOUT", "5"))
SEARCH_ELASTICSEARCH_REPLICAS = int(os.environ.get("SEARCH_ELASTICSEARCH_REPLICAS", "0"))
# From this result offset on, a page is located through per-day counts instead of skipping every newer document.
# Tests set True to see each update at once. Behind a front-end cache the replay waits until its changes
# are searchable, so the purge that follows it does not let a stale listing be cached again.
SEARCH_ELASTICSEARCH_REFRESH = "wait_for" if os.environ.get("FRONTEND_CACHE_URL", "").strip() else False
SEARCH_FALLBACK_TO_DATABASE = env_bool("SEARCH_FALLBACK_TO_DATABASE", True)
SEARCH_OPERATION_RETENTION_HOURS = 24

# Front-end cache (DESIGN §7): Varnish (deploy/varnish.vcl, scripts/varnish) in front of the public
# pages and anonymous API reads. Anonymous public reads are marked `public, s-maxage` for this many
# seconds (cms/cache_headers.py); with FRONTEND_CACHE_URL set, publication events purge it
# (exemplar_pages/frontend_cache.py) through wagtail.contrib.frontend_cache's backends.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "").strip().rstrip("/")
FRONTEND_CACHE_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "300"))
FRONTEND_CACHE_TIMEOUT = float(os.environ.get("FRONTEND_CACHE_TIMEOUT", "2"))  # seconds per purge request
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "exemplar_pages.frontend_cache.VarnishBackend",
            "LOCATION": FRONTEND_CACHE_URL,
            "TIMEOUT": FRONTEND_CACHE_TIMEOUT,
        }
    }

# Security (README, "Security"). Admin logins (Wagtail's /admin/login/ and /django-admin/): django-axes
# locks a username from one address after AXES_FAILURE_LIMIT failures for AXES_COOLOFF_MINUTES;
# `manage.py axes_reset` lifts every lock. Its backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The client address behind a reverse proxy: nginx (deploy/nginx.conf) sets X-Forwarded-For, so behind it
# AXES_IPWARE_META_PRECEDENCE_ORDER=HTTP_X_FORWARDED_FOR,REMOTE_ADDR; straight on the network keep REMOTE_ADDR
# alone (a client could otherwise pick its own address).
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IPWARE_META_PRECEDENCE_ORDER", "REMOTE_ADDR")
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", "0")) or None
# The counters of cms/throttling.py live in Django's cache: per process by default (local memory); for
# several processes or servers point CACHES at a shared cache, e.g. CACHE_URL=db for the database cache
# (`manage.py createcachetable`, which `make serve` runs).
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
if CACHE_URL == "db":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "thidua_cache"}}
# Wrong `Authorization: Bearer` tokens: after THROTTLE_TOKEN_FAILURES failures from one address within
# THROTTLE_TOKEN_WINDOW seconds, the address is answered 429 until the window ends.
THROTTLE_TOKEN_FAILURES = int(os.environ.get("THROTTLE_TOKEN_FAILURES", "20"))
THROTTLE_TOKEN_WINDOW = int(os.environ.get("THROTTLE_TOKEN_WINDOW", "60"))
# Where those tokens are counted: the API, and the file views that accept the same tokens (exemplar_pages/files.py).
THROTTLE_TOKEN_PATHS = ["/api/", "/documents/", MEDIA_URL]
# Anonymous writes (POST, PUT, PATCH, DELETE) under these path prefixes: at most N per window per address.
THROTTLE_ANONYMOUS_WRITES = int(os.environ.get("THROTTLE_ANONYMOUS_WRITES", "30"))
THROTTLE_ANONYMOUS_WRITE_WINDOW = int(os.environ.get("THROTTLE_ANONYMOUS_WRITE_WINDOW", "60"))
THROTTLE_ANONYMOUS_WRITE_PATHS = ["/api/v3/"]
# The address the throttles count by: REMOTE_ADDR, or the first address of this header behind a proxy
# (e.g. HTTP_X_FORWARDED_FOR behind deploy/nginx.conf).
THROTTLE_CLIENT_ADDRESS_HEADER = os.environ.get("THROTTLE_CLIENT_ADDRESS_HEADER", "")

# Content-Security-Policy (django-csp, enforced everywhere; cms/csp.py). Everything from the portal itself;
# style attributes allowed (the search facets indent with them). The Wagtail admin adds inline scripts and
# styles (its widgets and panels initialise with inline <script>) and blob:/data: image previews: CSP_ADMIN_EXTRA.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
CSP_ADMIN_PATHS = ["/admin/", "/django-admin/"]
CSP_ADMIN_EXTRA = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars fetched from a third party (and none outside the CSP)

# Quarterly exemplar reporting (reports app, DESIGN §10): a unit's editors are reminded this many days
# before a quarter's deadline they have not met; the scheduler looks for reminders to send every
# REPORTS_REMINDER_CHECK_SECONDS.
REPORTS_REMINDER_DAYS = int(os.environ.get("REPORTS_REMINDER_DAYS", "5"))
REPORTS_REMINDER_CHECK_SECONDS = int(os.environ.get("REPORTS_REMINDER_CHECK_SECONDS", "3600"))
