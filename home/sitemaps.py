from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from home.languages import html_lang


class LocalizedPageSitemap(Sitemap):
    """Every live public page of every language tree, each with its translations as
    hreflang alternates (and x-default, the English version)."""

    limit = 5000

    def __init__(self, request=None):
        self.request = request

    def _site(self):
        return Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)

    def items(self):
        root = self._site().root_page
        trees = Page.objects.none()
        for home in Page.objects.filter(translation_key=root.translation_key):
            trees |= Page.objects.descendant_of(home, inclusive=True)
        return trees.live().public().order_by("path").select_related("locale").defer_streamfields()

    def location(self, page):
        return page.get_full_url(self.request)

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page_number, protocol, domain):
        object_list = list(self.paginator.page(page_number).object_list)
        alternates = defaultdict(list)
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={page.translation_key for page in object_list})
            .select_related("locale")
        )
        for translation in translations:
            alternates[translation.translation_key].append(translation)
        urls = []
        for page in object_list:
            versions = sorted(alternates[page.translation_key], key=lambda p: p.locale_id)
            links = [
                {"lang_code": html_lang(p.locale.language_code), "location": self.location(p)}
                for p in versions
            ]
            links += [
                {"lang_code": "x-default", "location": self.location(p)}
                for p in versions
                if p.locale.language_code == "en"
            ]
            urls.append(
                {
                    "item": page,
                    "location": self.location(page),
                    "lastmod": self.lastmod(page),
                    "changefreq": None,
                    "priority": None,
                    "alternates": links,
                }
            )
        self.latest_lastmod = max((u["lastmod"] for u in urls if u["lastmod"]), default=None)
        return urls
