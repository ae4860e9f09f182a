"""The classes of bugs Wagtail and wagtail-localize have had advisories for, tried against this
site's roles, and the per-language rights on snippets that Wagtail does not have."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import Translation

from partners.models import Partner
from tests.conftest import localize, make_english_home, refetched, shared_data
from tests.factories import PartnerFactory, StandardPageFactory, member_of
from tests.home.test_permission_matrix import granted
from translations import roles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    """The language trees, the roles and a partner in three languages, built once: each test
    only reads them, or changes them and is rolled back."""
    with shared_data(django_db_blocker):
        english_home = make_english_home()
        about = StandardPageFactory(parent=english_home, title="About WSIS", slug="about")
        for code in ("fr", "ar"):
            localize(english_home, code)
        localize(about, "fr")
        call_command("setup_roles", verbosity=0)
        trees = {
            "about": about,
            "ar_home": english_home.get_translation(Locale.objects.get(language_code="ar")),
        }
        yield {"trees": trees, "partners": make_partners()}


@pytest.fixture
def trees(shared_site):
    return refetched(shared_site["trees"])


def test_creating_a_translation_needs_rights_in_that_language(trees, client):
    about = trees["about"]
    arabic = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_page_translation", args=[about.id])

    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    form = client.get(url).content.decode()
    assert f'value="{arabic.id}"' not in form  # Arabic is not offered
    client.post(url, {"locales": [arabic.id]})
    assert not Page.objects.filter(translation_key=about.translation_key, locale=arabic).exists()

    client.force_login(member_of(roles.EDITORS, "editor"))  # edits the source, translates nothing
    assert not granted(client.post(url, {"locales": [arabic.id]}))
    assert not Page.objects.filter(translation_key=about.translation_key, locale=arabic).exists()


def test_copying_a_page_into_another_language_tree_is_refused(trees, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    about = trees["about"]
    url = reverse("wagtailadmin_pages:copy", args=[about.id])
    client.post(
        url,
        {
            "new_title": "About WSIS",
            "new_slug": "about-copy",
            "new_parent_page": trees["ar_home"].id,
            "copy_subpages": False,
            "publish_copies": True,
        },
    )
    assert not Page.objects.filter(slug="about-copy").exists()


def test_converting_another_languages_page_back_to_an_alias_is_refused(trees, client):
    french = Page.objects.get(
        translation_key=trees["about"].translation_key, locale__language_code="fr"
    )
    client.force_login(member_of(roles.translators("عربي"), "ar_translator"))
    url = reverse("wagtail_localize:convert_to_alias", args=[french.id])
    assert not granted(client.post(url, {}))
    french.refresh_from_db()
    assert french.alias_of_id is None


@pytest.fixture
def partners(shared_site):
    return refetched(shared_site["partners"])


def make_partners():
    partner = PartnerFactory(name="Ministry of ICT, Mexico")
    partner.save_revision().publish()
    by_code = {"en": partner}
    for code in ("fr", "ar"):
        localize(partner, code)
        by_code[code] = Partner.objects.get(
            translation_key=partner.translation_key, locale__language_code=code
        )
    return by_code


def edit_url(partner):
    return reverse("wagtailsnippets_partners_partner:edit", args=[partner.pk])


def test_translators_edit_partners_in_their_language_only(partners, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    assert granted(client.get(edit_url(partners["fr"])))
    assert not granted(client.get(edit_url(partners["ar"])))
    assert not granted(client.get(edit_url(partners["en"])))
    history = reverse("wagtailsnippets_partners_partner:history", args=[partners["ar"].pk])
    assert granted(client.get(history))  # reading stays open
    arabic = Translation.objects.get(
        target_locale__language_code="ar", source__object_id=partners["en"].translation_key
    )
    upload = SimpleUploadedFile("ar.po", str(arabic.export_po()).encode())
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[arabic.id]),
        {"file": upload, "next": "/admin/pages/"},
    )
    assert response["Location"] == "/admin/"  # refused: the dashboard, not `next`
    listing = client.get(reverse("wagtailsnippets_partners_partner:list")).content.decode()
    assert edit_url(partners["fr"]) in listing


def test_partner_changes_are_reviewed_in_their_own_language(
    partners, client, django_capture_on_commit_callbacks
):
    translator = member_of(roles.translators("Français"), "fr_translator")
    french_reviewer = member_of(roles.language_reviewers("Français"), "fr_reviewer")
    arabic_reviewer = member_of(roles.language_reviewers("عربي"), "ar_reviewer")
    french = partners["fr"]
    french.description = "Ministère des TIC du Mexique"
    french.save_revision(user=translator)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        french.get_workflow().start(french, translator)

    recipients = {address for m in mail.outbox for address in m.to}
    assert "fr_reviewer@itu.int" in recipients and "ar_reviewer@itu.int" not in recipients
    state = TaskState.objects.get(status="in_progress")
    # On the dashboard, "Awaiting your review" lists it for the French reviewers only.
    task = state.task.specific
    assert list(task.get_task_states_user_can_moderate(french_reviewer)) == [state]
    assert not task.get_task_states_user_can_moderate(arabic_reviewer).exists()
    url = reverse(
        "wagtailsnippets_partners_partner:workflow_action", args=[french.pk, "approve", state.id]
    )
    client.force_login(arabic_reviewer)
    client.post(url, {})
    state.refresh_from_db()
    assert state.status == "in_progress"
    client.force_login(french_reviewer)
    client.post(url, {})
    state.refresh_from_db()
    assert state.status == "approved"
    french.refresh_from_db()
    assert french.description == "Ministère des TIC du Mexique" and french.live
