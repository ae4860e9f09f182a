"""The demo's juries (demo/juries.py): the Prizes 2017 round and the photo contest's two rounds,
whose ranking crowns the demo's winners; safe to run again."""

import pytest

from demo import juries as demo_juries
from juries import rounds
from juries.models import Criterion, JuryRound, Review
from media.models import PhotoEntry
from tests.factories import ImageFactory, PhotoContestPageFactory
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contests(english_home):
    prizes = PrizesContestPageFactory(parent=english_home)
    for category in add_categories(prizes, "C1 Governments", "C2 Infrastructure"):
        for n in range(3):
            enter(prizes, EntryFactory(title=f"{category.name} {n}"), category, nominated=True)
    photos = PhotoContestPageFactory(parent=english_home)
    for number in range(1, 21):
        PhotoEntry.objects.create(
            contest=photos,
            contest_key=photos.translation_key,
            original="contests/x.jpg",
            public_image=ImageFactory(),
            title=f"Photo ({number})",
            caption="A caption",
            taken_where="Geneva",
            photographer="Someone",
            email="someone@example.org",
            country="CH",
            licence="cc-by-4.0",
            status=PhotoEntry.Status.APPROVED,
        )
    return prizes, photos


def test_the_demo_juries(contests):
    prizes, photos = contests
    demo_juries.build()
    demo_juries.build()  # again: nothing more

    prizes_round = JuryRound.objects.get(contest=prizes)
    assert prizes_round.status == JuryRound.Status.CLOSED
    assert Review.objects.filter(candidate__round=prizes_round).count() == 6 * 3
    assert Criterion.objects.filter(contest=prizes, locale=prizes.locale).count() == 3

    first, second = JuryRound.objects.filter(contest=photos).order_by("number")
    assert first.candidates.count() == 20
    assert second.candidates.count() == 6
    winners = dict(PhotoEntry.objects.exclude(winner_rank=None).values_list("winner_rank", "title"))
    assert winners == {1: "Photo (5)", 2: "Photo (12)", 3: "Photo (18)"}
    (category,) = second.categories()
    ranking = rounds.category_ranking(second, category.key)
    assert [s.rank for s in ranking[:3]] == [1, 2, 3]
    # The criteria in the five other languages.
    assert Criterion.objects.filter(contest=photos).count() == 2 * 6
