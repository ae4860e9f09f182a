"""The permission matrix of issue 7, through the admin's own URLs: for every role and every
language tree, what it may do. Each test checks one role in one tree and reports every cell
that differs from the expected matrix at once."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import Translation, TranslationSource

from calls.models import CallSubmission
from tests.conftest import localize, make_english_home, session_for, shared_data, signed_in
from tests.factories import CallIndexPageFactory, CallPageFactory, StandardPageFactory
from translations import roles

pytestmark = pytest.mark.django_db

ROLES = {
    "admin": None,
    "editor": roles.EDITORS,
    "moderator": roles.MODERATORS,
    "submission_reviewer": roles.SUBMISSION_REVIEWERS,
    "contest_moderator": roles.CONTEST_MODERATORS,
    "translator_fr": roles.translators("Français"),
    "reviewer_fr": roles.language_reviewers("Français"),
    "translator_ar": roles.translators("عربي"),
}
TREES = ["en", "fr", "ar"]
PAGE_ACTIONS = [
    "view",
    "edit",
    "create",
    "publish",
    "approve",
    "delete",
    "translate",
    "download_po",
    "upload_po",
    "preview",
    "compare",
    "history",
]
EDITING = {"view", "edit", "create", "preview", "compare", "history"}
TRANSLATING = EDITING | {"translate", "download_po", "upload_po"}
REVIEWING = TRANSLATING | {"publish", "approve", "delete"}


def expected_page_actions(role, tree):
    if role == "admin":
        # The source is not translated into itself.
        return set(PAGE_ACTIONS) - (
            {"translate", "download_po", "upload_po"} if tree == "en" else set()
        )
    return {
        ("editor", "en"): EDITING,
        ("moderator", "en"): EDITING | {"publish", "approve", "delete"},
        ("translator_fr", "fr"): TRANSLATING,
        ("reviewer_fr", "fr"): REVIEWING,
        ("translator_ar", "ar"): TRANSLATING,
    }.get((role, tree), set())


GLOBAL_ACTIONS = {
    "admin": {"sync", "submissions", "contest_entries"},
    "editor": set(),
    "moderator": {"submissions", "contest_entries"},
    "submission_reviewer": {"submissions"},
    "contest_moderator": {"contest_entries"},
    "translator_fr": {"sync"},
    "reviewer_fr": {"sync"},
    "translator_ar": {"sync"},
}


def granted(response):
    """The admin says no with 403, or by redirecting to the dashboard or the login."""
    if response.status_code == 200:
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location != "/admin/" and "/login/" not in location
    return False


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """English, French and Arabic trees, each with a page ("about", live with a draft waiting),
    a page in review, and an English page nobody has translated yet; a call with a submission;
    a user of each role, signed in. Built once: each test's actions are rolled back after it."""
    with shared_data(django_db_blocker):
        yield build_world(make_english_home())


def build_world(english_home):
    en = {"home": english_home}
    en["about"] = StandardPageFactory(parent=english_home, title="About WSIS", slug="about")
    en["pending"] = StandardPageFactory(parent=english_home, title="Prizes", slug="prizes")
    StandardPageFactory(parent=english_home, title="Stocktaking", slug="st")
    calls = CallIndexPageFactory(parent=english_home)
    call = CallPageFactory(parent=calls, title="Open consultation", slug="consultation")
    CallSubmission.objects.create(page=call, form_data={"email": "ada@example.org"})
    trees = {"en": en}
    for code in ("fr", "ar"):
        trees[code] = {
            name: Page.objects.get(
                translation_key=en[name].translation_key,
                locale=localize(en[name], code).target_locale,
            ).specific
            for name in ("home", "about", "pending")
        }
    call_command("setup_roles", verbosity=0)
    admin = get_user_model().objects.create_superuser("admin", "admin@itu.int", "pw")
    for tree in trees.values():
        tree["about"].save_revision(user=admin)  # a draft to publish
        tree["pending"].save_revision(user=admin)
        tree["pending"].get_workflow().start(tree["pending"], admin)
    sessions = {role: session_for(user_for(role, admin)) for role in ROLES}
    return {"trees": trees, "call": call, "admin": admin, "sessions": sessions}


def user_for(role, admin):
    if role == "admin":
        return admin
    user = get_user_model().objects.create_user(role, f"{role}@itu.int", "pw")
    user.groups.add(Group.objects.get(name=ROLES[role]))
    return user


def translation_of(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )


def try_page_action(client, action, tree, code):
    about, home = tree["about"], tree["home"]
    if action == "view":
        # The explorer sends people elsewhere (their own tree) rather than refusing.
        return client.get(reverse("wagtailadmin_explore", args=[home.id])).status_code == 200
    if action == "edit":
        return granted(client.get(reverse("wagtailadmin_pages:edit", args=[about.id])))
    if action == "create":
        return granted(client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.id])))
    if action == "delete":
        return granted(client.get(reverse("wagtailadmin_pages:delete", args=[about.id])))
    if action == "history":
        return granted(client.get(reverse("wagtailadmin_pages:history", args=[about.id])))
    if action == "preview":
        return granted(client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[about.id])))
    if action == "compare":
        url = reverse("wagtailadmin_pages:revisions_compare", args=[about.id, "live", "latest"])
        return granted(client.get(url))
    if action == "publish":
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        client.post(f"{url}?id={about.id}", {})
        about.refresh_from_db()
        return not about.has_unpublished_changes
    if action == "approve":
        state = TaskState.objects.get(
            workflow_state__object_id=str(tree["pending"].id), status="in_progress"
        )
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[tree["pending"].id, "approve", state.id]
        )
        client.post(url, {})
        state.refresh_from_db()
        return state.status == "approved"
    if code == "en":
        return False  # translating actions have no meaning on the source
    if action == "translate":
        source = Page.objects.get(slug="st", locale__language_code="en")  # never translated
        locale = Locale.objects.get(language_code=code)
        url = reverse("wagtail_localize:submit_page_translation", args=[source.id])
        client.post(url, {"locales": [locale.id]})
        return Page.objects.filter(translation_key=source.translation_key, locale=locale).exists()
    translation = translation_of(about)
    if action == "download_po":
        return granted(
            client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
        )
    if action == "upload_po":
        po = polib.pofile(str(translation.export_po()))
        upload = SimpleUploadedFile("t.po", str(po).encode(), content_type="text/x-gettext")
        url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
        response = client.post(url, {"file": upload, "next": "/admin/pages/"})
        return response.status_code == 302 and response["Location"] == "/admin/pages/"
    raise AssertionError(action)


@pytest.mark.parametrize("tree", TREES)
@pytest.mark.parametrize("role", list(ROLES))
def test_page_permission_matrix(world, db, client, role, tree):
    signed_in(client, world["sessions"][role])
    allowed = {
        action
        for action in PAGE_ACTIONS
        if try_page_action(client, action, world["trees"][tree], tree)
    }
    assert allowed == expected_page_actions(role, tree)


def try_global_action(client, action, world):
    if action == "sync":
        about = world["trees"]["en"]["about"]
        source = TranslationSource.objects.get(object_id=about.translation_key)
        url = reverse("wagtail_localize:update_translations", args=[source.id])
        return granted(client.post(url, {"next": "/admin/pages/"}))
    if action == "submissions":
        url = reverse("wagtailforms:list_submissions", args=[world["call"].id])
        return granted(client.get(url))
    if action == "contest_entries":
        return granted(client.get(reverse("wagtailsnippets_media_photoentry:list")))
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(ROLES))
def test_global_permission_matrix(world, db, client, role):
    signed_in(client, world["sessions"][role])
    allowed = {
        action
        for action in ("sync", "submissions", "contest_entries")
        if try_global_action(client, action, world)
    }
    assert allowed == GLOBAL_ACTIONS[role]
