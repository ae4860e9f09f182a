"""A juror is blind to the other jurors' scores for an entry until they have sent their own,
whatever screen they ask for; scores are sent once, whole, and only while the round is open."""

import pytest

from juries.models import JuryRound, Review, Score
from tests.juries.conftest import candidate_of, login, refused, score, shared_jury_fixtures

pytestmark = pytest.mark.django_db
# Built once for the module: each test reads them, or changes them and is rolled back.
contest, categories, criteria, submissions, jurors, chair, jury_round = shared_jury_fixtures()


@pytest.fixture
def scored_by_bruno(jury_round, submissions, jurors):
    candidate = candidate_of(jury_round, submissions[0])
    return score(candidate, jurors["bruno"], 3, 1, comment="Weak on sustainability")


def test_a_juror_who_has_not_scored_sees_no_other_score(client, scored_by_bruno, jurors):
    candidate = scored_by_bruno.candidate
    login(client, jurors["amina"])
    response = client.get(f"/admin/juries/candidates/{candidate.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Send my scores" in html
    assert "Bruno" not in html
    assert "Weak on sustainability" not in html
    assert "data-average" not in html
    # Nor by the review's own address.
    assert refused(client.get(f"/admin/juries/reviews/{scored_by_bruno.pk}/"))


def test_after_scoring_the_juror_sees_the_others(client, scored_by_bruno, jurors, criteria):
    candidate = scored_by_bruno.candidate
    login(client, jurors["amina"])
    impact, sustainability = criteria
    response = client.post(
        f"/admin/juries/candidates/{candidate.pk}/",
        {f"score_{impact.pk}": 8, f"score_{sustainability.pk}": 4, "comment": "Strong"},
    )
    assert response.status_code == 302
    html = client.get(f"/admin/juries/candidates/{candidate.pk}/").content.decode()
    assert "Bruno" in html and "Weak on sustainability" in html
    assert "Send my scores" not in html
    review = client.get(f"/admin/juries/reviews/{scored_by_bruno.pk}/")
    assert review.status_code == 200
    assert 'data-total="26.67"' in review.content.decode()


def test_the_juror_sees_their_own_scores_and_only_theirs(client, jury_round, submissions, jurors):
    candidate = candidate_of(jury_round, submissions[0])
    mine = score(candidate, jurors["amina"], 8, 4)
    # Chen has not scored: Amina's review stays hidden from him.
    login(client, jurors["chen"])
    assert refused(client.get(f"/admin/juries/reviews/{mine.pk}/"))
    login(client, jurors["amina"])
    assert client.get(f"/admin/juries/reviews/{mine.pk}/").status_code == 200


def test_scores_are_sent_once(client, scored_by_bruno, jurors, criteria):
    candidate = scored_by_bruno.candidate
    impact, sustainability = criteria
    login(client, jurors["bruno"])
    response = client.post(
        f"/admin/juries/candidates/{candidate.pk}/",
        {f"score_{impact.pk}": 10, f"score_{sustainability.pk}": 5},
    )
    assert response.status_code == 409
    assert Score.objects.get(review=scored_by_bruno, criterion=impact).value == 3


@pytest.mark.parametrize(
    "data",
    [
        {"impact": 11, "sustainability": 3},  # above the criterion's highest score
        {"impact": -1, "sustainability": 3},
        {"impact": 5},  # a criterion left out
        {"impact": "ten", "sustainability": 3},
    ],
)
def test_a_bad_score_stores_nothing(client, jury_round, submissions, jurors, criteria, data):
    candidate = candidate_of(jury_round, submissions[0])
    impact, sustainability = criteria
    names = {"impact": f"score_{impact.pk}", "sustainability": f"score_{sustainability.pk}"}
    login(client, jurors["amina"])
    response = client.post(
        f"/admin/juries/candidates/{candidate.pk}/", {names[k]: v for k, v in data.items()}
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Review.objects.exists()


def test_no_score_once_the_round_is_closed(client, jury_round, submissions, jurors, criteria):
    JuryRound.objects.filter(pk=jury_round.pk).update(status=JuryRound.Status.CLOSED)
    candidate = candidate_of(jury_round, submissions[0])
    impact, sustainability = criteria
    login(client, jurors["amina"])
    assert (
        "Send my scores"
        not in client.get(f"/admin/juries/candidates/{candidate.pk}/").content.decode()
    )
    response = client.post(
        f"/admin/juries/candidates/{candidate.pk}/",
        {f"score_{impact.pk}": 5, f"score_{sustainability.pk}": 5},
    )
    assert response.status_code == 403
    assert not Review.objects.exists()
