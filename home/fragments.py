"""The parts of every page that are the same on every page of a language: the main navigation
and the footer, rendered once per site and language and kept in the shared cache until the
page cache's generation changes (home.cache_purge changes it when the site's settings, or a page
they link to, change). A page rendered with both in the cache skips fetching what they link to.
Smaller per-page parts (the language bar's versions of a page) are kept the same way, until the
generation or the version of a page they show changes: `remembered()`.

On in production whether or not the page cache is (settings.PAGE_FRAGMENTS), and whenever it is
(PAGE_CACHE_SECONDS > 0): the test settings turn them off, as tests that edit the settings
without committing keep rendering them afresh."""

import hashlib
import math
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home import page_cache, visitor_fields

FRAGMENTS = ("navigation", "footer")
TEMPLATES = {"navigation": "includes/main_nav.html", "footer": "includes/footer.html"}
FRAGMENT_SECONDS = 24 * 3600


def _generation(request):
    versions = getattr(request, "_page_cache_versions", None)
    if versions is not None:
        return versions[0]
    generation = cache.get(page_cache.GENERATION_KEY)
    if generation is None:
        cache.add(page_cache.GENERATION_KEY, secrets.token_hex(8), None)
        generation = cache.get(page_cache.GENERATION_KEY)
    return generation


def _unversioned_key(request, name):
    site = getattr(request, "_wagtail_site", None)
    site_id = site.pk if site is not None else ""
    language = translation.get_language() or ""
    return f"wsis:fragment:{name}:{site_id}:{language}"


def _key(request, name):
    return f"{_unversioned_key(request, name)}:{_generation(request)}"


def enabled():
    return bool(getattr(settings, "PAGE_FRAGMENTS", False)) or page_cache.page_cache_seconds() > 0


def all_cached(request) -> bool:
    """True when every fragment is in the cache (read once, kept on the request)."""
    if not enabled():
        return False
    found = getattr(request, "_fragments", None)
    if found is None:
        keys = {name: _key(request, name) for name in FRAGMENTS}
        values = cache.get_many(list(keys.values()))
        found = {name: values[key] for name, key in keys.items() if key in values}
        request._fragments = found
    return len(found) == len(FRAGMENTS)


def _render_now(context, name):
    # In the page's own context, as {% include %} would.
    return context.template.engine.get_template(TEMPLATES[name]).render(context)


def render(context, name):
    """The fragment `name`, from the cache or rendered (and kept) now."""
    request = context.get("request")
    if request is None or not enabled():
        return _render_now(context, name)
    found = getattr(request, "_fragments", None)
    if found is None:
        all_cached(request)
        found = request._fragments
    html = found.get(name)
    if html is None:
        html = _render_now(context, name)
        cache.set(_key(request, name), str(html), FRAGMENT_SECONDS)
        found[name] = html
    return mark_safe(html)  # noqa: S308 - our own template's output


def mark_current(html, url):
    """The navigation with the link to the page being read marked as the current one."""
    if not url:
        return html
    link = f'<a href="{escape(url)}"'
    return mark_safe(html.replace(link, f'{link} aria-current="page"', 1))  # noqa: S308


def current_versions(found, keys):
    """The values of these version keys, created when missing (a cold or evicted cache)."""
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, secrets.token_hex(8), None)
    if missing:
        found.update(cache.get_many(missing))
    return tuple(found.get(key) for key in keys)


def _earliest(*instants):
    instants = [instant for instant in instants if instant is not None]
    return min(instants) if instants else None


def _compute_noting_changes(request, compute):
    """compute(), and the earliest instant at which what it rendered changes by itself (the
    `page_cache.changes_at` calls it made, which still count for the page being rendered)."""
    outer = getattr(request, "_page_cache_changes_at", None)
    request._page_cache_changes_at = None
    try:
        value = compute()
    finally:
        changes = getattr(request, "_page_cache_changes_at", None)
        request._page_cache_changes_at = _earliest(outer, changes)
    return value, changes


def _look_up(request, name, page_ids):
    """(what is kept under `name` if still current else None, the versions to keep a new value
    under), read once per request: a page asks before its queries, its template when
    rendering, and both must see the same thing."""
    looked_up = request.__dict__.setdefault("_remembered", {})
    if name not in looked_up:
        key = _unversioned_key(request, name)
        version_keys = [
            page_cache.GENERATION_KEY,
            *(page_cache.version_key(pk) for pk in page_ids),
        ]
        found = cache.get_many([key, *version_keys])
        kept = found.pop(key, None)
        versions = current_versions(found, version_keys)
        if kept is not None and (
            len(kept) != 3 or kept[0] != versions or (kept[2] and kept[2] <= timezone.now())
        ):
            kept = None
        looked_up[name] = (kept, versions)
    return looked_up[name]


def remembered(request, name, page_ids, compute, seconds=FRAGMENT_SECONDS, keep=None):
    """`compute()`, kept in the shared cache per site and language under `name` until the
    generation or the version of one of `page_ids` changes (read in the same round trip as the
    value, before computing: a purge meanwhile leaves what is kept stale), for `seconds` at most,
    and never past the first instant at which what it shows changes by itself (what compute
    told `page_cache.changes_at`, told again whenever the value is reused). `keep(value)`
    false: used this once, not kept."""
    if not enabled():
        return compute()
    kept, versions = _look_up(request, name, page_ids)
    request._remembered.pop(name)  # a second call computes again (a value not kept)
    if kept is not None:
        page_cache.changes_at(kept[2])
        return kept[1]
    value, changes = _compute_noting_changes(request, compute)
    if changes is not None:
        seconds = min(seconds, math.floor((changes - timezone.now()).total_seconds()))
    if seconds >= 1 and (keep is None or keep(value)):
        cache.set(_unversioned_key(request, name), (versions, value, changes), seconds)
    return value


# A page's own sections ({% page_fragment %}) --------------------------------------------------

# What a page shows that no purge reaches (an image edited, a view restriction added) catches up
# as fast as in the page cache: its default lifetime.
PAGE_FRAGMENT_SECONDS = 600


def _page_fragment_spec(request, page, name):
    """(key name, page ids) of `page`'s section `name` for this request, or None when it must
    be rendered afresh: a preview, a draft, an unsaved page, fragments off."""
    if (
        request is None
        or not enabled()
        or getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)
        or not isinstance(page, Page)
        or not page.pk
        or not page.live
        or not hasattr(page, "fragment_page_ids")
    ):
        return None
    variant = f"{request.scheme}://{request.get_host()}"
    if page.fragment_varies_on_query and request.META.get("QUERY_STRING"):
        query = request.META["QUERY_STRING"]
        variant += "?" + hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"page:{name}:{page.pk}:{variant}", page.fragment_page_ids()


def page_fragments_kept(request, page, *names) -> bool:
    """True when every one of `page`'s sections `names` will come from the cache in this
    request: the page need not fetch what they show."""
    specs = [_page_fragment_spec(request, page, name) for name in names]
    return all(spec is not None and _look_up(request, *spec)[0] is not None for spec in specs)


def page_fragment(request, page, name, compute):
    """`page`'s section `name` (HTML), kept per site, language, host and (for pages that read
    it) query string until the page or one of `page.fragment_page_ids()` is purged. A section
    with per-visitor inputs in it (a form's CSRF token) is never kept."""
    spec = _page_fragment_spec(request, page, name)
    if spec is None:
        return compute()
    return remembered(
        request,
        *spec,
        compute,
        seconds=PAGE_FRAGMENT_SECONDS,
        keep=lambda html: not visitor_fields.has_visitor_fields(html),
    )
