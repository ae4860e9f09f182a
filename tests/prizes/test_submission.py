"""Entering a Stocktaking project for the Prizes: once per contest, during submission only."""

import pytest

from prizes.models import PrizeSubmission
from prizes.models.storing import AlreadyEntered, PhaseClosed
from prizes.phases import ContestPhase
from tests.conftest import translate
from tests.factories.prizes import PrizesContestPageFactory, add_categories
from tests.factories.stocktaking import EntryFactory
from tests.prizes.conftest import guards, sign_in_owner


def contest_in(parent, phase, **fields):
    contest = PrizesContestPageFactory(parent=parent, phase=phase, **fields)
    add_categories(contest, "C7. E-health", "C4. Capacity building")
    return contest


def test_one_entry_per_project_per_contest(english_home):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    health, capacity = contest.categories.all()
    entry = EntryFactory()
    contest.enter_project(entry, health.translation_key)
    with pytest.raises(AlreadyEntered):
        contest.enter_project(entry, capacity.translation_key)
    # Through another language version of the same contest: still the same contest.
    translate(english_home, "fr")
    french = translate(contest, "fr")
    with pytest.raises(AlreadyEntered):
        french.enter_project(entry, health.translation_key)
    assert PrizeSubmission.objects.count() == 1
    # Another year's contest takes it.
    other = contest_in(english_home, ContestPhase.SUBMISSION, slug="wsis-prizes-2018")
    other.enter_project(entry, other.categories.first().translation_key)
    assert PrizeSubmission.objects.count() == 2


@pytest.mark.parametrize(
    "phase", [ContestPhase.NOT_YET_OPEN, ContestPhase.EXPERT_REVIEW, ContestPhase.VOTING]
)
def test_entries_are_refused_outside_the_submission_phase(english_home, phase):
    contest = contest_in(english_home, phase)
    with pytest.raises(PhaseClosed):
        contest.enter_project(EntryFactory(), contest.categories.first().translation_key)
    assert not PrizeSubmission.objects.exists()


def test_an_owner_enters_a_project_from_the_contest_page(client, english_home, stocktaking_page):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    entry = EntryFactory(contact_email="grace@example.org")
    EntryFactory(contact_email="someone.else@example.org")
    category = contest.categories.first()
    url = f"{contest.url}enter/"
    # Not signed in: told how to sign in, nothing stored.
    assert client.post(url, {"entry": entry.pk, **guards()}).status_code == 403
    sign_in_owner(client, "grace@example.org")
    form = client.get(url).content.decode()
    assert entry.title in form and "someone.else" not in form
    data = {"entry": entry.pk, "category": str(category.translation_key), **guards()}
    response = client.post(url, data)
    assert response.status_code == 200
    submission = PrizeSubmission.objects.get()
    assert (submission.entry, submission.category_key) == (entry, category.translation_key)
    again = client.post(url, {**data, **guards()})
    assert again.status_code == 409
    assert PrizeSubmission.objects.count() == 1


def test_an_owner_cannot_enter_someone_elses_project(client, english_home, stocktaking_page):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    other = EntryFactory(contact_email="someone.else@example.org")
    sign_in_owner(client, "grace@example.org")
    EntryFactory(contact_email="grace@example.org")
    data = {
        "entry": other.pk,
        "category": str(contest.categories.first().translation_key),
        **guards(),
    }
    assert client.post(f"{contest.url}enter/", data).status_code == 400
    assert not PrizeSubmission.objects.exists()


def test_a_late_entry_is_refused_with_403(client, english_home, stocktaking_page):
    contest = contest_in(english_home, ContestPhase.EXPERT_REVIEW)
    entry = EntryFactory(contact_email="grace@example.org")
    sign_in_owner(client, "grace@example.org")
    data = {
        "entry": entry.pk,
        "category": str(contest.categories.first().translation_key),
        **guards(),
    }
    assert client.post(f"{contest.url}enter/", data).status_code == 403
    assert not PrizeSubmission.objects.exists()


def test_an_owner_moves_their_entry_to_another_category_until_submission_closes(
    client, english_home, stocktaking_page
):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    health, capacity = contest.categories.all()
    entry = EntryFactory(contact_email="grace@example.org")
    sign_in_owner(client, "grace@example.org")
    url = f"{contest.url}enter/"
    client.post(url, {"entry": entry.pk, "category": str(health.translation_key), **guards()})
    moved = client.post(
        url, {"entry": entry.pk, "category": str(capacity.translation_key), **guards()}
    )
    assert moved.status_code == 200
    submission = PrizeSubmission.objects.get()
    assert submission.category_key == capacity.translation_key
    # Once submission has closed, the category stays.
    contest.submission_closes_at = contest.submission_opens_at
    with pytest.raises(PhaseClosed):
        contest.change_category(entry, health.translation_key)
    submission.refresh_from_db()
    assert submission.category_key == capacity.translation_key
