"""A call's rules (its window, capacity, one-per rule) and a contest's dates are one thing for
every language version: changed on the original, they hold for every translation at once,
whatever language a visitor posts in, and an editor cannot give a translation others."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from calls.models import CallSubmission
from media.models import ContestState
from tests.calls.conftest import make_open_call, valid_data
from tests.conftest import localize, make_english_home, read_again, shared_data
from tests.factories import CallIndexPageFactory, PhotoContestPageFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def french_copy(page):
    return Page.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    ).specific


@pytest.fixture(scope="module")
def shared_call(django_db_setup, django_db_blocker):
    """The open call, its index and the home page, each translated into French: built once,
    as each test only reads them or changes them and is rolled back."""
    with shared_data(django_db_blocker):
        home = make_english_home()
        calls_index = CallIndexPageFactory(parent=home)
        open_call = make_open_call(calls_index)
        for page in (home, calls_index, open_call):
            localize(page, "fr")
        yield {
            "english_home": home,
            "open_call": open_call,
            "call_in_french": french_copy(open_call),
        }


english_home, open_call, call_in_french = read_again(
    "shared_call", "english_home", "open_call", "call_in_french"
)


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_closing_the_original_closes_every_translation(client, open_call, call_in_french):
    publish(open_call, closes_on=TODAY - datetime.timedelta(days=1))
    response = client.post(call_in_french.url, valid_data())
    assert response.status_code == 403
    assert not CallSubmission.objects.exists()
    assert french_copy(open_call).closes_at == open_call.closes_at


def test_a_capacity_set_on_the_original_counts_posts_in_every_language(
    client, open_call, call_in_french
):
    publish(open_call, capacity=1)
    assert client.post(open_call.url, valid_data()).status_code == 200
    response = client.post(call_in_french.url, valid_data(e_mail="zoe@example.org"))
    assert response.status_code == 409
    assert CallSubmission.objects.count() == 1


def test_one_per_e_mail_set_on_the_original_holds_in_french(client, open_call, call_in_french):
    publish(open_call, unique_per="email")
    assert client.post(open_call.url, valid_data()).status_code == 200
    assert client.post(call_in_french.url, valid_data()).status_code == 409
    assert CallSubmission.objects.count() == 1


def test_an_editor_cannot_give_a_translation_other_dates(open_call, call_in_french):
    call_in_french.closes_on = open_call.closes_on + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as refused:
        call_in_french.full_clean()
    assert "closes_on" in refused.value.message_dict


def test_a_translation_saved_with_other_dates_keeps_the_originals(open_call, call_in_french):
    # The editor refuses it (above); any other path that saves the page (a script, an import)
    # gets the original's rules back.
    call_in_french.closes_on = open_call.closes_on + datetime.timedelta(days=30)
    call_in_french.capacity = 500
    call_in_french.save()
    call_in_french.refresh_from_db()
    assert call_in_french.closes_on == open_call.closes_on
    assert call_in_french.closes_at == open_call.closes_at
    assert call_in_french.capacity is None


def test_closing_the_original_contest_closes_its_translations(english_home):
    contest = PhotoContestPageFactory(
        parent=english_home,
        opens_on=TODAY - datetime.timedelta(days=10),
        closes_on=TODAY + datetime.timedelta(days=10),
    )
    localize(english_home, "fr")
    localize(contest, "fr")
    publish(contest, closes_on=TODAY - datetime.timedelta(days=1))
    french = french_copy(contest)
    assert french.closes_on == contest.closes_on
    assert french.state == ContestState.JUDGING
