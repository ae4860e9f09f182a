"""A reader and the Global Repository and the news, in a real browser."""

import re

import feedparser
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations


def test_a_french_reader_finds_a_report_in_french_and_opens_it(page, site_url):
    page.goto(f"{site_url}/fr/")
    page.get_by_role("navigation", name=re.compile("principal", re.I)).get_by_role(
        "link", name="Répertoire mondial"
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Disponible en").select_option("fr")
    page.get_by_label("Année").select_option("2014")
    page.get_by_role("button", name="Afficher les publications").click()
    expect(page).to_have_url(re.compile(r"language=fr"))
    expect(page.locator(".publication-card")).to_have_count(2)
    page.get_by_role("link", name="Rapport 2014 sur l’inventaire du SMSI").click()
    link = page.get_by_role("link", name="Télécharger en français")
    response = page.request.get(site_url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline; filename=")
    assert response.body().startswith(b"%PDF-")


def test_a_report_that_is_not_in_russian_says_which_languages_exist(page, site_url):
    page.goto(f"{site_url}/ru/publications/regional-stocktaking-africa/")
    expect(page.locator(".notice")).to_contain_text("на русском языке")
    expect(page.locator(".publication-documents li")).to_have_count(2)


def test_repository_and_news_are_accessible_in_english_and_arabic(page, site_url, axe_script):
    for path in ("publications/", "news/", "publications/wsis-stocktaking-report-2013/"):
        for language in ("en", "ar"):
            page.goto(f"{site_url}/{language}/{path}")
            assert serious_violations(page, axe_script) == [], (language, path)


def test_the_spanish_home_page_leads_to_the_news_and_its_feed(page, site_url):
    page.goto(f"{site_url}/es/")
    section = page.locator("section.latest-news")
    expect(section.get_by_role("heading", name="Últimas noticias")).to_be_visible()
    section.get_by_role("link", name="Todas las noticias").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noticias")
    feed_url = page.locator('link[type="application/atom+xml"]').get_attribute("href")
    feed = feedparser.parse(page.request.get(site_url + feed_url).body())
    assert not feed.bozo and len(feed.entries) == 5
