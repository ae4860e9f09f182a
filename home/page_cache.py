"""The page cache for anonymous visitors (README, "Page cache").

A page served to a visitor without a session is kept in the shared cache (Redis; local memory
without it) under its full URL (scheme, host, path, query string) and language, and served from
there to the next anonymous visitor without routing, queries or rendering. It is never stored for
a signed-in user, a preview, a page showing a message, a response that sets a cookie or changes
the session, or a page that asks not to be (`cache_anonymous = False`).

A hit is served with the headers its fresh render left the inner middlewares with
(Content-Security-Policy, Permissions-Policy, X-Frame-Options, Content-Language, Vary), stored
with the entry: the session, locale, authentication, message and policy middlewares do not run
for it (what they add depends only on the URL, the language and the settings, which are in the
key; the visitor has no session and no message), nor the CSRF middleware but for a page with a
form. Only the security headers, the cache headers and conditional GET run around it.

Per-visitor parts of a page with a form are holes, not content: the hidden inputs registered with
`home.visitor_fields.register` (the CSRF token there; public_forms adds its spam guard's signed
start time and one-time token) are cut out when the page is stored and filled afresh for each
visitor when it is served, so a form page costs a cache read and a few string joins, and no
visitor ever gets another's token. Such pages are `private, no-store` for browsers and CDNs.

Freshness: every entry records the site-wide generation and its page's version when it was
rendered; `home.cache_purge` bumps them on publish, snippet changes and the like, so a purged
entry is never served again. A page also lives no longer than the next instant at which what it
shows changes by itself (a call's deadline, a contest's phase, "3 days left"): whatever renders
such a thing calls `changes_at(instant)`.

If the cache fails (Redis down), `wsis_site.cache.ResilientRedisCache` answers misses and drops
writes: pages are rendered as if there were no cache.
"""

import hashlib
import math
import secrets
import time

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.core.signals import setting_changed
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone, translation

from home import visitor_fields
from home.current_request import current_request
from home.visitor_fields import CSRF_FIELD

ENTRY_PREFIX = "wsis:page:"
VERSION_PREFIX = "wsis:page-version:"
GENERATION_KEY = "wsis:page-generation"
STATUS_HEADER = "X-Page-Cache"
# Headers not kept with an entry: cookies (a form page's CSRF cookie is set afresh), what
# home.cache_headers writes at each serving, and the length (a form's tokens are drawn afresh).
_DROPPED_HEADERS = {
    "set-cookie",
    "cache-control",
    "etag",
    "last-modified",
    "expires",
    "content-length",
}
# What the headers of a stored page, and how it is served, depend on besides its URL and
# language: part of the key, so that a new policy is sent at once (django-csp reads these at each
# response). With CSRF_USE_SESSIONS the CSRF token touches the session: form pages are not kept.
_HEADER_SETTINGS = (
    "MIDDLEWARE",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "X_FRAME_OPTIONS",
    "CSRF_USE_SESSIONS",
)


def page_cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def changes_at(instant):
    """What is being rendered changes by itself at `instant` (a deadline, a phase, an event's
    start): the page being served must not be kept past it, here or at a CDN."""
    request = current_request()
    if request is None or instant is None:
        return
    if instant <= timezone.now():
        return
    earliest = getattr(request, "_page_cache_changes_at", None)
    if earliest is None or instant < earliest:
        request._page_cache_changes_at = instant


# Keys and versions -------------------------------------------------------------------------------


_settings_fingerprint = None


def _headers_fingerprint() -> str:
    global _settings_fingerprint
    if _settings_fingerprint is None:
        values = repr([getattr(settings, name, None) for name in _HEADER_SETTINGS])
        _settings_fingerprint = hashlib.sha256(values.encode()).hexdigest()[:16]
    return _settings_fingerprint


def _forget_fingerprint(setting, **kwargs):
    global _settings_fingerprint
    if setting in _HEADER_SETTINGS:
        _settings_fingerprint = None


setting_changed.connect(_forget_fingerprint)


def request_language(request) -> str:
    """The language LocaleMiddleware activates for `request` (as Django 5.2 chooses it), before
    it has run: the URL's prefix, else the cookie or Accept-Language where those count."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    language = translation.get_language_from_request(request, check_path=i18n_patterns_used)
    if (
        i18n_patterns_used
        and not prefixed_default_language
        and not translation.get_language_from_path(request.path_info)
    ):
        language = settings.LANGUAGE_CODE
    return language


def entry_key(request) -> str:
    url = request.build_absolute_uri()
    language = request_language(request)
    digest = hashlib.sha256(f"{_headers_fingerprint()}\n{language}\n{url}".encode()).hexdigest()
    return ENTRY_PREFIX + digest


def version_key(page_id) -> str:
    return f"{VERSION_PREFIX}{page_id}"


def current_versions(page_id):
    """(site-wide generation, the page's version), created when missing (a cold or evicted
    cache), so that an entry is compared with values that a purge will change."""
    keys = [GENERATION_KEY, version_key(page_id)]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, secrets.token_hex(8), None)
    if missing:
        found = cache.get_many(keys)
    return found.get(keys[0]), found.get(keys[1])


def new_versions(page_ids):
    """Every entry of these pages is stale from now on."""
    cache.set_many({version_key(pk): secrets.token_hex(8) for pk in page_ids}, None)


def new_generation():
    """Every entry is stale from now on."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)


# Serving -----------------------------------------------------------------------------------------


def _skip_paths():
    return tuple(getattr(settings, "PAGE_CACHE_SKIP_PATHS", ()))


def is_anonymous_request(request) -> bool:
    """A GET from a visitor with no session and no message waiting: nothing personal can be in
    the page (the CSRF cookie is per visitor, but only its holes use it)."""
    return (
        request.method == "GET"
        # Wagtail's previews and moderation views render through the middlewares too.
        and not getattr(request, "is_dummy", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
        and not request.path.startswith(_skip_paths())
    )


# Entry key -> id of the page its entry was stored or served for, in this process: a hit then
# reads the entry, the generation and that page's version in one round trip to the cache (an
# entry's key says nothing of its page). Only a guess: an entry for another page costs a second
# read, never a stale page.
_page_ids = {}
PAGE_IDS_KEPT = 20000


def _remember_page_id(key, page_id):
    if key not in _page_ids and len(_page_ids) >= PAGE_IDS_KEPT:
        del _page_ids[next(iter(_page_ids))]  # the oldest
    _page_ids[key] = page_id


def _fetch(key):
    page_id = _page_ids.get(key)
    keys = [key, GENERATION_KEY] + ([version_key(page_id)] if page_id is not None else [])
    found = cache.get_many(keys)
    entry = found.get(key)
    if entry is None or entry["expires"] <= time.time():
        return None
    if entry["page_id"] != page_id:
        _remember_page_id(key, entry["page_id"])
        found = cache.get_many([GENERATION_KEY, version_key(entry["page_id"])])
    current = (found.get(GENERATION_KEY), found.get(version_key(entry["page_id"])))
    if current != (entry["generation"], entry["version"]):
        return None
    return entry


def _response_from(entry, request):
    from django.http import HttpResponse

    content = entry["chunks"][0]
    if entry["holes"]:
        content = visitor_fields.fill_holes(entry["chunks"], entry["holes"], request)
    response = HttpResponse(content, status=entry["status"], headers=entry["headers"])
    response["Content-Length"] = str(len(content))
    return response


def mark_page(request, page):
    """Called as Wagtail routes a request to `page` (the before_serve_page hook): remembers the
    page and reads its versions before anything is rendered, so that a purge during rendering
    leaves the entry stale rather than stores old content under new versions."""
    request._page_cache_page = page
    if getattr(request, "_page_cache_key", None) is not None:
        request._page_cache_versions = current_versions(page.pk)


def personal(request, response) -> str:
    """Why this response belongs to one visitor ('' when it does not)."""
    if getattr(request, "is_preview", False):
        return "preview"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return "signed in"
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.session_key):
        return "session"
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage._queued_messages or storage._loaded_messages):
        return "messages"
    if response.cookies:
        return "cookies"
    # django-csp's nonce, once used, is in the page and its policy: one response's.
    if getattr(request, "_csp_nonce", None):
        return "nonce"
    return ""


def _lifetime(request) -> float:
    seconds = float(page_cache_seconds())
    changes = getattr(request, "_page_cache_changes_at", None)
    if changes is not None:
        seconds = min(seconds, (changes - timezone.now()).total_seconds())
    return seconds


def _entry(request, response):
    """What to keep of `response` (as the view left it) for the next anonymous visitor, or None
    when it may not be kept (PageCacheMiddleware adds the headers and stores it)."""
    page = getattr(request, "_page_cache_page", None)
    if page is None or response.status_code != 200 or response.streaming:
        return None
    if not getattr(page, "cache_anonymous", True):
        return None
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
        "Cache-Control", ""
    ):
        return None
    seconds = _lifetime(request)
    if seconds < 1:
        return None
    content = response.content
    chunks, holes = (content,), ()
    if response.get("Content-Type", "").startswith("text/html"):
        chunks, holes = visitor_fields.cut_holes(content)
    # A CSRF token used anywhere but in the form inputs we cut out would be one visitor's.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and CSRF_FIELD not in holes:
        return None
    generation, version = request._page_cache_versions
    now = time.time()
    return {
        "chunks": chunks,
        "holes": holes,
        "status": response.status_code,
        "headers": {},
        "page_id": page.pk,
        "generation": generation,
        "version": version,
        "stored": now,
        "expires": now + seconds,
        "etag": None if holes else f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"',
    }


def _kept_headers(response):
    return {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in _DROPPED_HEADERS
    }


def _write(key, entry):
    cache.set(key, entry, math.ceil(entry["expires"] - time.time()))
    _remember_page_id(key, entry["page_id"])


class PageCacheMiddleware:
    """Serves anonymous visitors from the page cache, and stores what they were served. Placed
    right inside home.cache_headers, outside everything that tells who the visitor is: a hit
    returns from here, with the headers its render got from the middlewares inside this one,
    stored with it. A page with holes also runs Django's CSRF middleware, which reads the
    visitor's CSRF cookie, and sets it for the token drawn into the page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not page_cache_seconds() or not is_anonymous_request(request):
            return self.get_response(request)
        key = entry_key(request)
        entry = _fetch(key)
        if entry is not None:
            request._page_cache = ("hit", entry)
            if not entry["holes"]:
                return _response_from(entry, request)
            self.csrf.process_request(request)
            return self.csrf.process_response(request, _response_from(entry, request))
        request._page_cache_key = key
        response = self.get_response(request)
        entry = getattr(request, "_page_cache_store", None)
        if entry is not None:
            allowed = {settings.CSRF_COOKIE_NAME} if CSRF_FIELD in entry["holes"] else set()
            if set(response.cookies) - allowed:  # set on the way out: someone's
                request._page_cache = ("skip", "cookies")
            else:
                entry["headers"] = _kept_headers(response)
                _write(key, entry)
        return response


class PageCacheInnerMiddleware:
    """The page cache's half inside the session, locale, CSRF, authentication and message
    middlewares: it sees the response as the view left it (before the CSRF cookie) and the
    visitor as they know them, and says whether the page may be kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "_page_cache_key", None) is None:
            return self.get_response(request)
        response = self.get_response(request)
        why = personal(request, response)
        entry = None if why else _entry(request, response)
        if entry is None:
            request._page_cache = ("skip", why)
        else:
            request._page_cache = ("miss", entry)
            request._page_cache_store = entry  # with the headers PageCacheMiddleware sees
        return response
