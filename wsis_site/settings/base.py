"""Settings shared by every environment. Values that vary come from `env.py`."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .content_security import policies
from .env import BASE_DIR, read_environment

ENV = read_environment()

SECRET_KEY = ENV.secret_key
DEBUG = ENV.debug
ALLOWED_HOSTS = ENV.allowed_hosts
CSRF_TRUSTED_ORIGINS = ENV.csrf_trusted_origins

INSTALLED_APPS = [
    "demo",
    # Before wagtail_localize: its editor template is extended from here.
    "translations",
    "home",
    "events",
    "calls",
    "partners",
    "media",
    "outbox",
    "public_forms",
    "accounts",
    "stocktaking",
    "prizes",
    "newsletter",
    "publications",
    "news",
    "juries",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "django_countries",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 for a conditional GET whose ETag or Last-Modified still matches (home.page_cache).
    "django.middleware.http.ConditionalGetMiddleware",
    # Cache-Control for browsers and the CDN; outside the session middleware, whose
    # `Vary: Cookie` it drops from pages that every anonymous visitor shares.
    "home.cache_headers.CacheHeadersMiddleware",
    # Anonymous visitors' pages from the shared cache (home.page_cache): a page every visitor
    # shares is served from here, with the headers the middlewares below gave it when rendered.
    "home.page_cache.PageCacheMiddleware",
    # Uploaded images from MEDIA_ROOT (no S3), before sessions and languages.
    "home.media_views.PublicMediaMiddleware",
    "home.current_request.CurrentRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(), then the second factor owed (accounts/).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (enforced on public pages, report-only in the admin) and
    # Permissions-Policy: wsis_site/csp.py.
    "wsis_site.csp.SitePolicyMiddleware",
    # The page cache's inner half: after everything that tells who the visitor is and which
    # language, it decides what may be stored and fills a form page's per-visitor tokens.
    "home.page_cache.PageCacheInnerMiddleware",
    # Query strings no link of ours sends (control characters, overlong, ids that are not):
    # a 400 in the visitor's language before any view reads them (public_forms.validators).
    "public_forms.middleware.QueryParameterPolicyMiddleware",
    # Every CSV leaves with no cell a spreadsheet would run as a formula.
    "public_forms.spreadsheets.CsvFormulaGuardMiddleware",
    # Pages routed in two queries instead of two a level (home.routing), as the view is called.
    "home.routing.RoutingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wsis_site.urls"
WSGI_APPLICATION = "wsis_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "wsis_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": {**ENV.database, "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The server and the task worker write at the same time: WAL lets readers go on while one
    # writes, IMMEDIATE takes the write lock at BEGIN (no deadlock on upgrade), and a writer
    # waits for the other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis in production (shared by every app-server process); local memory when unset. When
# Redis is unreachable the site keeps serving: the cache is skipped and the outage logged.
# Image renditions in a cache of their own (Wagtail's `renditions` alias): Wagtail's writes of
# renditions it already had are dropped (wsis_site.cache.RenditionCacheMixin), and a long
# listing's renditions never evict the site's other entries. A rendition's key names its
# image's file and focal point: it is never stale, only deleted with its rendition.
RENDITION_CACHE_SECONDS = 24 * 3600
if ENV.redis_url:
    _redis_options = {
        "LOCATION": ENV.redis_url,
        "KEY_PREFIX": "wsis",
        # A stalled Redis must cost a page a fraction of a second, not the whole request.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {"BACKEND": "wsis_site.cache.ResilientRedisCache", **_redis_options},
        "renditions": {
            "BACKEND": "wsis_site.cache.RedisRenditionCache",
            "TIMEOUT": RENDITION_CACHE_SECONDS,
            **_redis_options,
        },
    }
else:
    # Room for Wagtail's site root paths, the fragments and the page cache's entries.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "renditions": {
            "BACKEND": "wsis_site.cache.LocMemRenditionCache",
            "LOCATION": "renditions",
            "TIMEOUT": RENDITION_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }

# The page cache for anonymous visitors (home.page_cache): how long a page is kept (0: off),
# bounded by its next change by itself (a deadline); how long a CDN may serve it stale while it
# asks again. Publishing purges it (home.cache_purge), and the CDN through frontend_cache.
PAGE_CACHE_SECONDS = ENV.page_cache_seconds
PAGE_CACHE_STALE_SECONDS = ENV.page_cache_stale_seconds
# Parts of pages kept in the shared cache until a purge makes them stale (home.fragments: the
# navigation, the footer, a page's language versions), with or without the page cache.
PAGE_FRAGMENTS = True
PAGE_CACHE_SKIP_PATHS = ("/admin/", "/documents/", "/api/", "/healthz", "/static/", "/media/")
if ENV.frontend_cache:
    WAGTAILFRONTENDCACHE = ENV.frontend_cache
# Each language version has URLs of its own (/fr/a-propos-du-smsi/): purge the URLs as they
# are, never the same path under each language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Staff sign-in: throttling, backends, password rules (staff_sign_in.py).
from .staff_sign_in import *  # noqa: E402, F403

# TOTP two-factor (django-otp): optional for staff; required of administrators when this is on
# (production's default, never in dev or tests, so that `make run` signs in with a password).
ADMIN_TWO_FACTOR_REQUIRED = ENV.admin_two_factor_required
OTP_TOTP_ISSUER = "WSIS"


# Languages: the six UN languages, English the source. The order is the UN's (alphabetical
# by each language's English name), which the language bar follows.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "عربي"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
FORMAT_MODULE_PATH = ["wsis_site.formats"]
LOCALE_PATHS = [BASE_DIR / "wsis_site" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# A translation must go through moderation like any other change: never live on translate.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
if ENV.machine_translator:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = ENV.machine_translator

STATIC_URL = "/static/"
STATIC_ROOT = ENV.static_root
STATICFILES_DIRS = [BASE_DIR / "wsis_site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = ENV.media_root
# Files sent with submissions: never under MEDIA_ROOT, never served directly.
PRIVATE_MEDIA_ROOT = ENV.private_media_root
CALLS_RATE_LIMIT = ENV.calls_rate_limit
# The WSIS Prizes' voting: vote requests per client and category; the bursts that flag votes
# for review (votes from one network in the contest, votes for one nominee: count/seconds);
# days after voting closes before voters' addresses are erased (erase_prize_voters).
PRIZES_VOTE_RATE_LIMIT = ENV.prizes_vote_rate_limit
PRIZES_NETWORK_BURST = ENV.prizes_network_burst
PRIZES_RAPID_VOTES = ENV.prizes_rapid_votes
PRIZES_VOTER_RETENTION_DAYS = ENV.prizes_voter_retention_days
# Django refuses larger request bodies before any view runs; uploads have their own limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploads: public media in "default", what the public sent us (never served directly) in
# "private". On S3 the two are separate buckets, so that no bucket policy can expose both.
if ENV.s3:
    _S3_COMMON = {
        name: ENV.s3[key]
        for name, key in [
            ("endpoint_url", "endpoint_url"),
            ("region_name", "region_name"),
            ("access_key", "access_key"),
            ("secret_key", "secret_key"),
        ]
        if ENV.s3[key]  # unset: boto3's own chain (environment, instance role)
    }
    if ENV.s3["endpoint_url"]:
        # S3-compatible servers (MinIO, Ceph, moto) answer path-style requests by default.
        _S3_COMMON["addressing_style"] = "path"
    # A file read back (a rendition's source, a download) spills to disk past this size.
    _S3_COMMON["max_memory_size"] = FILE_UPLOAD_MAX_MEMORY_SIZE
    STORAGES = {
        "default": {
            "BACKEND": "wsis_site.storage.PublicS3Storage",
            "OPTIONS": {
                **_S3_COMMON,
                "bucket_name": ENV.s3["bucket"],
                "custom_domain": ENV.s3["custom_domain"],
                "querystring_auth": False,  # plain URLs: stable, cacheable by browsers and CDNs
                "file_overwrite": False,
                # Per file, PublicS3Storage sets a year for renditions, a day for the rest.
                "object_parameters": {"CacheControl": "public, max-age=86400"},
            },
        },
        "private": {
            "BACKEND": "wsis_site.storage.PrivateS3Storage",
            "OPTIONS": {
                **_S3_COMMON,
                "bucket_name": ENV.s3["private_bucket"],
                "querystring_auth": True,
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "wsis_site.storage.PrivateFileSystemStorage"},
    }
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
# Documents are always streamed by Wagtail's /documents/ view, which checks collection privacy
# on every request; "redirect" would hand out the bucket URL, which works for anyone forever.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

DEFAULT_FROM_EMAIL = ENV.default_from_email
SERVER_EMAIL = ENV.server_email
# Every e-mail is recorded in the outbox (in the transaction that caused it) and sent by a task
# through EMAIL_DELIVERY_BACKEND: SMTP from EMAIL_URL, else the console.
_email = dict(ENV.email)
EMAIL_DELIVERY_BACKEND = _email.pop(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
globals().update(_email)
EMAIL_BACKEND = "outbox.backends.OutboxBackend"
EMAIL_TIMEOUT = 20  # seconds: a hung SMTP server must not hold a worker forever

# Background work (e-mails from the outbox, contest photos, digests), run by
# `manage.py db_worker`; the request only records it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# WSIS Flash (newsletter/): its sender, recipients per task, and how long a sending may show
# no progress before the watch resumes it (longer than a slow SMTP conversation).
NEWSLETTER_FROM_EMAIL = ENV.newsletter["from_email"]
NEWSLETTER_BATCH_SIZE = ENV.newsletter["batch_size"]
NEWSLETTER_STALE_SECONDS = ENV.newsletter["stale_seconds"]
NEWSLETTER_MESSAGE_ID_DOMAIN = "wsis.newsletter"

# Proxies whose X-Forwarded-For is believed (CIDRs); the client is the first address that is
# not one of them, read from the right.
TRUSTED_PROXIES = ENV.trusted_proxies
# Workflow notifications (submitted, approved, rejected with the reviewer's comment).
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "WSIS"
WAGTAILADMIN_BASE_URL = ENV.wagtailadmin_base_url
# Wagtail's database backend, taught the six languages: home/search_backend.py.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ppt", "pptx", "txt", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The machines this runs on reach no network beyond package registries: keep the admin offline.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("ar", pgettext_lazy("site", "Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", pgettext_lazy("site", "English")),
    ("fr", pgettext_lazy("site", "French")),
    ("ru", pgettext_lazy("site", "Russian")),
    ("es", pgettext_lazy("site", "Spanish")),
]
# REST framework serves wagtail-localize's snippets API inside the admin: photo entries and
# the outbox only for those who may list them (wsis_site.private_admin), as in the admin.
REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ["wsis_site.private_api.PrivateModelPermission"]}

SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (enforced on public pages, report-only in the admin) and the origins
# it allows: wsis_site/settings/content_security.py.
CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = policies(ENV.s3)

X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow their own iframe
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Wagtail runs its background tasks (search index, reference index) through
        # django-tasks, which logs every one of them at INFO.
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
        # django-axes logs every sign-in at INFO; failures and lockouts are WARNINGs.
        "axes": {"level": "WARNING"},
    },
}

# Country names as the United Nations writes them, where the ISO short name differs.
COUNTRIES_OVERRIDE = {
    "KR": _("Republic of Korea"),
    "KP": _("Democratic People's Republic of Korea"),
    "RU": _("Russian Federation"),
    "IR": _("Iran (Islamic Republic of)"),
    "SY": _("Syrian Arab Republic"),
    "TZ": _("United Republic of Tanzania"),
    "VN": _("Viet Nam"),
    "GB": _("United Kingdom of Great Britain and Northern Ireland"),
    "US": _("United States of America"),
}
