"""The translation status report: one row per translatable page and snippet, one cell per
target language, in a fixed number of queries."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from tests.conftest import localize, make_english_home, shared_data
from tests.factories import PartnerFactory, StandardPageFactory, member_of
from translations import roles
from translations.status import TranslationStatus

pytestmark = pytest.mark.django_db
URL = "/admin/translation-status/"
TARGETS = ["ar", "zh-hans", "fr", "ru", "es"]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Built once for the module (each test's changes are rolled back after it)."""
    with shared_data(django_db_blocker):
        yield make_pages(make_english_home())


def make_pages(english_home):
    """Home translated everywhere; one page per state in French."""
    for code in TARGETS:
        localize(english_home, code)
    made = {
        name: StandardPageFactory(parent=english_home, title=title, slug=name)
        for name, title in [
            ("missing", "Stocktaking"),
            ("progress", "Prizes"),
            ("review", "Forum programme"),
            ("current", "About WSIS"),
            ("outdated", "Action lines"),
        ]
    }
    localize(made["progress"], "fr")
    localize(made["review"], "fr", publish=False)
    localize(made["current"], "fr")
    localize(made["outdated"], "fr")
    call_command("setup_roles", verbosity=0)
    outdated = made["outdated"]
    outdated.title = "WSIS Action Lines"
    outdated.save_revision().publish()
    review = Page.objects.get(
        translation_key=made["review"].translation_key, locale__language_code="fr"
    ).specific
    review.get_workflow().start(review, member_of(roles.translators("Français"), "fr_translator"))
    return made


def french_cells(user):
    rows = TranslationStatus(user, ["fr"]).rows()
    return {row.title: row.cells["fr"] for row in rows}


def test_each_state_is_told_apart(pages, admin_user):
    cells = french_cells(admin_user)
    assert cells["Stocktaking"].state == "missing"
    assert cells["Forum programme"].state == "review"
    assert cells["About WSIS"].state == "up_to_date"
    assert cells["WSIS Action Lines"].state == "outdated"
    assert cells["World Summit on the Information Society"].state == "up_to_date"


def test_in_progress_shows_the_share_of_segments_translated(pages, admin_user):
    from wagtail_localize.models import StringTranslation

    assert french_cells(admin_user)["Prizes"].state == "up_to_date"
    # One segment loses its translation: the French page is no longer complete.
    StringTranslation.objects.filter(locale__language_code="fr", data="Prizes [fr]").delete()
    cell = french_cells(admin_user)["Prizes"]
    assert cell.state == "in_progress"
    assert 0 <= cell.percent < 100


def test_snippets_are_listed_with_pages(pages, admin_user):
    partner = PartnerFactory(name="Ministry of ICT, Mexico")
    localize(partner, "fr")
    cells = french_cells(admin_user)
    assert cells["Ministry of ICT, Mexico"].state == "up_to_date"


def test_a_translator_lands_on_their_language_and_filters_by_state(pages, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator_2"))
    html = client.get(URL).content.decode()
    assert 'data-language="fr"' in html and 'data-language="ar"' not in html
    outdated = client.get(URL, {"state": "outdated"}).content.decode()
    assert "WSIS Action Lines" in outdated and "Stocktaking" not in outdated
    assert "/admin/localize/update/" in outdated  # the place to act: sync
    everything = client.get(URL, {"language": "all"}).content.decode()
    assert 'data-language="ar"' in everything


def test_cells_link_only_where_the_user_may_act(pages, client):
    client.force_login(member_of(roles.translators("عربي"), "ar_translator"))
    html = client.get(URL, {"language": "fr"}).content.decode()
    assert "/admin/localize/update/" not in html
    assert "/admin/localize/submit/" not in html
    arabic = client.get(URL, {"language": "ar"}).content.decode()
    assert "select_locale=ar" in arabic  # "Stocktaking" is missing in Arabic: translate it


def test_anonymous_visitors_are_sent_to_the_login(client, pages):
    assert client.get(URL).status_code == 302


def test_each_cell_says_how_long_it_has_been_in_its_state(pages, admin_client):
    html = admin_client.get(URL, {"language": "fr"}).content.decode()
    row = html[html.index("WSIS Action Lines") :].split("</tr>")[0]
    assert "<time datetime=" in row and "Outdated" in row
    assert "0\xa0minutes" in row or "0 minutes" in row  # changed a moment ago


def test_a_translator_of_two_languages_sees_their_own_by_default(pages, client):
    from django.contrib.auth.models import Group

    user = member_of(roles.translators("Français"), "fr_ar_translator")
    user.groups.add(Group.objects.get(name=roles.translators("عربي")))
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert 'data-language="fr"' in html and 'data-language="ar"' in html
    assert 'data-language="es"' not in html
    assert 'value="mine" selected' in html


def test_outdated_first_puts_the_work_waiting_longest_on_top(pages, admin_client):
    html = admin_client.get(URL, {"language": "fr", "order": "outdated"}).content.decode()
    report = html[html.index('class="listing translation-status"') :]
    body = report[report.index("<tbody>") :]
    first_row = body.split("</tr>")[0]
    assert "WSIS Action Lines" in first_row


def test_a_count_per_language_and_state_heads_the_report(pages, admin_client):
    html = admin_client.get(URL, {"language": "all"}).content.decode()
    summary = html[html.index('id="ts-counts"') :].split("</table>")[0]
    french = summary[summary.index('data-language="fr"') :].split("</tr>")[0]
    assert 'data-state="outdated" data-count="1"' in french
    assert 'data-state="missing" data-count="1"' in french
    # Each count links to the report filtered to it.
    assert "?language=fr&amp;state=outdated" in french
