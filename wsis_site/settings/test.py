"""The test suite: fast hashing, local memory cache and e-mail, no network."""

import os

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local memory, as without REDIS_URL, whatever the environment says.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
    "renditions": {
        "BACKEND": "wsis_site.cache.LocMemRenditionCache",
        "LOCATION": "renditions",
        "TIMEOUT": RENDITION_CACHE_SECONDS,  # noqa: F405
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
# The page cache is off: many tests change rows directly and read the page again. The page
# cache's own tests (tests/home/test_page_cache.py) turn it on.
PAGE_CACHE_SECONDS = 0
# And so are the fragments (home.fragments), except where the page cache is turned on.
PAGE_FRAGMENTS = False
# Messages go through the outbox (tests/conftest.py puts it back after Django's test
# environment swaps in locmem) and are delivered to Django's test outbox, mail.outbox.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in the test's process when the transaction that enqueued them commits (a test
# commits with `committed`, or a request of the test client's), never for one rolled back.
TASKS = {"default": {"BACKEND": "tests.tasks_backend.AfterCommitBackend"}}
ALLOWED_HOSTS = ["*"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{os.getpid()}"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / f"test-private-{os.getpid()}"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# A file-backed test database (SQLite) so that --reuse-db can keep it between runs.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # TEST_SQLITE_NAME lets two checkouts' (or two people's) runs keep databases of their own.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_SQLITE_NAME", str(BASE_DIR / "var" / "test.sqlite3"))  # noqa: F405
    }
