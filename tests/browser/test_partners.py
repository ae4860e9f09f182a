"""A visitor and the partnership tiers, in a real browser."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import serious_violations

PARTNERS_PAGE = "/events/wsis-10-high-level-event/partners/"


def test_a_russian_visitor_follows_an_available_tier_to_the_enquiry_form(page, site_url):
    page.goto(f"{site_url}/ru{PARTNERS_PAGE}")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    tiers = page.locator("li.tier")
    expect(tiers).to_have_count(4)
    held = tiers.filter(has=page.get_by_alt_text("Intel Corporation"))
    expect(held).not_to_contain_text("Доступно")
    available = tiers.filter(has_text="Доступно").first
    available.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/ru/calls/partnership-enquiry/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("form.call-form")).to_be_visible()


def test_partners_page_is_accessible_in_english_and_arabic(page, site_url, axe_script):
    for language in ("en", "ar"):
        page.goto(f"{site_url}/{language}{PARTNERS_PAGE}")
        expect(page.locator("li.tier").first).to_be_visible()
        assert serious_violations(page, axe_script) == [], language
