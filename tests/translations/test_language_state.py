"""Each language keeps its own state when the source changes (one translator's Sync does not
clear "Outdated" for the others), and a translator sees what changed: the previous source, the
new source and their previous translation side by side."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.conftest import localize, make_english_home, refetched, shared_data
from tests.factories import StandardPageFactory, member_of
from translations import roles
from translations.status import TranslationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_changed_page(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker):
        yield make_changed_page(make_english_home())


@pytest.fixture
def changed_page(shared_changed_page, db):
    # Built once per module; a fresh object for each test, whose changes are rolled back.
    return refetched(shared_changed_page)


def make_changed_page(english_home):
    """ "Action lines" translated into French and Arabic, then its English title rewritten."""
    for code in ("fr", "ar"):
        localize(english_home, code)
    page = StandardPageFactory(parent=english_home, title="Action lines", slug="action-lines")
    for code, title in [("fr", "Grandes orientations"), ("ar", "خطوط العمل")]:
        localize(
            page, code, texts=lambda text, title=title: title if text == "Action lines" else text
        )
    call_command("setup_roles", verbosity=0)
    page.title = "The WSIS Action Lines"
    page.save_revision().publish()
    return page


def translated(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def cell(page, code, user):
    rows = TranslationStatus(user, [code]).rows()
    return next(row.cells[code] for row in rows if row.title == page.title)


def sync(client, page):
    source_id = Translation.objects.filter(source__object_id=page.translation_key).first().source_id
    response = client.post(reverse("wagtail_localize:update_translations", args=[source_id]))
    assert response.status_code == 302


def test_both_languages_are_outdated_after_the_source_changes(changed_page, admin_user):
    assert cell(changed_page, "fr", admin_user).state == "outdated"
    assert cell(changed_page, "ar", admin_user).state == "outdated"


def test_one_translators_sync_leaves_the_other_language_outdated(changed_page, client, admin_user):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    sync(client, changed_page)
    french = cell(changed_page, "fr", admin_user)
    assert french.state == "in_progress"  # the new title waits for its French text
    arabic = cell(changed_page, "ar", admin_user)
    assert arabic.state == "outdated"
    # Where the Arabic translator acts: the source is already synced, so their editor.
    assert arabic.url == reverse(
        "wagtailadmin_pages:edit", args=[translated(changed_page, "ar").id]
    )


def test_a_language_catches_up_when_its_translation_is_published(changed_page, client, admin_user):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    sync(client, changed_page)
    localize(changed_page, "ar", texts=lambda text: "خطوط عمل القمة")
    assert cell(changed_page, "ar", admin_user).state == "up_to_date"
    assert cell(changed_page, "fr", admin_user).state == "in_progress"


def test_each_language_tells_how_long_it_has_been_in_its_state(changed_page, admin_user):
    outdated = cell(changed_page, "fr", admin_user)
    assert outdated.since is not None


def test_the_editor_shows_the_previous_source_the_new_one_and_the_previous_translation(
    changed_page, client
):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    sync(client, changed_page)
    french = translated(changed_page, "fr")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[french.id])).content.decode()
    assert 'id="what-changed"' in html
    panel = html[html.index('id="what-changed"') :].split("</section>")[0]
    assert "<ins>The WSIS </ins>Action <del>lines</del><ins>Lines</ins>" in panel
    assert "Grandes orientations" in panel  # their previous translation, to edit, not retype


def test_the_arabic_editor_shows_its_own_previous_translation(changed_page, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    sync(client, changed_page)  # French syncs; the Arabic translator comes later
    client.force_login(member_of(roles.translators("عربي"), "ar_translator"))
    arabic = translated(changed_page, "ar")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[arabic.id])).content.decode()
    panel = html[html.index('id="what-changed"') :].split("</section>")[0]
    assert "خطوط العمل" in panel and "Grandes orientations" not in panel


def test_nothing_is_shown_once_the_changed_segment_is_translated(changed_page, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    sync(client, changed_page)
    localize(changed_page, "fr", texts=lambda text: "Les grandes orientations du SMSI")
    french = translated(changed_page, "fr")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[french.id])).content.decode()
    assert 'id="what-changed"' not in html
