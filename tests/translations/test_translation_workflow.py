"""From a changed English page to its translations: outdated marks, the translators' digest,
sync, PO files for external translators, workflows and their e-mails, scheduled publishing."""

from datetime import timedelta
from unittest import mock

import polib
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.conftest import localize, make_english_home, shared_data
from tests.factories import StandardPageFactory, member_of
from translations import roles
from translations.tracking import SourceTextChange, pending_changes, send_translator_digests

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker):
    """English home and an "About" page, translated into French and Arabic with
    wagtail-localize; roles in place. Built once (each test's changes are rolled back)."""
    with shared_data(django_db_blocker):
        english_home = make_english_home()
        about = StandardPageFactory(parent=english_home, title="About WSIS", slug="about")
        for code in ("fr", "ar"):
            localize(english_home, code)
            localize(about, code)
        call_command("setup_roles", verbosity=0)
        yield {"home": english_home.pk, "about": about.pk}


@pytest.fixture
def site(built_site, db, django_capture_on_commit_callbacks):
    # Fresh objects for each test: a test's changes to them must not reach the next.
    return {name: Page.objects.get(pk=pk).specific for name, pk in built_site.items()}


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_publishing_new_text_marks_the_translations_outdated_until_synced(site, client):
    about = site["about"]
    republish(about)  # same text: nothing falls behind
    assert not pending_changes().exists()

    republish(about, title="About the WSIS Forum")
    (change,) = pending_changes()
    assert change.source.object_repr == "About WSIS"  # what the translations were made from

    translator = member_of(roles.translators("Français"), "fr_translator")
    client.force_login(translator)
    sync_url = reverse("wagtail_localize:update_translations", args=[change.source_id])
    response = client.post(sync_url, {})
    assert response.status_code == 302
    assert not pending_changes().exists()
    french = about.get_translation(about.locale.__class__.objects.get(language_code="fr"))
    # Synced, not published: the live French page keeps its text until reviewed.
    assert french.title == "About WSIS [fr]"


def test_reverting_the_text_clears_the_outdated_mark(site):
    republish(site["about"], title="About the WSIS Forum")
    republish(site["about"], title="About WSIS")
    assert not SourceTextChange.objects.exists()


def test_translators_get_one_digest_per_language_in_their_language(
    site, django_capture_on_commit_callbacks
):
    member_of(roles.translators("Français"), "fr_translator")
    member_of(roles.translators("عربي"), "ar_translator")
    other = StandardPageFactory(parent=site["home"], title="Stocktaking", slug="stocktaking")
    localize(other, "fr")  # French only
    mail.outbox.clear()
    republish(site["about"], title="About the WSIS Forum")
    republish(other, title="WSIS Stocktaking 2017")

    with django_capture_on_commit_callbacks(execute=True):  # the e-mails leave after the commit
        sent = send_translator_digests()

    assert sent == {"ar": ["ar_translator@itu.int"], "fr": ["fr_translator@itu.int"]}
    french, arabic = sorted(mail.outbox, key=lambda m: m.to[0], reverse=True)
    assert french.to == ["fr_translator@itu.int"]
    assert "2 traductions" in french.subject
    assert "About WSIS" in french.body and "Stocktaking" in french.body
    assert "language=fr&state=outdated" in french.body
    assert "Stocktaking" not in arabic.body and "About WSIS" in arabic.body
    # Told once: the next run has nothing to say until the text changes again.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_translators", verbosity=0)
    assert mail.outbox == []


def test_a_translator_cannot_publish_through_sync(site, client):
    republish(site["about"], title="About the WSIS Forum")
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    source_id = Translation.objects.filter(target_locale__language_code="fr").first().source_id
    url = reverse("wagtail_localize:update_translations", args=[source_id])
    assert "publish_translations" not in client.get(url).content.decode()
    client.post(url, {"publish_translations": "on"})
    assert not Page.objects.filter(title="About the WSIS Forum", locale__language_code="fr")


def test_po_files_make_the_round_trip_for_external_translators(site, client):
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    about = site["about"]
    translation = Translation.objects.get(
        source__object_id=about.translation_key, target_locale__language_code="fr"
    )
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = next(e for e in po if e.msgid == "About WSIS")
    entry.msgstr = "À propos du SMSI"
    upload = SimpleUploadedFile("fr.po", str(po).encode(), content_type="text/x-gettext")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    translation.save_target(publish=False)
    french = Page.objects.get(
        translation_key=about.translation_key, locale=translation.target_locale
    )
    assert french.get_latest_revision_as_object().title == "À propos du SMSI"


def test_another_languages_translator_cannot_touch_the_po_file(site, client):
    client.force_login(member_of(roles.translators("عربي"), "ar_translator"))
    translation = Translation.objects.filter(target_locale__language_code="fr").first()
    url = reverse("wagtail_localize:download_pofile", args=[translation.id])
    assert client.get(url).status_code == 302  # the admin's "permission denied"
    upload = SimpleUploadedFile("fr.po", b'msgid ""\nmsgstr ""\n')
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    assert client.post(url, {"file": upload}).status_code == 302


def test_source_pages_go_to_moderators_and_rejection_goes_back_with_the_comment(
    site, django_capture_on_commit_callbacks
):
    editor = member_of(roles.EDITORS, "editor")
    moderator = member_of(roles.MODERATORS, "moderator")
    member_of(roles.language_reviewers("Français"), "fr_reviewer")
    about = site["about"]
    about.title = "About the WSIS Forum"
    about.save_revision(user=editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        about.get_workflow().start(about, editor)

    to_moderators = [m for m in mail.outbox if "moderator@itu.int" in m.to]
    # Should no moderator get mail, say why: on PostgreSQL the task once lost its group (the
    # demo copy's sequences, tests/demo_site._sequence_past_rows).
    task = about.current_workflow_task
    task = task and task.specific
    sent = [(m.to, m.subject) for m in mail.outbox]
    groups = list(getattr(task, "groups", Group.objects.none()).values_list("name", flat=True))
    assert to_moderators, (about.get_workflow(), type(task), groups, sent)
    assert "About the WSIS Forum" in to_moderators[0].subject
    assert not [m for m in mail.outbox if "fr_reviewer@itu.int" in m.to]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        about.current_workflow_task_state.reject(user=moderator, comment="Keep the 2025 dates.")
    (rejection,) = [m for m in mail.outbox if "editor@itu.int" in m.to]
    assert "Keep the 2025 dates." in rejection.body


def test_a_translation_goes_to_its_own_language_reviewers(site, django_capture_on_commit_callbacks):
    translator = member_of(roles.translators("Français"), "fr_translator")
    member_of(roles.language_reviewers("Français"), "fr_reviewer")
    member_of(roles.language_reviewers("عربي"), "ar_reviewer")
    french = Page.objects.get(title="About WSIS [fr]").specific
    french.save_revision(user=translator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        french.get_workflow().start(french, translator)
    recipients = {address for m in mail.outbox for address in m.to}
    assert "fr_reviewer@itu.int" in recipients and "ar_reviewer@itu.int" not in recipients


def test_publish_scheduled_publishes_what_was_approved_for_later(site):
    about = republish(site["about"])  # live, with a live revision
    about.title = "About the WSIS Forum"
    about.go_live_at = timezone.now() + timedelta(minutes=5)
    about.save_revision().publish()
    about.refresh_from_db()
    assert about.title == "About WSIS"  # still the live text
    assert about.latest_revision.approved_go_live_at is not None  # waiting for its time

    # Ten minutes later, the scheduled job runs (cron in production, see the README).
    later = timezone.now() + timedelta(minutes=10)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)

    about.refresh_from_db()
    assert about.title == "About the WSIS Forum"


def test_a_translator_submits_a_translation_from_the_editor_to_its_reviewers(site, client):
    from wagtail_localize.models import StringTranslation

    member_of(roles.language_reviewers("Français"), "fr_reviewer")
    republish(site["about"], title="About the WSIS Forum")
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    translation = Translation.objects.get(
        source__object_id=site["about"].translation_key, target_locale__language_code="fr"
    )
    client.post(reverse("wagtail_localize:update_translations", args=[translation.source_id]))
    french = translation.get_target_instance()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.id])).content.decode()
    assert "Submit to “Translation review (Français)”" in editor
    submit = reverse("submit_translation_for_review", args=[translation.id])

    # The new title is not translated yet: refused, nothing half-done.
    messages = client.post(submit, follow=True).content.decode()
    assert "Translate every segment first" in messages
    french.refresh_from_db()
    assert not french.workflow_in_progress

    segment = translation.source.stringsegment_set.get(string__data="About the WSIS Forum")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data="À propos du Forum du SMSI",
    )
    mail.outbox.clear()
    client.post(submit)
    french.refresh_from_db()
    assert french.workflow_in_progress
    assert french.get_latest_revision_as_object().title == "À propos du Forum du SMSI"
    assert french.title == "About WSIS [fr]"  # still live as it was, until approved
    assert any("fr_reviewer@itu.int" in m.to for m in mail.outbox)

    client.force_login(member_of(roles.translators("عربي"), "ar_translator"))
    assert client.post(submit)["Location"] == "/admin/"
    # Visitors still read the approved French text.
    client.logout()
    assert "About WSIS [fr]" in client.get(french.url).content.decode()


def test_the_reviewer_approves_from_the_editor_and_visitors_read_the_new_text(site, client):
    translator = member_of(roles.translators("Français"), "fr_translator")
    reviewer = member_of(roles.language_reviewers("Français"), "fr_reviewer")
    translation = Translation.objects.get(
        source__object_id=site["about"].translation_key, target_locale__language_code="fr"
    )
    client.force_login(translator)
    client.post(reverse("submit_translation_for_review", args=[translation.id]))
    french = translation.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.id])
    assert "Approve and publish" not in client.get(edit_url).content.decode()

    client.force_login(member_of(roles.language_reviewers("عربي"), "ar_reviewer"))
    assert "Approve and publish" not in client.get(edit_url).content.decode()

    client.force_login(reviewer)
    editor = client.get(edit_url).content.decode()
    assert "Approve and publish" in editor and "Request changes" in editor
    state = french.current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[french.id, "approve", state.id])
    )
    french.refresh_from_db()
    assert not french.workflow_in_progress and french.live


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
)
def test_machine_translation_on_sync_is_offered_only_to_who_may_edit_every_language(
    site, client, admin_user
):
    source_id = Translation.objects.filter(target_locale__language_code="fr").first().source_id
    url = reverse("wagtail_localize:update_translations", args=[source_id])
    client.force_login(member_of(roles.translators("Français"), "fr_translator"))
    assert "use_machine_translation" not in client.get(url).content.decode()
    client.force_login(admin_user)
    assert "use_machine_translation" in client.get(url).content.decode()
