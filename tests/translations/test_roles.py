"""Roles as code: per-language permissions come from the trees, publishing goes through review."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Workflow

from tests.conftest import make_english_home, refetched, shared_data, translate
from tests.factories import StandardPageFactory, member_of
from translations import roles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_trees(django_db_setup, django_db_blocker):
    # Built once: the tests only read the trees and roles, or change them and are rolled back.
    with shared_data(django_db_blocker):
        yield make_trees(make_english_home())


@pytest.fixture
def trees(shared_trees):
    return refetched(shared_trees)


def make_trees(english_home):
    about = StandardPageFactory(parent=english_home, slug="about")
    french_home = translate(english_home, "fr", slug="accueil")
    arabic_home = translate(english_home, "ar", slug="home-ar")
    french_about = translate(about, "fr", slug="a-propos")
    call_command("setup_roles", verbosity=0)
    return {"en": about, "fr": french_about, "fr_home": french_home, "ar_home": arabic_home}


def member(name):
    return member_of(name, name.replace(" ", "_"))


def test_every_group_exists_and_running_again_changes_nothing(trees):
    names = set(Group.objects.values_list("name", flat=True))
    expected = {
        roles.EDITORS,
        roles.MODERATORS,
        roles.SUBMISSION_REVIEWERS,
        roles.CONTEST_MODERATORS,
    }
    expected |= {roles.translators(n) for _c, n in roles.target_languages()}
    expected |= {roles.language_reviewers(n) for _c, n in roles.target_languages()}
    assert expected <= names
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    call_command("setup_roles", verbosity=0)
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
    ) == counts


def test_editors_edit_the_source_tree_but_cannot_publish(trees):
    editor = member(roles.EDITORS)
    english = trees["en"].permissions_for_user(editor)
    assert english.can_edit() and not english.can_publish()
    assert not trees["fr"].permissions_for_user(editor).can_edit()


def test_translators_edit_only_their_language_and_cannot_publish(trees):
    translator = member(roles.translators("Français"))
    french = trees["fr"].permissions_for_user(translator)
    assert french.can_edit() and not french.can_publish()
    assert not trees["en"].permissions_for_user(translator).can_edit()
    assert not trees["ar_home"].permissions_for_user(translator).can_edit()


def test_language_reviewers_publish_only_their_language(trees):
    reviewer = member(roles.language_reviewers("Français"))
    assert trees["fr"].permissions_for_user(reviewer).can_publish()
    assert not trees["en"].permissions_for_user(reviewer).can_publish()
    assert not trees["ar_home"].permissions_for_user(reviewer).can_publish()


def test_each_tree_goes_through_its_own_review_workflow(trees):
    assert trees["en"].get_workflow().name == "Editorial review"
    assert trees["fr"].get_workflow().name == "Translation review (Français)"
    assert trees["ar_home"].get_workflow().name == "Translation review (عربي)"
    task = trees["fr"].get_workflow().workflow_tasks.get().task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Language reviewers (Français)"]


def test_contest_moderators_moderate_entries(trees):
    moderator = member(roles.CONTEST_MODERATORS)
    assert moderator.has_perm("media.moderate_photoentry")
    assert not member(roles.EDITORS).has_perm("media.moderate_photoentry")
