"""The translation editor's buttons: nothing a translator clicks loses their work, nothing
publishes past the language's review, and the editor's own labels read right in each language."""

import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from tests.conftest import localize, make_english_home, refetched, shared_data
from tests.factories import StandardPageFactory, member_of
from translations import roles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_french_about(django_db_setup, django_db_blocker):
    # Built once: each test only reads it, or changes it and is rolled back.
    with shared_data(django_db_blocker):
        english_home = make_english_home()
        localize(english_home, "fr")
        about = StandardPageFactory(parent=english_home, title="About WSIS", slug="about")
        localize(about, "fr")
        call_command("setup_roles", verbosity=0)
        yield Page.objects.get(translation_key=about.translation_key, locale__language_code="fr")


@pytest.fixture
def french_about(shared_french_about):
    return refetched(shared_french_about)


def editor_props(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)
    assert match, "the translation editor is not on the page"
    from html import unescape

    return json.loads(unescape(match.group(1)))


def test_convert_to_alias_is_not_offered_to_a_translator(french_about, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    assert editor_props(client, french_about)["links"]["convertToAliasUrl"] is None


def test_a_translator_cannot_convert_their_translation_to_an_alias(french_about, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    url = reverse("wagtail_localize:convert_to_alias", args=[french_about.id])
    # Wagtail's admin answers a refusal by sending the user home with a message.
    assert client.get(url)["Location"] == "/admin/"
    assert client.post(url)["Location"] == "/admin/"
    french_about.refresh_from_db()
    assert french_about.alias_of_id is None
    assert Translation.objects.filter(target_locale__language_code="fr", enabled=True).exists()


def test_an_administrator_converts_only_after_confirming(french_about, admin_client):
    props = editor_props(admin_client, french_about)
    url = reverse("wagtail_localize:convert_to_alias", args=[french_about.id])
    assert props["links"]["convertToAliasUrl"] == url
    confirmation = admin_client.get(url)
    assert confirmation.status_code == 200
    french_about.refresh_from_db()
    assert french_about.alias_of_id is None  # asking is not doing
    admin_client.post(url)
    french_about.refresh_from_db()
    assert french_about.alias_of_id is not None


def test_a_language_reviewer_cannot_publish_past_the_review_from_the_editor(french_about, client):
    reviewer = member_of(roles.language_reviewers("Français"), "fr_reviewer")
    client.force_login(reviewer)
    assert editor_props(client, french_about)["perms"]["canPublish"] is False
    translation = Translation.objects.get(
        target_locale__language_code="fr", source__object_id=french_about.translation_key
    )
    StringTranslation.objects.filter(locale__language_code="fr", data="About WSIS [fr]").update(
        data="À propos du SMSI"
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[french_about.id]), {"action": "publish"}
    )
    assert response.status_code == 302
    french_about.refresh_from_db()
    assert french_about.title == "About WSIS [fr]"  # nothing published
    assert translation.get_target_instance().title == "About WSIS [fr]"


def test_the_editors_publish_label_keeps_its_space(client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    client.force_login(admin_user)
    for code, label in [("fr", "Publier dans "), ("es", "Publicar en "), ("ru", "Опубликовать в ")]:
        profile.preferred_language = code
        profile.save()
        catalogue = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
        assert json.dumps(label)[1:-1] in catalogue or label in catalogue, code
