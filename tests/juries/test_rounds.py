"""Rounds narrow the field: round 2 scores the entries marked to go on from round 1 (or, in a
category where none is marked, its best N); each change is in Wagtail's audit log."""

import pytest
from wagtail.models import ModelLogEntry

from juries import rounds
from juries.models import JuryRound
from tests.juries.conftest import candidate_of, login, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(jury_round, submissions, jurors):
    """Round 1 scored: in the first category 1 > 0 > 2; the second category's one entry."""
    first, second, third, fourth = (candidate_of(jury_round, s) for s in submissions)
    score(first, jurors["amina"], 6, 3)
    score(second, jurors["amina"], 9, 5)
    score(third, jurors["amina"], 2, 1)
    score(fourth, jurors["dmitri"], 7, 3)
    return first, second, third, fourth


def test_opening_round_one_takes_every_entry(jury_round, submissions):
    assert sorted(jury_round.candidates.values_list("entry_id", flat=True)) == sorted(
        s.pk for s in submissions
    )


def test_a_round_opens_only_with_published_criteria(contest, submissions, chair):
    jury_round = rounds.create_round(contest, chair)
    with pytest.raises(rounds.RoundError):
        rounds.open_round(jury_round, chair)
    assert JuryRound.objects.get().status == JuryRound.Status.PREPARING


def test_round_two_takes_the_marked_and_the_best(client, jury_round, scored, jurors, chair):
    first, second, third, fourth = scored
    jury_round.advance_count = 1
    jury_round.save()
    rounds.close_round(jury_round, chair)
    # Staff mark two of the first category by hand, from its ranking; none of the second.
    login(client, chair)
    response = client.post(
        f"/admin/juries/rounds/{jury_round.pk}/ranking/{first.category_key}/",
        {"action": "advance", "candidate": [first.pk, third.pk]},
    )
    assert response.status_code == 302
    response = client.post(f"/admin/juries/rounds/{jury_round.pk}/", {"action": "next"})
    following = JuryRound.objects.get(number=2)
    assert response["Location"] == f"/admin/juries/rounds/{following.pk}/"
    assert sorted(following.candidates.values_list("entry_id", flat=True)) == sorted(
        [first.entry_id, third.entry_id, fourth.entry_id]
    )
    # The jurors carry over; round 1's choice is made.
    assert following.assignments.count() == jury_round.assignments.count()
    with pytest.raises(rounds.RoundError):
        rounds.set_advances(jury_round, [second], True, chair)
    with pytest.raises(rounds.RoundError):
        rounds.start_next_round(jury_round, chair)


def test_the_best_n_of_a_category_go_on(jury_round, scored, chair):
    first, second, third, _fourth = scored
    rounds.close_round(jury_round, chair)
    best = rounds.advance_best(jury_round, first.category_key, 2, chair)
    assert best == [second, first]
    third.refresh_from_db()
    assert not third.advances


def test_no_next_round_before_closing_nor_without_entries(jury_round, scored, chair):
    with pytest.raises(rounds.RoundError):
        rounds.start_next_round(jury_round, chair)
    rounds.close_round(jury_round, chair)
    with pytest.raises(rounds.RoundError):  # none marked, advance_count 0
        rounds.start_next_round(jury_round, chair)
    assert not JuryRound.objects.filter(number=2).exists()


def test_every_status_change_is_in_the_audit_log(
    client, jury_round, scored, jurors, chair, categories
):
    first = scored[0]
    rounds.close_round(jury_round, chair)
    rounds.set_advances(jury_round, [first], True, chair)
    following = rounds.start_next_round(jury_round, chair)
    login(client, chair).post(
        f"/admin/juries/rounds/{following.pk}/",
        {"action": "jurors", "category": str(categories[1].translation_key), "jurors": []},
    )
    actions = list(
        ModelLogEntry.objects.order_by("timestamp", "pk").values_list("action", "user_id")
    )
    assert ("juries.round.open", chair.pk) in actions
    assert ("juries.review.submit", jurors["amina"].pk) in actions
    assert ("juries.round.close", chair.pk) in actions
    assert ("juries.candidate.advance", chair.pk) in actions
    assert ("juries.round.create", chair.pk) in actions
    assert ("juries.juror.remove", chair.pk) in actions
    # And Wagtail knows how to word each of them (register_log_actions).
    from wagtail.log_actions import registry

    assert all(registry.action_exists(action) for action, _user in actions)


def test_a_juror_who_has_scored_stays_on_the_category(
    jury_round, scored, jurors, chair, categories
):
    with pytest.raises(rounds.RoundError):
        rounds.set_jurors(jury_round, categories[0].translation_key, [jurors["bruno"]], chair)
    assert jury_round.assignments.filter(juror=jurors["amina"]).exists()


def test_staff_create_a_first_round_from_the_jury_screen(client, contest, chair):
    login(client, chair)
    response = client.post("/admin/juries/", {"contest": contest.pk, "advance_count": 5})
    created = JuryRound.objects.get()
    assert response["Location"] == f"/admin/juries/rounds/{created.pk}/"
    assert (created.kind, created.number, created.advance_count) == ("prizes", 1, 5)
    # One first round per contest.
    assert (
        client.post("/admin/juries/", {"contest": contest.pk, "advance_count": 5}).status_code
        == 400
    )
