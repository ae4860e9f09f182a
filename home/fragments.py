"""The parts of every page that are the same on every page of a language: the main navigation
and the footer, rendered once per site and language and kept in the shared cache until the
page cache's generation changes (home.cache_purge changes it when the site's settings, or a page
they link to, change). A page rendered with both in the cache skips fetching what they link to.
Smaller per-page parts (the language bar's versions of a page) are kept the same way, until the
generation or the version of a page they show changes: `remembered()`.

On in production whether or not the page cache is (settings.PAGE_FRAGMENTS), and whenever it is
(PAGE_CACHE_SECONDS > 0): the test settings turn them off, as tests that edit the settings
without committing keep rendering them afresh."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from home import page_cache

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


def remembered(request, name, page_ids, compute):
    """`compute()`, kept in the shared cache per site and language under `name` until the
    generation or the version of one of `page_ids` changes (read in the same round trip as the
    value, before computing: a purge meanwhile leaves what is kept stale)."""
    if not enabled():
        return compute()
    key = _unversioned_key(request, name)
    version_keys = [page_cache.GENERATION_KEY, *(page_cache.version_key(pk) for pk in page_ids)]
    found = cache.get_many([key, *version_keys])
    kept = found.pop(key, None)
    versions = current_versions(found, version_keys)
    if kept is not None and kept[0] == versions:
        return kept[1]
    value = compute()
    cache.set(key, (versions, value), FRAGMENT_SECONDS)
    return value
