"""What a browser and a link preview see (issue 20, items 1 and 5): a page's Open Graph image
answers 200 and is its listing image; public pages and admin screens run under the site's
Content-Security-Policy (enforced, and report-only in the admin) without a single violation."""

import json
import re

from playwright.sync_api import expect

from tests.browser.conftest import ADMIN_PASSWORD, run_on_site

SET_LISTING_IMAGE = """
from wagtail.images.models import Image
from events.models import EventPage
image = Image.objects.order_by("pk").first()
forum = EventPage.objects.get(slug="wsis-forum-2017", locale__language_code="en")
for event in EventPage.objects.filter(translation_key=forum.translation_key):
    event.listing_image = image  # synchronised across the language versions
    event.save_revision().publish()
arabic = EventPage.objects.get(translation_key=forum.translation_key, locale__language_code="ar")
print(image.pk, arabic.get_url())
"""

RENDITION_OF = """
from wagtail.images.models import Rendition
print(Rendition.objects.get(file=%r).image_id)
"""


def collect_violations(page):
    """CSP violations, as the page's own securitypolicyviolation events and console errors."""
    found = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and found.append(message.text),
    )
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
        "e.violatedDirective + ' ' + e.blockedURI));"
    )
    return found


def violations(page, console):
    return console + page.evaluate("window.__csp")


def test_the_open_graph_image_answers_and_is_the_listing_image(browser, site_url):
    image_id, arabic_url = run_on_site(SET_LISTING_IMAGE).split()
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + arabic_url)
    og_image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert og_image.startswith(site_url + "/")
    expect(page.locator('meta[property="og:locale"]')).to_have_attribute("content", "ar_AR")
    expect(page.locator('link[rel="canonical"]')).to_have_attribute("href", page.url)
    response = page.request.get(og_image)
    assert response.status == 200
    assert response.headers["content-type"] == "image/jpeg"
    path = og_image.removeprefix(site_url + "/media/")
    assert run_on_site(RENDITION_OF % path).strip() == image_id
    # The event's JSON-LD names the same image.
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["image"] == [og_image]
    context.close()


def test_public_pages_obey_a_strict_policy_without_violation(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    console = collect_violations(page)
    for path in ["/en/", "/ar/", "/en/events/", "/en/stocktaking/", "/en/search/?q=WSIS"]:
        response = page.goto(site_url + path)
        # (With DEBUG on, django-csp leaves 404 and 500 pages without a policy.)
        assert response.status == 200, path
        policy = response.all_headers()["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "permissions-policy" in response.all_headers()
        assert violations(page, console) == [], path
    # The home page's JSON-LD is data: the strict policy reports no violation for it, and the
    # browser still reads it.
    page.goto(site_url + "/en/")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data
    assert violations(page, console) == []
    context.close()


def test_an_inline_script_is_refused_on_a_public_page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    console = collect_violations(page)
    page.goto(site_url + "/en/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in violations(page, console))
    context.close()


def test_admin_screens_report_no_violation(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console = collect_violations(page)
    page.goto(f"{site_url}/admin/")
    page.get_by_label(re.compile("Username", re.I)).fill("admin")
    page.get_by_label(re.compile("Password", re.I)).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(f"{site_url}/admin/")
    screens = ["/admin/", "/admin/pages/", "/admin/images/", "/admin/snippets/"]
    for path in screens:
        response = page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert "content-security-policy-report-only" in response.all_headers(), path
        assert "content-security-policy" not in response.all_headers(), path
        assert violations(page, console) == [], path
    # A page's editor, with its live preview panel.
    about = run_on_site(
        "from wagtail.models import Page\n"
        "print(Page.objects.get(slug='about-wsis', locale__language_code='en').id)"
    ).splitlines()[-1]
    page.goto(f"{site_url}/admin/pages/{about}/edit/")
    expect(page.get_by_role("heading", name=re.compile("About WSIS"))).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == []
    context.close()
