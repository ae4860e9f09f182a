"""A failed submission in a real browser: the error summary takes the focus, its links lead to
the fields, the title says "Error", what was typed stays; in English and in Arabic."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import serious_violations
from tests.browser.test_calls import fill_contact


def test_a_failed_submission_focuses_the_summary_whose_links_lead_to_the_fields(
    page, site_url, axe_script
):
    page.goto(f"{site_url}/en/calls/ehealth-projects-repository/")
    page.locator("input[name=full_name]").fill("Ada Lovelace")
    page.locator("input[name=e_mail]").fill("not an address")
    page.wait_for_timeout(3200)  # slower than the spam guard's minimum
    page.get_by_role("button", name="Submit").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    e_mail = page.locator("input[name=e_mail]")
    expect(e_mail).to_have_value("not an address")
    expect(e_mail).to_have_attribute("aria-invalid", "true")
    expect(page.locator("input[name=full_name]")).to_have_value("Ada Lovelace")
    # The link to the e-mail field moves the focus to it, which is described by its error.
    summary.get_by_role("link", name=re.compile("E-mail")).first.click()
    expect(e_mail).to_be_focused()
    described_by = e_mail.get_attribute("aria-describedby").split()
    expect(page.locator(f"#{described_by[0]}")).to_contain_text("valid")
    assert serious_violations(page, axe_script) == []


def test_a_form_sent_too_fast_says_why_in_arabic_and_keeps_the_answers(page, site_url):
    page.goto(f"{site_url}/en/calls/partnership-enquiry/")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="عربي").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    fill_contact(page)
    page.locator("textarea").first.fill("شريك استراتيجي")
    page.locator("input[type=checkbox]").check()
    page.locator("form.call-form button[type=submit]").click()  # at once: faster than a person
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("أسرع مما يستطيع شخص")
    expect(page).to_have_title(re.compile(r"^خطأ: "))
    expect(page.locator("input[name=full_name]")).to_have_value("Ada Lovelace")
