"""The six languages: URLs, redirects, lang/dir, the language bar and hreflang alternates."""

import re

import pytest
from django.urls import reverse

from tests.conftest import translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

UN_ORDER = ["عربي", "中文", "English", "Français", "Русский", "Español"]


def language_bar(html):
    bar = re.search(r'<nav class="language-bar".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]*)" lang="([^"]+)"[^>]*>([^<]+)</a>', bar)


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("ar-EG", "/ar/"),
        ("ru", "/ru/"),
        ("es-419,es;q=0.9", "/es/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_sends_visitors_to_their_language(client, english_home, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_english_home_is_left_to_right(client, english_home):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert html.count("<main") == 1
    assert 'href="#main-content"' in html and 'id="main-content"' in html


@pytest.mark.parametrize(
    ("code", "lang", "direction"),
    [("ar", "ar", "rtl"), ("zh-hans", "zh-Hans", "ltr"), ("ru", "ru", "ltr")],
)
def test_each_language_sets_lang_and_direction(client, english_home, code, lang, direction):
    translate(english_home, code, slug=f"home-{code}")
    html = client.get(f"/{code}/").content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_language_bar_lists_the_six_languages_in_un_order_each_in_its_own_script(
    client, english_home
):
    links = language_bar(client.get("/en/").content.decode())
    assert [name for _url, _lang, name in links] == UN_ORDER
    assert [lang for _url, lang, _name in links] == ["ar", "zh-Hans", "en", "fr", "ru", "es"]


def test_language_bar_leads_to_the_same_page_or_that_languages_home(client, english_home):
    page = StandardPageFactory(parent=english_home, title="About WSIS", slug="about-wsis")
    translate(english_home, "fr", slug="accueil")
    translate(english_home, "es", slug="inicio")
    translate(page, "fr", title="À propos du SMSI", slug="a-propos")
    translate(page, "es", title="Acerca de la CMSI", slug="acerca", publish=False)

    html = client.get("/en/about-wsis/").content.decode()
    links = {lang: url for url, lang, _name in language_bar(html)}
    assert links["fr"] == "/fr/a-propos/"
    # The Spanish translation is a draft: Spanish readers land on their home page instead.
    assert links["es"] == "/es/"
    assert links["en"] == "/en/about-wsis/"
    assert 'aria-current="true">English<' in html


def test_hreflang_alternates_cover_live_translations_self_and_x_default(client, english_home):
    page = StandardPageFactory(parent=english_home, title="About WSIS", slug="about-wsis")
    translate(english_home, "fr", slug="accueil")
    translate(english_home, "ru", slug="home-ru")
    translate(page, "fr", title="À propos du SMSI", slug="a-propos")
    translate(page, "ru", title="О ВВУИО", slug="about-wsis", publish=False)

    html = client.get("/fr/a-propos/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/en/about-wsis/",
        "fr": "http://testserver/fr/a-propos/",
        "x-default": "http://testserver/en/about-wsis/",
    }


def test_french_page_is_served_in_french(client, english_home):
    translate(
        english_home, "fr", slug="accueil", title="Sommet mondial sur la société de l'information"
    )
    html = client.get("/fr/").content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Sommet mondial sur la société de l&#x27;information" in html
    assert "Aller au contenu principal" in html  # the skip link, from the French catalogue


def test_search_page_exists_in_every_language(client, english_home):
    for code in ["ar", "en", "es", "fr", "ru", "zh-hans"]:
        with __import__("django.utils.translation", fromlist=["override"]).override(code):
            url = reverse("search")
        assert url == f"/{code}/search/"
        assert client.get(url).status_code == 200


def test_the_language_bar_and_a_listing_read_the_pages_versions_once(client, english_home):
    """A section's language bar and its list of subpages both need the section's translations:
    one query serves both (home.languages.versions_and_homes)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    section = StandardPageFactory(parent=english_home, title="Stocktaking", slug="stocktaking")
    StandardPageFactory(parent=section, title="Database", slug="database")
    translate(english_home, "fr", slug="accueil")
    translate(section, "fr", title="Inventaire", slug="inventaire")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/fr/inventaire/").content.decode()
    assert "Database" in html
    assert {lang: url for url, lang, _name in language_bar(html)}["en"] == "/en/stocktaking/"
    # As SQLite (hex) and PostgreSQL (with dashes) write the key.
    keys = {section.translation_key.hex, str(section.translation_key)}
    reads = [q["sql"] for q in queries if any(key in q["sql"] for key in keys)]
    assert len(reads) == 1, reads


def test_a_home_pages_language_bar_needs_no_query_of_its_own(client, english_home):
    """Routing fetched the home pages of every language: they are a home page's versions."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    translate(english_home, "fr", slug="accueil")
    translate(english_home, "es", slug="inicio", publish=False)
    client.get("/fr/")  # Wagtail's site root paths (its own cache) are read
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/fr/").content.decode()
    links = {lang: url for url, lang, _name in language_bar(html)}
    assert (links["en"], links["fr"], links["es"]) == ("/en/", "/fr/", "/es/")
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)
    assert alternates == ["en", "x-default", "fr"]  # not the Spanish draft
    keys = {english_home.translation_key.hex, str(english_home.translation_key)}
    reads = [q["sql"] for q in queries if any(key in q["sql"] for key in keys)]
    assert len(reads) == 1, reads  # routing's
