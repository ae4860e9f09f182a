"""A WSIS Prizes contest in expert review: two categories, three jurors on the first, one on
the second, two published criteria, and jury staff."""

import pytest

from juries import rounds
from prizes.phases import ContestPhase
from tests.conftest import make_english_home, read_again, shared_data
from tests.factories.juries import add_criteria, assign, jury_staff, make_round, staff_user
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter
from tests.factories.stocktaking import EntryFactory


@pytest.fixture
def contest(english_home):
    return make_contest(english_home)


def make_contest(home):
    page = PrizesContestPageFactory(parent=home, phase=ContestPhase.EXPERT_REVIEW)
    add_categories(page, "C7 E-health", "C3 Access to information")
    return page


@pytest.fixture
def categories(contest):
    return list(contest.categories.all())


@pytest.fixture
def criteria(contest):
    return make_criteria(contest)


def make_criteria(contest):
    # Impact counts twice as much as sustainability, scored out of 10 and of 5.
    return add_criteria(contest, ("Impact", 2, 10), ("Sustainability", 1, 5))


@pytest.fixture
def submissions(contest, categories):
    return make_submissions(contest, categories)


def make_submissions(contest, categories):
    """Three entries in the first category, one in the second."""
    first, second = categories
    made = [enter(contest, EntryFactory(title=f"Telemedicine {n}"), first) for n in range(3)]
    made.append(enter(contest, EntryFactory(title="Village libraries"), second))
    return made


@pytest.fixture
def jurors(db):
    return make_jurors()


def make_jurors():
    return {name: staff_user(name) for name in ("amina", "bruno", "chen", "dmitri")}


@pytest.fixture
def chair(db):
    return jury_staff()


@pytest.fixture
def jury_round(contest, categories, criteria, submissions, jurors, chair):
    return make_jury_round(contest, categories, jurors, chair)


def make_jury_round(contest, categories, jurors, chair):
    """Round 1, open, jurors amina, bruno and chen on the first category, dmitri on the second."""
    first, second = categories
    made = make_round(contest)
    assign(made, first.translation_key, jurors["amina"], jurors["bruno"], jurors["chen"])
    assign(made, second.translation_key, jurors["dmitri"])
    rounds.open_round(made, chair)
    return made


@pytest.fixture(scope="module")
def shared_jury(django_db_setup, django_db_blocker):
    """All of the above, built once for a module whose tests only read it (or change it and
    are rolled back): see `shared_jury_fixtures`."""
    with shared_data(django_db_blocker):
        contest = make_contest(make_english_home())
        categories = list(contest.categories.all())
        criteria = make_criteria(contest)
        submissions = make_submissions(contest, categories)
        jurors = make_jurors()
        chair = jury_staff()
        yield {
            "contest": contest,
            "categories": categories,
            "criteria": criteria,
            "submissions": submissions,
            "jurors": jurors,
            "chair": chair,
            "jury_round": make_jury_round(contest, categories, jurors, chair),
        }


def shared_jury_fixtures():
    """`contest`, `categories`, `criteria`, `submissions`, `jurors`, `chair` and `jury_round`,
    each read again for each test from `shared_jury`. A module takes them with
    `contest, categories, ... = shared_jury_fixtures()`, in that order."""
    return read_again(
        "shared_jury",
        "contest",
        "categories",
        "criteria",
        "submissions",
        "jurors",
        "chair",
        "jury_round",
    )


def candidate_of(jury_round, submission):
    return jury_round.candidates.get(entry_id=submission.pk)


def score(candidate, juror, impact, sustainability, comment=""):
    criteria = list(candidate.round.criteria())
    return rounds.submit_review(
        candidate, juror, dict(zip(criteria, [impact, sustainability], strict=True)), {}, comment
    )


def login(client, user):
    client.force_login(user)
    return client


def refused(response):
    """Wagtail's admin answers a PermissionDenied with the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"
