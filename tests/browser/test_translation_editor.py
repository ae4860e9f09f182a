"""wagtail-localize's translation editor, whole, as a translator meets it: axe-core finds no
serious or critical violation, with the admin in English (a French translation) and in Arabic
(right to left, an Arabic translation); the PO-file upload input carries a name in the
translator's language."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import run_on_site, serious_violations
from tests.browser.test_translation_workflow import PASSWORD, log_in

TRANSLATORS = f"""
import json
from django.contrib.auth.models import Group, User
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from events.models import EventPage
event = EventPage.objects.get(slug="wsis-forum-2017", locale__language_code="en")
found = {{}}
for name, group, code in [
    ("editor-fr", "Translators (Français)", "fr"),
    ("editor-ar", "Translators (عربي)", "ar"),
]:
    user, _ = User.objects.get_or_create(username=name, defaults={{"email": name + "@itu.int"}})
    user.set_password("{PASSWORD}")
    user.save()
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en" if code == "fr" else code
    profile.save()
    found[code] = event.get_translation(Locale.objects.get(language_code=code)).id
print(json.dumps(found))
"""


@pytest.mark.parametrize(
    ("username", "language", "admin_lang", "direction", "upload_name"),
    [
        ("editor-fr", "fr", "en", "ltr", "Upload PO file"),
        ("editor-ar", "ar", "ar", "rtl", "رفع ملف PO"),
    ],
)
def test_the_whole_translation_editor_has_no_serious_axe_violation(
    page, site_url, axe_script, username, language, admin_lang, direction, upload_name
):
    translation_ids = json.loads(run_on_site(TRANSLATORS).splitlines()[-1])
    log_in(page, site_url, username)
    page.goto(f"{site_url}/admin/pages/{translation_ids[language]}/edit/")
    # wagtail-localize's React editor has mounted: its segments are listed.
    expect(page.locator(".js-translation-editor li").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", direction)
    assert page.locator("html").get_attribute("lang").lower().startswith(admin_lang)
    # One hidden upload input per tab of the editor (the inactive tabs' have no accessible
    # name while hidden), each clicked by a visible button.
    uploads = page.locator(".js-translation-editor input[type=file]")
    expect(uploads.first).to_have_accessible_name(upload_name)
    for upload in uploads.all():
        expect(upload).to_have_attribute("aria-label", upload_name)
        expect(upload).to_have_attribute("tabindex", "-1")
    assert serious_violations(page, axe_script) == []
