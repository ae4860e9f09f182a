"""A contest per year: its phases in its time zone, the same in every language, its categories
translated with it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from prizes.models import PrizesContestPage
from prizes.phases import ContestPhase
from tests.conftest import localize, translate
from tests.factories.prizes import PrizesContestPageFactory, add_categories

UTC = datetime.UTC
SECOND = datetime.timedelta(seconds=1)

# Each phase's first instant (UTC) in Geneva's time, WSIS Prizes 2017: submission opens on the
# last day of summer time 2016, voting runs across the change to summer time of 26 March 2017.
BOUNDARIES = [
    # 30 Oct 2016 00:00 CEST (UTC+2)
    (
        datetime.datetime(2016, 10, 29, 22, 0, tzinfo=UTC),
        ContestPhase.NOT_YET_OPEN,
        ContestPhase.SUBMISSION,
    ),
    # 1 Mar 2017 23:59 CET (UTC+1): the last minute a project can still be entered ends
    (
        datetime.datetime(2017, 3, 1, 22, 59, tzinfo=UTC),
        ContestPhase.SUBMISSION,
        ContestPhase.EXPERT_REVIEW,
    ),
    # 14 Mar 2017 00:00 CET
    (
        datetime.datetime(2017, 3, 13, 23, 0, tzinfo=UTC),
        ContestPhase.EXPERT_REVIEW,
        ContestPhase.NOMINEES_PUBLISHED,
    ),
    # 16 Mar 2017 00:00 CET
    (
        datetime.datetime(2017, 3, 15, 23, 0, tzinfo=UTC),
        ContestPhase.NOMINEES_PUBLISHED,
        ContestPhase.VOTING,
    ),
    # 16 Apr 2017 23:59 CEST (UTC+2): summer time by then
    (
        datetime.datetime(2017, 4, 16, 21, 59, tzinfo=UTC),
        ContestPhase.VOTING,
        ContestPhase.VOTING_CLOSED,
    ),
    # 12 Jun 2017 00:00 CEST
    (
        datetime.datetime(2017, 6, 11, 22, 0, tzinfo=UTC),
        ContestPhase.VOTING_CLOSED,
        ContestPhase.RESULTS_ANNOUNCED,
    ),
]


@pytest.fixture
def contest(english_home):
    return PrizesContestPageFactory(parent=english_home)


@pytest.mark.parametrize(("boundary", "before", "after"), BOUNDARIES)
def test_each_phase_begins_at_its_local_time_one_second_matters(contest, boundary, before, after):
    assert contest.phase(boundary - SECOND) == before
    assert contest.phase(boundary) == after
    assert contest.phase(boundary + SECOND) == after


def test_a_deadline_time_moves_the_boundary(english_home):
    # "Deadline: 23:00 Geneva time" (2014): 18 April 2014 23:00 CEST is 21:00 UTC.
    contest = PrizesContestPageFactory(
        parent=english_home,
        voting_closes_on=datetime.date(2014, 4, 18),
        voting_closes_time=datetime.time(23, 0),
        voting_opens_on=datetime.date(2014, 3, 16),
        nominees_published_on=datetime.date(2014, 3, 15),
        submission_opens_on=datetime.date(2013, 10, 1),
        submission_closes_on=datetime.date(2014, 2, 1),
        results_announced_on=datetime.date(2014, 6, 10),
    )
    closes = datetime.datetime(2014, 4, 18, 21, 0, tzinfo=UTC)
    assert contest.phase(closes - SECOND) == ContestPhase.VOTING
    assert contest.phase(closes) == ContestPhase.VOTING_CLOSED


def test_phases_out_of_order_are_refused(contest):
    contest.voting_opens_on = datetime.date(2017, 3, 10)  # before the nominees are published
    with pytest.raises(ValidationError) as error:
        contest.full_clean()
    assert "voting_opens_on" in error.value.message_dict


def test_where_a_contest_may_be_created(english_home):
    assert PrizesContestPage.can_create_at(english_home)
    assert set(PrizesContestPage.parent_page_types) == {"home.HomePage", "home.StandardPage"}
    assert HomePage in PrizesContestPage.allowed_parent_page_models()
    assert StandardPage in PrizesContestPage.allowed_parent_page_models()
    assert PrizesContestPage.allowed_subpage_models() == []


def test_translations_keep_the_originals_phases(contest, english_home):
    translate(english_home, "fr")
    french = translate(contest, "fr")
    french.voting_closes_on = datetime.date(2017, 5, 1)
    french.save()  # saved other than through the editor: takes the original's back
    french.refresh_from_db()
    assert french.voting_closes_on == datetime.date(2017, 4, 16)
    contest.voting_closes_on = datetime.date(2017, 4, 20)
    contest.save_revision().publish()
    french.refresh_from_db()
    assert french.voting_closes_on == datetime.date(2017, 4, 20)
    assert french.voting_closes_at == contest.voting_closes_at
    french.voting_closes_on = datetime.date(2017, 4, 25)
    with pytest.raises(ValidationError):
        french.full_clean()


def test_categories_are_translated_with_the_page(contest, english_home, committed):
    add_categories(contest, "C1. The role of governments", "C7. E-health")
    contest.save_revision().publish()
    translate(english_home, "fr")
    localize(contest, "fr", texts=lambda text: f"FR {text}")
    french = PrizesContestPage.objects.get(
        translation_key=contest.translation_key, locale=Locale.objects.get(language_code="fr")
    )
    names = [c.name for c in french.categories.all()]
    assert "FR C7. E-health" in names
    keys = {c.translation_key for c in french.categories.all()}
    assert keys == {c.translation_key for c in contest.categories.all()}


def test_the_page_shows_phases_categories_and_rules(client, contest):
    add_categories(contest, "C3. Access to information and knowledge")
    contest.rules = "<p>One project per contest.</p>"
    contest.save_revision().publish()
    html = client.get(contest.url).content.decode()
    assert "C3. Access to information and knowledge" in html
    assert "One project per contest." in html
    assert "Times: Geneva time (CE" in html  # CET or CEST, as of today
