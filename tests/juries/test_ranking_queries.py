"""The ranking screen's queries do not grow with its entries (10 and 200, scored by 3 jurors)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from juries.models import Candidate, Review, Score
from tests.factories.prizes import enter_many
from tests.factories.stocktaking import add_entries
from tests.juries.conftest import login

pytestmark = pytest.mark.django_db


def fill(jury_round, contest, category, jurors, count, criteria):
    submissions = enter_many(contest, add_entries(count), category)
    candidates = Candidate.objects.bulk_create(
        Candidate(round=jury_round, entry_id=submission.pk, category_key=category.translation_key)
        for submission in submissions
    )
    reviews = Review.objects.bulk_create(
        Review(candidate=c, juror=j) for c in candidates for j in jurors
    )
    Score.objects.bulk_create(
        Score(review=r, criterion=c, value=(r.pk + c.pk) % 5) for r in reviews for c in criteria
    )


def ranking_url(jury_round, category):
    return f"/admin/juries/rounds/{jury_round.pk}/ranking/{category.translation_key}/"


def ranking_queries(client, jury_round, category):
    url = ranking_url(jury_round, category)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode().count("data-candidate=")


def test_ranking_queries_with_10_and_200_entries(
    client, jury_round, contest, categories, jurors, chair, criteria
):
    first, second = categories
    three = [jurors["amina"], jurors["bruno"], jurors["chen"]]
    login(client, chair)
    fill(jury_round, contest, second, three, 10, criteria)
    # Wagtail's per-process caches warmed once: nothing between the two counts empties them.
    client.get(ranking_url(jury_round, second))
    few, shown = ranking_queries(client, jury_round, second)
    assert shown == 11  # with the fixture's entry
    fill(jury_round, contest, second, three, 190, criteria)
    many, shown = ranking_queries(client, jury_round, second)
    assert shown == 201
    print(f"ranking queries: {few} with 11 entries, {many} with 201")
    assert few == many
