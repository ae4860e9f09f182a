"""Search, sitemap, robots.txt, health check and error pages."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests.conftest import as_committed, make_english_home, read_again, shared_data, translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    """The home page and a page under it, in English and French, indexed for search: built
    once, as each test only reads them or changes them and is rolled back."""
    with shared_data(django_db_blocker):
        english_home = make_english_home()
        with as_committed():
            page = StandardPageFactory(
                parent=english_home,
                title="WSIS Stocktaking",
                slug="stocktaking",
                introduction="Projects that implement the WSIS Action Lines.",
                listing_summary="A database of ICT projects.",
            )
            translate(english_home, "fr", slug="accueil")
            translate(
                page,
                "fr",
                title="Inventaire du SMSI",
                slug="inventaire",
                listing_summary="Une base de données de projets.",
            )
        yield {"english_home": english_home, "stocktaking": page}


english_home, stocktaking = read_again("shared_site", "english_home", "stocktaking")


def results(html):
    return html.split('role="search" action')[-1].split("</main>")[0]


def test_search_finds_pages_in_the_readers_language_only(client, stocktaking):
    # Words that no search engine drops as stop words ("about" is one for PostgreSQL).
    html = client.get("/en/search/", {"q": "Stocktaking"}).content.decode()
    assert '<a href="/en/stocktaking/">WSIS <mark>Stocktaking</mark></a>' in html, results(html)
    assert "Inventaire" not in results(html)

    html = client.get("/fr/search/", {"q": "inventaire"}).content.decode()
    assert '<a href="/fr/inventaire/"><mark>Inventaire</mark> du SMSI</a>' in html, results(html)
    assert "1 résultat" in html


def test_search_leaves_out_drafts_and_private_pages(client, stocktaking):
    draft = StandardPageFactory(
        parent=stocktaking.get_parent(), title="Stocktaking draft", slug="draft", live=False
    )
    draft.save()
    PageViewRestriction.objects.create(page=stocktaking, restriction_type="login")
    html = results(client.get("/en/search/", {"q": "Stocktaking"}).content.decode())
    assert "WSIS Stocktaking" not in html and "Stocktaking draft" not in html
    assert "0 results" in html


def test_search_without_words_shows_the_form_only(client, english_home):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'id="search-page-q"' in response.content.decode()
    assert "result" not in response.content.decode().split("</form>")[1].split("</main>")[0]


def test_search_survives_odd_input(client, stocktaking):
    assert client.get("/en/search/", {"q": "x" * 5000}).status_code == 200
    assert client.get("/en/search/", {"q": "Stocktaking", "page": "abc"}).status_code == 200
    assert client.get("/en/search/", {"q": "Stocktaking", "page": "999"}).status_code == 200
    assert client.post("/en/search/", {"q": "Stocktaking"}).status_code == 405


def test_sitemap_lists_every_language_with_alternates(client, stocktaking):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", ns).text: url for url in tree.findall("s:url", ns)}
    assert set(urls) == {
        "http://localhost/en/",
        "http://localhost/fr/",
        "http://localhost/en/stocktaking/",
        "http://localhost/fr/inventaire/",
    }
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://localhost/fr/inventaire/"].findall("x:link", ns)
    }
    assert alternates == {
        "en": "http://localhost/en/stocktaking/",
        "fr": "http://localhost/fr/inventaire/",
        "x-default": "http://localhost/en/stocktaking/",
    }


def test_sitemap_leaves_out_drafts_and_private_pages(client, stocktaking):
    StandardPageFactory(parent=stocktaking.get_parent(), title="Draft", slug="draft", live=False)
    PageViewRestriction.objects.create(page=stocktaking, restriction_type="login")
    content = client.get("/sitemap.xml").content.decode()
    assert "/en/draft/" not in content
    assert "/en/stocktaking/" not in content


def test_robots_txt_points_to_the_sitemap(client, english_home):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_health_check_reports_each_dependency(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok", report
    assert set(report["checks"]) == {
        "database",
        "cache",
        "storage",
        "private_storage",
        "tasks",
        "outbox",
    }
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("en", "Page not found"),
        ("fr", "Page introuvable"),
        ("ar", 'dir="rtl"'),
        ("zh-hans", 'lang="zh-Hans"'),
    ],
)
def test_page_not_found_speaks_the_visitors_language(client, english_home, code, message):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    assert message in response.content.decode()
    assert response.content.decode().count("<main") == 1


def test_server_error_page_needs_no_database_and_speaks_the_language(django_assert_num_queries):
    from django.utils import translation

    from home.views import server_error

    with translation.override("ru"), django_assert_num_queries(0):
        response = server_error(None)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ru" dir="ltr">' in html
    assert re.search(r"<h1>[А-Яа-я ]+</h1>", html)


def test_the_project_routes_errors_to_these_views():
    from wsis_site import urls

    assert urls.handler404 == "home.views.page_not_found"
    assert urls.handler500 == "home.views.server_error"
