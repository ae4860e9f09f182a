"""A candidate's weighted average and its jurors' disagreement, from the stored scores."""

import pytest

from juries import rounds
from juries.scoring import review_total
from tests.juries.conftest import candidate_of, login, score

pytestmark = pytest.mark.django_db


def test_a_review_total_weights_each_criterion_as_a_share_of_its_highest(criteria):
    impact, sustainability = criteria
    # Impact 8/10 weighs 2, sustainability 5/5 weighs 1: (2 × 0.8 + 1 × 1) / 3.
    assert review_total({impact.pk: 8, sustainability.pk: 5}, criteria) == pytest.approx(
        86.6667, abs=1e-3
    )
    assert review_total({impact.pk: 0, sustainability.pk: 0}, criteria) == 0
    assert review_total({impact.pk: 10, sustainability.pk: 5}, criteria) == 100


def test_average_standard_deviation_and_range_of_three_jurors(jury_round, submissions, jurors):
    candidate = candidate_of(jury_round, submissions[0])
    score(candidate, jurors["amina"], 8, 5)  # 86.67
    score(candidate, jurors["bruno"], 5, 2)  # 46.67
    score(candidate, jurors["chen"], 10, 3)  # 86.67
    standing = next(
        s
        for s in rounds.category_ranking(jury_round, candidate.category_key)
        if s.candidate == candidate
    )
    assert standing.count == 3
    assert standing.average == 73.33
    assert standing.deviation == 18.86
    assert (standing.lowest, standing.highest) == (46.67, 86.67)


def test_ranking_orders_by_average_unscored_last_and_shows_the_numbers(
    client, jury_round, submissions, jurors, chair
):
    first, second, third = (candidate_of(jury_round, s) for s in submissions[:3])
    score(first, jurors["amina"], 4, 2)  # 40
    score(second, jurors["amina"], 9, 4)  # 86.67
    score(second, jurors["bruno"], 7, 4)  # 73.33
    standings = rounds.category_ranking(jury_round, first.category_key)
    assert [s.candidate for s in standings] == [second, first, third]
    assert [s.rank for s in standings] == [1, 2, None]
    assert standings[0].deviation == 6.67
    assert standings[1].deviation == 0

    response = login(client, chair).get(
        f"/admin/juries/rounds/{jury_round.pk}/ranking/{first.category_key}/"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-average="80.0"' in html
    assert "73.33–86.67" in html
    assert (
        html.index("Telemedicine 1") < html.index("Telemedicine 0") < html.index("Telemedicine 2")
    )
