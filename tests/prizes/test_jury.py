"""The jury's choice nominates Prizes entries (PrizeSubmission.nominated): the nominees the
contest publishes and the online voting offers; no change once the voting has opened."""

import pytest
from wagtail.models import ModelLogEntry

from juries import rounds
from prizes.dashboard import history
from prizes.models import PrizeSubmission
from prizes.phases import ContestPhase
from tests.factories.juries import add_criteria, assign, jury_staff, make_round, staff_user
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db


def make_contest(parent, phase):
    contest = PrizesContestPageFactory(parent=parent, phase=phase)
    (category,) = add_categories(contest, "C7 E-health")
    add_criteria(contest, ("Impact", 1, 10))
    submissions = [enter(contest, EntryFactory(title=f"Project {n}"), category) for n in range(3)]
    juror, chair = staff_user("juror"), jury_staff()
    jury_round = make_round(contest)
    assign(jury_round, category.translation_key, juror)
    rounds.open_round(jury_round, chair)
    for submission, value in zip(submissions, [4, 9, 7], strict=True):
        candidate = jury_round.candidates.get(entry_id=submission.pk)
        criterion = jury_round.criteria().get()
        rounds.submit_review(candidate, juror, {criterion: value}, {})
    return contest, category, submissions, jury_round, chair


def ranking_url(jury_round, category):
    return f"/admin/juries/rounds/{jury_round.pk}/ranking/{category.translation_key}/"


def test_nominees_marked_on_the_ranking_are_the_contests_nominees(client, english_home):
    contest, category, submissions, jury_round, chair = make_contest(
        english_home, ContestPhase.EXPERT_REVIEW
    )
    best, second = submissions[1], submissions[2]
    chosen = [jury_round.candidates.get(entry_id=s.pk).pk for s in (best, second)]
    client.force_login(chair)
    response = client.post(
        ranking_url(jury_round, category), {"action": "nominate", "candidate": chosen}
    )
    assert response.status_code == 302
    ((_category, nominees),) = contest.nominees_by_category()
    assert {n.pk for n in nominees} == {best.pk, second.pk}
    assert ModelLogEntry.objects.filter(
        action="prizes.nominated", object_id=str(best.pk), user=chair
    ).exists()
    # In the contest's own audit trail (its dashboard).
    assert {(e.action, e.object_id) for e in history(contest)} >= {
        ("prizes.nominated", str(best.pk)),
        ("prizes.nominated", str(second.pk)),
    }
    # The ranking shows the contest's decision.
    html = client.get(ranking_url(jury_round, category)).content.decode()
    assert html.count(">Nominated<") == 2
    # Withdrawn again.
    client.post(ranking_url(jury_round, category), {"action": "withdraw", "candidate": chosen[:1]})
    assert set(PrizeSubmission.objects.filter(nominated=True).values_list("pk", flat=True)) == {
        second.pk
    }


def test_no_nomination_once_the_voting_has_opened(client, english_home):
    contest, category, submissions, jury_round, chair = make_contest(
        english_home, ContestPhase.VOTING
    )
    candidate = jury_round.candidates.get(entry_id=submissions[0].pk)
    client.force_login(chair)
    response = client.post(
        ranking_url(jury_round, category),
        {"action": "nominate", "candidate": [candidate.pk]},
        follow=True,
    )
    assert "the nominees can no longer change" in response.content.decode()
    assert not PrizeSubmission.objects.filter(nominated=True).exists()
    assert not ModelLogEntry.objects.filter(action="juries.candidate.nominate").exists()


def test_a_juror_reads_the_stocktaking_entry_they_score(client, english_home):
    contest, category, submissions, jury_round, chair = make_contest(
        english_home, ContestPhase.EXPERT_REVIEW
    )
    candidate = jury_round.candidates.get(entry_id=submissions[0].pk)
    client.force_login(chair)
    html = client.get(f"/admin/juries/candidates/{candidate.pk}/").content.decode()
    assert "Project 0" in html and "Connects rural clinics" in html
