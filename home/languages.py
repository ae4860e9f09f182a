"""The six language versions of whatever a visitor is reading, for the language bar and the
hreflang alternates."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from home import fragments
from home.current_request import current_request

# BCP 47 tags for the `lang` attributes, where Django's language code is not one.
HTML_LANG = {"zh-hans": "zh-Hans"}


def html_lang(code: str) -> str:
    return HTML_LANG.get(code, code)


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str  # in its own script: عربي, 中文…
    url: str
    is_current: bool
    # False when the page has no live translation and the link leads to that language's home.
    is_translation: bool

    @property
    def lang(self) -> str:
        return html_lang(self.code)


def language_versions(request, page=None) -> list[LanguageVersion]:
    """One entry per language, in the UN order of settings.LANGUAGES. Two queries at most,
    whatever the page; none for a live page whose versions are kept (home.fragments)."""
    cached = getattr(request, "_language_versions", None)
    if cached is not None and cached[0] is page:
        return cached[1]
    current = translation.get_language()
    site = Site.find_for_request(request)
    if (
        isinstance(page, Page)
        and page.pk
        and page.live
        and site
        and not getattr(request, "is_preview", False)
    ):
        # The same for every reader of this live page in this language: kept until the page, or
        # the site's home (a language's home is the fallback link), is purged (home.cache_purge).
        versions = fragments.remembered(
            request,
            f"language-versions:{page.pk}:{request.path}",
            [page.pk, site.root_page_id],
            lambda: _page_versions(request, page, current),
        )
    elif isinstance(page, Page) and page.pk:
        versions = _page_versions(request, page, current)
    else:
        versions = [
            LanguageVersion(code, name, translate_url(request.path, code), code == current, True)
            for code, name in settings.LANGUAGES
        ]
    request._language_versions = (page, versions)
    return versions


def _page_versions(request, page, current):
    targets = _page_translations(request, page)
    versions = []
    for code, name in settings.LANGUAGES:
        target, is_translation = targets.get(code, (None, False))
        if target is not None:
            url = page.get_url(request) if target.pk == page.pk else target.get_url(request)
        else:
            url = translate_url(request.path, code)
        versions.append(LanguageVersion(code, name, url, code == current, is_translation))
    return versions


def versions_and_homes(page, request=None):
    """Every language version of `page` (itself included) that is live, or `page` itself, and
    every live version of the site's home page, with their locales: what the language bar
    links to and whose children a listing shows. One query, kept on the request being served
    (the language bar and the listing of the same page share it)."""
    request = request or current_request()
    kept = getattr(request, "_wsis_versions_and_homes", None) if request is not None else None
    if kept is not None and page.pk in kept:
        return kept[page.pk]
    site = Site.find_for_request(request) if request is not None else None
    home_key = site.root_page.translation_key if site is not None else page.translation_key
    rows = list(
        Page.objects.filter(Q(translation_key=page.translation_key) | Q(translation_key=home_key))
        .filter(Q(live=True) | Q(pk=page.pk))
        .select_related("locale")
        .order_by("path")
    )
    if request is not None:
        if kept is None:
            kept = request._wsis_versions_and_homes = {}
        kept[page.pk] = rows
    return rows


def remember_versions_and_homes(request, page, rows):
    """What `versions_and_homes(page)` would fetch, already fetched (home.routing, for a home
    page: the home pages are its versions)."""
    kept = getattr(request, "_wsis_versions_and_homes", None)
    if kept is None:
        kept = request._wsis_versions_and_homes = {}
    kept[page.pk] = sorted(rows, key=lambda row: row.path)


def _page_translations(request, page):
    """{language code: (page to link to, is it a translation of this page)}."""
    targets = {}
    for row in versions_and_homes(page, request):
        code = row.locale.language_code
        if row.translation_key == page.translation_key:
            targets[code] = (row, True)
        else:
            targets.setdefault(code, (row, False))
    return targets
