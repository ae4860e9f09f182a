"""A reader of French, Arabic or Chinese clicks "Register" on an event page and lands on the
registration form in their own language, not the English one.

The demo's registrations have closed by the demo's dates, so the test builds its own event
(with tests/factories), open for registration, with a registration form, both translated
through wagtail-localize as a translator would."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import run_on_site

# What the translators wrote, per language: the event, the form and its fields, the slugs.
WORDS = {
    "fr": {
        "Geneva ICT Week": "Semaine des TIC de Genève",
        "geneva-ict-week": "semaine-des-tic-de-geneve",
        "Register for the Geneva ICT Week": "Inscription à la Semaine des TIC de Genève",
        "register": "inscription",
        "Full name": "Nom complet",
        "E-mail": "Courriel",
    },
    "ar": {
        "Geneva ICT Week": "أسبوع جنيف لتكنولوجيا المعلومات والاتصالات",
        "geneva-ict-week": "geneva-ict-week-ar",
        "Register for the Geneva ICT Week": "التسجيل في أسبوع جنيف لتكنولوجيا المعلومات والاتصالات",
        "register": "register-ar",
        "Full name": "الاسم الكامل",
        "E-mail": "البريد الإلكتروني",
    },
    "zh-hans": {
        "Geneva ICT Week": "日内瓦信通技术周",
        "geneva-ict-week": "geneva-ict-week-zh",
        "Register for the Geneva ICT Week": "报名参加日内瓦信通技术周",
        "register": "register-zh",
        "Full name": "全名",
        "E-mail": "电子邮件",
    },
}

BUILD = f"""
import datetime, json
from django.utils import timezone
from events.models import EventIndexPage
from tests.conftest import localize
from tests.factories import CallPageFactory, EventPageFactory, add_form_fields
WORDS = {json.dumps(WORDS, ensure_ascii=False)}
today = timezone.localdate()
index = EventIndexPage.objects.get(locale__language_code="en")
event = EventPageFactory(
    parent=index,
    title="Geneva ICT Week",
    slug="geneva-ict-week",
    start_date=today + datetime.timedelta(days=40),
    end_date=today + datetime.timedelta(days=42),
)
form = add_form_fields(
    CallPageFactory(
        parent=event,
        title="Register for the Geneva ICT Week",
        slug="register",
        kind="registration",
        closes_on=today + datetime.timedelta(days=30),
    ),
    ("Full name", "singleline", True),
    ("E-mail", "email", True),
)
event.registration_page = form
event.save_revision().publish()
urls = {{}}
for code, words in WORDS.items():
    for page in (event, form):
        localize(page, code, texts=lambda text, words=words: words.get(text, text))
    translated = form.get_translations().get(locale__language_code=code)
    urls[code] = [event.get_translations().get(locale__language_code=code).url, translated.url]
print(json.dumps(urls))
"""

REGISTER = {"fr": "S’inscrire", "ar": "التسجيل", "zh-hans": "注册"}
SUBMIT = {"fr": "Envoyer", "ar": "إرسال", "zh-hans": "提交"}
HTML_LANG = {"fr": "fr", "ar": "ar", "zh-hans": "zh-Hans"}


@pytest.fixture(scope="module")
def translated_event(site_url):
    """{language: [event URL, registration form URL]}, built once for the three languages."""
    return json.loads(run_on_site(BUILD).splitlines()[-1])


@pytest.mark.parametrize("language", ["fr", "ar", "zh-hans"])
def test_register_opens_the_registration_form_in_the_readers_language(
    page, site_url, translated_event, language
):
    event_url, form_url = translated_event[language]
    assert event_url.startswith(f"/{language}/") and form_url.startswith(f"/{language}/")
    page.goto(site_url + event_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(WORDS[language]["Geneva ICT Week"])
    page.get_by_role("main").get_by_role("link", name=REGISTER[language], exact=True).click()

    expect(page).to_have_url(site_url + form_url)
    expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[language])
    expect(page.get_by_role("heading", level=1)).to_have_text(
        WORDS[language]["Register for the Geneva ICT Week"]
    )
    form = page.locator("form.call-form")
    expect(form.get_by_label(re.compile(WORDS[language]["Full name"]))).to_be_visible()
    expect(form.get_by_label(re.compile(WORDS[language]["E-mail"]))).to_be_visible()
    expect(form.get_by_role("button", name=SUBMIT[language])).to_be_visible()
