"""Every reader sees the whole site: a listing in a language shows the pages translated into
it in that language and every other page in the language it exists in, marked with `lang` and
a visible "in English" in the reader's language (home.localized)."""

import datetime
import re

import pytest
from django.utils import translation

from events.models import EventPage
from home import localized
from tests.conftest import as_committed, shared_data, translate
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """English home, calendar, calls index and a section, translated into French; three
    events, calls and subpages each, one of them translated."""
    from tests.conftest import make_english_home

    with shared_data(django_db_blocker):
        with as_committed():
            home = make_english_home()
            french_home = translate(home, "fr", title="Sommet mondial", slug="accueil")
            calendar = EventIndexPageFactory(parent=home)
            french_calendar = translate(calendar, "fr", title="Calendrier", slug="evenements")
            forum = EventPageFactory(
                parent=calendar,
                title="WSIS Forum 2017",
                slug="forum",
                start_date=days(30),
                end_date=days(34),
            )
            translate(forum, "fr", title="Forum du SMSI 2017", slug="forum", summary="Un forum.")
            EventPageFactory(
                parent=calendar,
                title="Hack for Health",
                slug="hack",
                start_date=days(20),
                end_date=days(21),
                summary="A hackathon.",
            )
            draft_only = EventPageFactory(
                parent=calendar,
                title="TEDxGeneva",
                slug="tedx",
                start_date=days(40),
                end_date=days(40),
            )
            # A French draft must not hide the live English original.
            translate(draft_only, "fr", publish=False, title="TEDxGenève (brouillon)", slug="tedx")
            unpublished = EventPageFactory(
                parent=calendar,
                title="Withdrawn event",
                slug="withdrawn",
                start_date=days(50),
                end_date=days(50),
            )
            unpublished.unpublish()

            calls = CallIndexPageFactory(parent=home)
            french_calls = translate(calls, "fr", title="Appels", slug="appels")
            stocktaking = CallPageFactory(
                parent=calls, title="Stocktaking call", slug="stocktaking", closes_on=days(10)
            )
            translate(stocktaking, "fr", title="Appel de l'inventaire", slug="inventaire")
            CallPageFactory(parent=calls, title="Photo call", slug="photo", closes_on=days(20))

            section = StandardPageFactory(parent=home, title="Prizes", slug="prizes")
            french_section = translate(section, "fr", title="Prix", slug="prix")
            year = StandardPageFactory(parent=section, title="WSIS Prizes 2016", slug="p2016")
            translate(year, "fr", title="Prix du SMSI 2016", slug="p2016")
            StandardPageFactory(parent=section, title="WSIS Prizes 2017", slug="p2017")
        yield {
            "home": home,
            "french_home": french_home,
            "french_calendar": french_calendar,
            "calendar": calendar,
            "french_calls": french_calls,
            "french_section": french_section,
        }


def listing_links(html):
    """(text, lang attribute or None, label after it) of each listing link."""
    return re.findall(
        r'<a href="[^"]+"(?: lang="([^"]+)" dir="[a-z]+")?>([^<]+)</a>'
        r'(?: <span class="in-language" lang="fr" dir="ltr">\(([^)]+)\)</span>)?',
        html,
    )


def test_the_french_calendar_lists_every_event_in_french_where_translated(client, site):
    html = client.get(site["french_calendar"].url).content.decode()
    links = listing_links(html.split('class="event-list')[1])
    assert ("", "Forum du SMSI 2017", "") in links
    assert ("en", "Hack for Health", "en anglais") in links
    assert ("en", "TEDxGeneva", "en anglais") in links
    assert "WSIS Forum 2017" not in html  # the translation replaces the original
    assert "brouillon" not in html and "Withdrawn event" not in html
    # The untranslated event leads to its English page; its summary is marked English too.
    assert 'href="/en/events/hack/"' in html
    assert '<p lang="en" dir="ltr">A hackathon.</p>' in html


def test_the_english_calendar_is_unchanged(client, site):
    html = client.get(site["calendar"].url).content.decode()
    assert "in-language" not in html
    assert {"WSIS Forum 2017", "Hack for Health", "TEDxGeneva"} <= set(
        text for _lang, text, _label in listing_links(html)
    )
    assert "Forum du SMSI" not in html


def test_the_french_calls_index_lists_untranslated_calls_in_english(client, site):
    html = client.get(site["french_calls"].url).content.decode()
    links = listing_links(html)
    assert ("", "Appel de l'inventaire", "") in links or (
        "",
        "Appel de l&#x27;inventaire",
        "",
    ) in links
    assert ("en", "Photo call", "en anglais") in links
    assert "Stocktaking call" not in html


def test_a_french_section_lists_untranslated_subpages_in_english(client, site):
    html = client.get(site["french_section"].url).content.decode()
    nav = html.split('id="subpages-heading"')[1].split("</nav>")[0]
    links = listing_links(nav)
    assert links == [("", "Prix du SMSI 2016", ""), ("en", "WSIS Prizes 2017", "en anglais")]


def test_for_reader_prefers_the_readers_language_then_the_source(site):
    calendar = site["calendar"]
    with translation.override("ru"):
        titles = {
            e.title: e.shown_language for e in localized.children_for_reader(calendar, EventPage)
        }
    assert titles == {"WSIS Forum 2017": "en", "Hack for Health": "en", "TEDxGeneva": "en"}
    # A page that exists only in French is shown in French to a Russian reader.
    with translation.override("ru"):
        pages = localized.for_reader(EventPage.objects.filter(locale__language_code="fr").live())
        assert [(p.title, p.shown_language) for p in pages] == [("Forum du SMSI 2017", "fr")]


def test_the_label_is_in_the_readers_language(site):
    with translation.override("ar"):
        assert localized.in_language_label("en") == "بالإنكليزية"
    with translation.override("zh-hans"):
        assert localized.in_language_label("fr") == "法文"


def test_menu_and_home_sections_mark_links_to_pages_not_in_the_readers_language(client, site):
    from wagtail.models import Site

    from home.models import SiteSettings

    calendar = site["calendar"]
    hack = EventPage.objects.get(slug="hack", locale__language_code="en")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.navigation = [
        ("link", {"page": calendar, "label": "", "url": ""}),
        ("link", {"page": hack, "label": "", "url": ""}),
    ]
    settings.save()
    french_home = site["french_home"]
    french_home.body = [
        (
            "call_to_action",
            {
                "heading": "Participez",
                "links": [{"page": hack, "label": "Inscrivez votre équipe", "url": ""}],
            },
        )
    ]
    french_home.save_revision().publish()
    html = client.get(french_home.url).content.decode()
    nav = html.split('class="main-nav"')[1].split("</nav>")[0]
    # The calendar is translated: its French title, no mark.
    assert '<a href="/fr/evenements/">Calendrier</a>' in nav
    # The event is not: its English title, marked English, and said so in French.
    assert (
        '<a href="/en/events/hack/" hreflang="en" lang="en" dir="ltr">Hack for Health</a>'
        ' <span class="in-language" lang="fr" dir="ltr">(en anglais)</span>'
    ) in nav
    # Words written in French for an English page: hreflang and the label, no lang="en".
    assert (
        '<a href="/en/events/hack/" hreflang="en">Inscrivez votre équipe</a>'
        ' <span class="in-language" lang="fr" dir="ltr">(en anglais)</span>'
    ) in html


def test_search_in_french_finds_untranslated_pages_marked_english(client, site):
    html = client.get("/fr/search/", {"q": "Hack"}).content.decode()
    assert (
        '<a href="/en/events/hack/" lang="en" dir="ltr"><mark>Hack</mark> for Health</a>'
        ' <span class="in-language" lang="fr" dir="ltr">(en anglais)</span>'
    ) in html
    # A translated page is found once, in French.
    html = client.get("/fr/search/", {"q": "Forum"}).content.decode()
    assert "<mark>Forum</mark> du SMSI 2017" in html and "WSIS <mark>Forum</mark> 2017" not in html


def test_rich_text_page_links_lead_to_the_readers_language_or_say_they_do_not(client, site):
    from wagtail.rich_text import expand_db_html

    forum = EventPage.objects.get(slug="forum", locale__language_code="en")
    hack = EventPage.objects.get(slug="hack", locale__language_code="en")
    html = f'<p><a linktype="page" id="{forum.pk}">Forum</a> <a linktype="page" id="{hack.pk}">Hack</a> <a linktype="page" id="999999">gone</a></p>'  # noqa: E501
    with translation.override("fr"):
        expanded = expand_db_html(html)
    assert '<a href="/fr/evenements/forum/">Forum</a>' in expanded
    assert (
        '<a href="/en/events/hack/" hreflang="en" data-in-language="(en anglais)">Hack</a>'
        in expanded
    )
    assert "<a>gone</a>" in expanded
    with translation.override("en"):
        assert '<a href="/en/events/forum/">Forum</a>' in expand_db_html(html)
