"""A changed English event reaches French readers: the French translator finds it outdated,
syncs and translates it in wagtail-localize's editor, submits it; the French reviewer approves;
a visitor reads the new French text. The translator never gets into the Arabic tree."""

import json
import re

from playwright.sync_api import expect

from tests.browser.conftest import run_on_site, serious_violations

PASSWORD = "translation-workflow-pw"
NEW_SUMMARY = "The Forum adds a day of hackathon finals and ten TEDx talks on the SDGs."
FRENCH_SUMMARY = (
    "Le Forum ajoute une journée de finales du hackathon et dix conférences TEDx sur les ODD."
)

SETUP = f"""
import json
from django.contrib.auth.models import Group, User
from wagtail.models import Page
from events.models import EventPage
for name, group in [
    ("traductrice", "Translators (Français)"),
    ("relectrice", "Language reviewers (Français)"),
    ("mutarjim", "Translators (عربي)"),
]:
    user = User.objects.create_user(name, name + "@itu.int", "{PASSWORD}")
    user.groups.add(Group.objects.get(name=group))
event = EventPage.objects.get(slug="wsis-forum-2017", locale__language_code="en")
event.summary = "{NEW_SUMMARY}"
event.save_revision(user=User.objects.get(username="admin")).publish()
french = event.get_translation(event.locale.__class__.objects.get(language_code="fr"))
arabic = event.get_translation(event.locale.__class__.objects.get(language_code="ar"))
print(json.dumps([french.id, french.url, arabic.get_parent().id, event.title]))
"""


def log_in(page, site_url, username):
    page.context.clear_cookies()
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill(username)
    page.get_by_label(re.compile("Password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile("/admin/$"))


def test_a_changed_event_is_translated_reviewed_and_published_in_french(page, site_url, axe_script):
    french_id, french_url, arabic_parent, title = json.loads(run_on_site(SETUP).splitlines()[-1])

    log_in(page, site_url, "traductrice")
    page.goto(f"{site_url}/admin/translation-status/")
    # The French translator lands on the French column only.
    expect(page.locator('td[data-language="fr"]').first).to_be_visible()
    expect(page.locator('td[data-language="ar"]')).to_have_count(0)
    assert serious_violations(page, axe_script, "main") == []
    page.get_by_label("State").select_option("outdated")
    page.get_by_role("button", name="Filter").click()
    row = page.get_by_role("row").filter(has_text=title).first
    row.get_by_role("link", name="Outdated").click()
    page.get_by_role("button", name="Submit").click()  # sync: the new text arrives

    page.goto(f"{site_url}/admin/pages/{french_id}/edit/")
    # What changed: the previous English, the change, and the French she had written.
    changed = page.locator("#what-changed")
    expect(changed).to_be_visible()
    expect(changed.locator("ins").first).to_be_visible()
    expect(changed.locator("td[lang=fr]").first).not_to_be_empty()
    # The whole editor: our panel and wagtail-localize's (its contrast and its unnamed upload
    # input mended by translations/static/translations/translation-editor.*).
    assert serious_violations(page, axe_script) == []
    segment = page.locator("li.incomplete").filter(has_text=NEW_SUMMARY)
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(FRENCH_SUMMARY)
    segment.get_by_role("button", name="Save").click()
    expect(page.locator("li.complete").filter(has_text=FRENCH_SUMMARY)).to_be_visible()
    page.reload()
    page.get_by_role("button", name=re.compile("Submit to “Translation review")).click()
    expect(page.get_by_text(re.compile("Its reviewers have been told"))).to_be_visible()

    # The French sync did not bring the Arabic translation up to date.
    log_in(page, site_url, "mutarjim")
    page.goto(f"{site_url}/admin/translation-status/")
    arabic_cell = (
        page.get_by_role("row").filter(has_text=title).first.locator("td[data-language=ar]")
    )
    expect(arabic_cell).to_have_attribute("data-state", "outdated")

    # Until approved, visitors read the French text they had.
    page.context.clear_cookies()
    page.goto(f"{site_url}{french_url}")
    expect(page.locator("main")).not_to_contain_text(FRENCH_SUMMARY)

    # The translator cannot open the Arabic tree.
    log_in(page, site_url, "traductrice")
    page.goto(f"{site_url}/admin/pages/{arabic_parent}/")
    expect(page).not_to_have_url(re.compile(f"/admin/pages/{arabic_parent}/$"))

    log_in(page, site_url, "relectrice")
    page.goto(f"{site_url}/admin/pages/{french_id}/edit/")
    page.get_by_role("button", name="Approve and publish").click()

    page.context.clear_cookies()
    page.goto(f"{site_url}{french_url}")
    expect(page.locator("main")).to_contain_text(FRENCH_SUMMARY)
