"""Submitting to calls and reviewing submissions, in a real browser."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import ADMIN_PASSWORD, serious_violations


def fill_contact(page, name="Ada Lovelace", email="ada@example.org"):
    # Field names are the same in every language; their labels are translated.
    page.locator("input[name=full_name]").fill(name)
    page.locator("input[name=e_mail]").fill(email)
    page.locator("input[name=organisation]").fill("University of Geneva")
    page.locator("select[name=country]").select_option("CH")
    page.locator("select[name=stakeholder_type]").select_option("academia")


def test_a_visitor_submits_a_project_with_a_file_and_a_reviewer_accepts_it(
    page, site_url, tmp_path
):
    report = tmp_path / "evaluation.pdf"
    report.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.goto(f"{site_url}/en/calls/ehealth-projects-repository/")
    fill_contact(page)
    page.locator("textarea[name=project_description]").fill(
        "A telemedicine network for rural clinics."
    )
    page.locator("input[name=evaluation_report]").set_input_files(str(report))
    page.locator("input[type=checkbox]").check()
    page.wait_for_timeout(3200)  # people take more than three seconds; the spam guard knows it
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")

    page.goto(f"{site_url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill("admin")
    page.get_by_label(re.compile("Password", re.I)).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.goto(f"{site_url}/admin/forms/")
    page.get_by_role("link", name=re.compile("Call for eHealth projects")).first.click()
    expect(page.get_by_text("ada@example.org")).to_be_visible()
    page.get_by_role("link", name="Review").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="evaluation.pdf").click()
    assert download_info.value.suggested_filename == "evaluation.pdf"
    page.get_by_label("Review status").select_option("accepted")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("Review saved: Accepted.")).to_be_visible()


def test_a_spanish_visitor_sends_a_partnership_enquiry(page, site_url):
    page.goto(f"{site_url}/en/calls/partnership-enquiry/")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    fill_contact(page, email="cto@example.org")
    page.locator("textarea").first.fill("Socio estratégico: Platino")
    page.locator("input[type=checkbox]").check()
    page.wait_for_timeout(3200)
    page.locator("form.call-form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gracias")


def test_a_late_visitor_sees_why_a_call_is_closed_and_no_form(page, site_url, axe_script):
    page.goto(f"{site_url}/en/calls/itu-strategic-plan-2016-2019/")
    expect(page.locator(".call-status")).to_contain_text("Closed")
    expect(page.locator("form.call-form")).to_have_count(0)
    assert serious_violations(page, axe_script) == []
