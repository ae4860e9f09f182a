"""Entering the WSIS Prizes from the Stocktaking submission form: one checkbox and a category,
the entry and its prize submission stored together or not at all."""

import datetime

import pytest
from django.utils import timezone

from prizes.models import PrizeSubmission
from prizes.phases import ContestPhase
from stocktaking.models import Entry
from tests.conftest import translate
from tests.factories.prizes import PrizesContestPageFactory, add_categories
from tests.factories.stocktaking import StocktakingPageFactory
from tests.stocktaking.conftest import entry_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def contest_in(parent, phase, **fields):
    contest = PrizesContestPageFactory(parent=parent, phase=phase, **fields)
    add_categories(contest, "C7. E-health", "C4. Capacity building")
    return contest


def submit_url(page):
    return page.url + page.reverse_subpage("submit")


@pytest.fixture
def database(english_home):
    return StocktakingPageFactory(parent=english_home)


def test_the_checkbox_and_a_category_store_both(client, english_home, database):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    form = client.get(submit_url(database)).content.decode()
    assert "Also enter the WSIS Prizes 2017" in form
    assert "C7. E-health" in form and "C4. Capacity building" in form
    health = contest.categories.first()
    data = entry_data(prizes_enter="on", prizes_category=str(health.translation_key))
    response = client.post(submit_url(database), data)
    assert response.status_code == 200, response.context["form"].errors
    entry = Entry.objects.get()
    submission = PrizeSubmission.objects.get()
    assert (submission.entry, submission.category_key) == (entry, health.translation_key)
    assert submission.contest_key == contest.translation_key


def test_without_the_checkbox_only_the_entry_is_stored(client, english_home, database):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    category = str(contest.categories.first().translation_key)
    response = client.post(submit_url(database), entry_data(prizes_category=category))
    assert response.status_code == 200
    assert Entry.objects.count() == 1 and not PrizeSubmission.objects.exists()


def test_the_checkbox_without_a_category_is_an_error_and_stores_nothing(
    client, english_home, database
):
    contest_in(english_home, ContestPhase.SUBMISSION)
    response = client.post(submit_url(database), entry_data(prizes_enter="on"))
    assert response.status_code == 400
    assert "prizes_category" in response.context["form"].errors
    assert "Choose the prize category" in response.content.decode()
    # What was typed is kept.
    assert "Hack for Health" in response.content.decode()
    assert not Entry.objects.exists() and not PrizeSubmission.objects.exists()


def test_a_category_of_another_contest_is_refused(client, english_home, database):
    contest_in(english_home, ContestPhase.SUBMISSION)
    other = contest_in(english_home, ContestPhase.VOTING, slug="wsis-prizes-2016")
    data = entry_data(
        prizes_enter="on", prizes_category=str(other.categories.first().translation_key)
    )
    assert client.post(submit_url(database), data).status_code == 400
    assert not Entry.objects.exists() and not PrizeSubmission.objects.exists()


@pytest.mark.parametrize(
    "phase", [ContestPhase.NOT_YET_OPEN, ContestPhase.EXPERT_REVIEW, ContestPhase.VOTING]
)
def test_outside_the_submission_phase_no_checkbox_and_a_forged_post_enters_nothing(
    client, english_home, database, phase
):
    contest = contest_in(english_home, phase)
    form = client.get(submit_url(database)).content.decode()
    assert "Also enter" not in form and "prizes_category" not in form
    data = entry_data(
        prizes_enter="on", prizes_category=str(contest.categories.first().translation_key)
    )
    # Refused with the reason, not stored without the prize entry it asked for.
    response = client.post(submit_url(database), data)
    assert response.status_code == 400
    assert "prizes_enter" in response.context["form"].errors
    assert not Entry.objects.exists() and not PrizeSubmission.objects.exists()
    # Without the box, the project goes to the database alone.
    data.pop("prizes_enter")
    assert client.post(submit_url(database), data).status_code == 200
    assert Entry.objects.count() == 1 and not PrizeSubmission.objects.exists()


def test_a_contest_closing_between_the_check_and_the_store_refuses_it_all(english_home, database):
    from prizes.stocktaking_entry import prize_entry_extension
    from stocktaking.extensions import Refused
    from stocktaking.models import storing
    from stocktaking.models.forms import EntryForm

    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    category = str(contest.categories.first().translation_key)
    data = entry_data(prizes_enter="on", prizes_category=category)
    form = EntryForm(data, extensions=[prize_entry_extension(database, data)])
    assert form.is_valid(), form.errors
    closed = timezone.now() - datetime.timedelta(minutes=1)
    form.extensions[0].contest.submission_closes_at = closed
    with pytest.raises(Refused):
        storing.store_submission(database, form, "http://localhost/mine/")
    assert not Entry.objects.exists() and not PrizeSubmission.objects.exists()


def test_a_contest_closed_while_the_form_was_filled_in_refuses_the_whole_entry(
    client, english_home, database
):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    category = str(contest.categories.first().translation_key)
    client.get(submit_url(database))
    # Submission closes (an editor's change, or the deadline) before the form comes back.
    closed = timezone.now() - datetime.timedelta(minutes=1)
    type(contest).objects.filter(pk=contest.pk).update(submission_closes_at=closed)
    response = client.post(
        submit_url(database), entry_data(prizes_enter="on", prizes_category=category)
    )
    assert response.status_code in (400, 403)
    assert not Entry.objects.exists() and not PrizeSubmission.objects.exists()


def test_the_same_project_sent_twice_is_entered_once(client, english_home, database):
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    category = str(contest.categories.first().translation_key)
    data = entry_data(prizes_enter="on", prizes_category=category)
    assert client.post(submit_url(database), data).status_code == 200
    assert client.post(submit_url(database), data).status_code == 200  # sent twice
    assert Entry.objects.count() == 1
    assert PrizeSubmission.objects.count() == 1
    # The contest page's enter step then only moves it to another category.
    entry = Entry.objects.get()
    other = list(contest.categories.all())[1].translation_key
    assert contest.change_category(entry, other).category_key == other
    assert PrizeSubmission.objects.count() == 1


def test_in_french_the_choice_and_the_error_are_french(client, english_home):
    database = StocktakingPageFactory(parent=english_home)
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    translate(english_home, "fr")
    french_database = translate(database, "fr")
    french = translate(contest, "fr", title="Prix du SMSI 2017")
    french.categories.filter(name="C7. E-health").update(name="C7. Cybersanté")
    form = client.get(submit_url(french_database)).content.decode()
    assert "Inscrire aussi ce projet aux Prix du SMSI 2017" in form
    assert "C7. Cybersanté" in form
    response = client.post(
        submit_url(french_database), entry_data(language="fr", prizes_enter="on")
    )
    assert response.status_code == 400
    assert "Choisissez la catégorie du prix" in response.content.decode()
    assert not Entry.objects.exists()


def test_the_vote_form_refused_as_spam_says_why_and_keeps_the_answers(client, english_home):
    from prizes.models import Vote
    from tests.factories.prizes import enter
    from tests.factories.stocktaking import EntryFactory
    from tests.prizes.conftest import guards

    contest = contest_in(english_home, ContestPhase.VOTING)
    health = contest.categories.first()
    nominee = enter(contest, EntryFactory(), health, nominated=True)
    url = contest.url + contest.reverse_subpage("vote", args=[health.translation_key])
    data = {"nominee": nominee.pk, "email": "typed.address@example.org", **guards()}
    data["form_started"] = "forged"
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "the form had expired or was changed" in page
    assert "typed.address@example.org" in page
    assert not Vote.objects.exists()


def test_the_enter_form_refused_as_spam_says_why_and_keeps_the_answers(client, english_home):
    from tests.factories.stocktaking import EntryFactory
    from tests.prizes.conftest import guards, sign_in_owner

    StocktakingPageFactory(parent=english_home)
    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    entry = EntryFactory(contact_email="grace@example.org")
    sign_in_owner(client, "grace@example.org")
    category = list(contest.categories.all())[1]
    data = {"entry": entry.pk, "category": str(category.translation_key), **guards()}
    data["website_url"] = "http://spam.example"
    response = client.post(f"{contest.url}enter/", data)
    assert response.status_code == 400
    assert "a field meant to stay empty was filled in" in response.content.decode()
    assert response.context["form"]["category"].value() == str(category.translation_key)
    assert not PrizeSubmission.objects.exists()


def test_the_owner_changes_the_category_from_my_entries_until_submission_closes(
    client, english_home, database
):
    from tests.factories.prizes import enter
    from tests.factories.stocktaking import EntryFactory
    from tests.prizes.conftest import sign_in_owner

    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    health, capacity = contest.categories.all()
    entry = EntryFactory(contact_email="ada@example.org", status=Entry.Status.PUBLISHED)
    enter(contest, entry, health)
    sign_in_owner(client, "ada@example.org")
    url = database.url + f"mine/{entry.pk}/"
    form = client.get(url).content.decode()
    assert "C4. Capacity building" in form and "Also enter" not in form
    data = entry_data(prizes_category=str(capacity.translation_key))
    data.pop("contact_email")
    response = client.post(url, data)
    assert response.status_code == 200, response.context["form"].errors
    assert PrizeSubmission.objects.get().category_key == capacity.translation_key
    # Once submission has closed, the choice is gone and a forged one changes nothing.
    closed = timezone.now() - datetime.timedelta(minutes=1)
    type(contest).objects.filter(pk=contest.pk).update(submission_closes_at=closed)
    assert "prizes_category" not in client.get(url).content.decode()
    client.post(url, {**data, **entry_data(prizes_category=str(health.translation_key))})
    assert PrizeSubmission.objects.get().category_key == capacity.translation_key


def test_an_entry_not_yet_entered_can_be_entered_from_my_entries(client, english_home, database):
    from tests.factories.stocktaking import EntryFactory
    from tests.prizes.conftest import sign_in_owner

    contest = contest_in(english_home, ContestPhase.SUBMISSION)
    health = contest.categories.first()
    entry = EntryFactory(contact_email="ada@example.org")
    sign_in_owner(client, "ada@example.org")
    url = database.url + f"mine/{entry.pk}/"
    assert "Also enter the WSIS Prizes 2017" in client.get(url).content.decode()
    data = entry_data(prizes_enter="on", prizes_category=str(health.translation_key))
    data.pop("contact_email")
    assert client.post(url, data).status_code == 200
    assert PrizeSubmission.objects.get().entry == entry
