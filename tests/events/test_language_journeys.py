"""A reader stays in their language from page to page: the Register button, the main event of
a pre-event and its pre-events lead to the translation where one is live, and say so ("en
anglais", `hreflang`) where none is."""

import pytest

from tests.conftest import make_english_home, read_again, shared_data, translate
from tests.events.conftest import days_from_now
from tests.factories import EventIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_trees(django_db_setup, django_db_blocker):
    """The home page and calendar in English, French, Arabic and Chinese, built once: each
    test adds its pages in its own savepoint, rolled back."""
    with shared_data(django_db_blocker):
        english_home = make_english_home()
        calendar_index = EventIndexPageFactory(parent=english_home)
        homes = {"fr": translate(english_home, "fr", slug="accueil")}
        homes["ar"] = translate(english_home, "ar", slug="home-ar")
        homes["zh-hans"] = translate(english_home, "zh-hans", slug="home-zh")
        for code in homes:
            translate(calendar_index, code, slug=f"events-{code}")
        yield {"english_home": english_home, "calendar_index": calendar_index, "homes": homes}


english_home, calendar_index, trees = read_again(
    "shared_trees", "english_home", "calendar_index", trees="homes"
)


def open_event(make_event, **fields):
    return make_event(
        all_day=True, start_date=days_from_now(30), end_date=days_from_now(31), **fields
    )


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "Inscription"), ("ar", "التسجيل"), ("zh-hans", "注册")],
)
def test_register_leads_to_the_translated_registration_page(
    client, english_home, trees, make_event, language, title
):
    registration = StandardPageFactory(parent=english_home, title="Register", slug="register")
    translated_registration = translate(
        registration, language, slug=f"register-{language}", title=title
    )
    event = open_event(make_event, registration_page=registration, slug="forum")
    translated = translate(event, language, slug=f"forum-{language}")
    html = client.get(translated.url).content.decode()
    button = html.split('class="button"')[1].split("</a>")[0]
    assert f'href="{translated_registration.url}"' in button
    assert "in-language" not in button and "hreflang" in button


def test_a_draft_translation_of_the_registration_page_is_not_linked(
    client, english_home, trees, make_event
):
    registration = StandardPageFactory(parent=english_home, title="Register", slug="register")
    translate(registration, "fr", slug="inscription", publish=False)
    event = open_event(make_event, registration_page=registration, slug="forum")
    french = translate(event, "fr", slug="forum-fr")
    button = client.get(french.url).content.decode().split('class="button"')[1].split("</a>")[0]
    assert 'href="/en/register/" hreflang="en"' in button
    assert '<span class="in-language" lang="fr" dir="ltr">(en anglais)</span>' in button


def test_untranslated_registration_says_it_is_in_english_in_arabic(
    client, english_home, trees, make_event
):
    registration = StandardPageFactory(parent=english_home, title="Register", slug="register")
    event = open_event(make_event, registration_page=registration, slug="forum")
    arabic = translate(event, "ar", slug="forum-ar")
    button = client.get(arabic.url).content.decode().split('class="button"')[1].split("</a>")[0]
    assert 'href="/en/register/" hreflang="en"' in button
    assert '<span class="in-language" lang="ar" dir="rtl">(بالإنكليزية)</span>' in button


def test_pre_event_and_main_event_links_stay_in_french(client, english_home, trees, make_event):
    main = open_event(make_event, title="WSIS+10 High-Level Event", slug="hle")
    pre = open_event(make_event, title="WSIS+10 pre-events", slug="pre", main_event=main)
    french_main = translate(main, "fr", slug="hle", title="Manifestation de haut niveau")
    french_pre_html = client.get(translate(pre, "fr", slug="pre", title="Pré-manifestations").url)
    assert (
        f'<a href="{french_main.url}">Manifestation de haut niveau</a>'
        in french_pre_html.content.decode()
    )
    # The main event's French page lists the pre-event in French; an untranslated pre-event
    # of it would be listed in English, marked so.
    open_event(make_event, title="Final Briefing", slug="briefing", main_event=main)
    html = client.get(french_main.url).content.decode()
    assert ">Pré-manifestations</a>" in html
    assert (
        '<a href="/en/events/briefing/" lang="en" dir="ltr">Final Briefing</a>'
        ' <span class="in-language" lang="fr" dir="ltr">(en anglais)</span>'
    ) in html
