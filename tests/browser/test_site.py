"""What a person does on the site, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ADMIN_PASSWORD, serious_violations


def test_english_home_page(page, site_url):
    page.goto(f"{site_url}/en/")
    expect(page).to_have_title(re.compile("World Summit on the Information Society"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "World Summit on the Information Society"
    )
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("WSIS Stocktaking")
    expect(page.get_by_role("heading", name="Call for action")).to_be_visible()


def test_root_address_sends_a_french_browser_to_french(browser, site_url):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{site_url}/")
    expect(page).to_have_url(f"{site_url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    context.close()


def test_arabic_home_page_is_right_to_left(page, site_url):
    page.goto(f"{site_url}/ar/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Laid out from the right: the brand sits at the right-hand edge, the search at the left.
    brand = page.locator(".site-brand").bounding_box()
    search = page.locator(".site-search").bounding_box()
    assert brand["x"] > search["x"]
    expect(page.get_by_role("heading", level=1)).to_have_text("القمة العالمية لمجتمع المعلومات")


def test_language_bar_leads_to_the_same_page_in_french(page, site_url):
    page.goto(f"{site_url}/en/prizes/")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Français").click()
    expect(page).to_have_url(f"{site_url}/fr/prix/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Prix du SMSI")


def test_skip_link_moves_focus_to_the_main_content(page, site_url):
    page.goto(f"{site_url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main-content$"))


def test_a_visitor_searches_in_spanish(page, site_url):
    page.goto(f"{site_url}/es/")
    page.get_by_role("searchbox").first.fill("Premios")
    page.get_by_role("search").first.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/es/search/\?q=Premios"))
    expect(page.locator(".search-results")).to_contain_text("Premios de la CMSI")


def test_an_editor_logs_in_and_opens_the_page_tree(page, site_url):
    page.goto(f"{site_url}/admin/")
    page.get_by_label(re.compile("Username", re.I)).fill("admin")
    page.get_by_label(re.compile("Password", re.I)).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(f"{site_url}/admin/")
    page.goto(f"{site_url}/admin/pages/")
    page.get_by_role(
        "link", name="Explore child pages of 'World Summit on the Information Society'"
    ).first.click()
    expect(page.get_by_role("link", name=re.compile("^About WSIS")).first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^WSIS Stocktaking")).first).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_home_page_has_no_serious_accessibility_violation(page, site_url, axe_script, language):
    page.goto(f"{site_url}/{language}/")
    assert serious_violations(page, axe_script) == []
