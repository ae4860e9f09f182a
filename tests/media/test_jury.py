"""The photo contest's jury: it scores the approved photos, blind to their photographers, and
its ranking sets the winners' ranks in place of the moderator's."""

import pytest
from wagtail.models import ModelLogEntry

from juries import rounds
from media.models import PhotoEntry
from tests.factories import ImageFactory
from tests.factories.juries import add_criteria, assign, jury_staff, make_round, staff_user

pytestmark = pytest.mark.django_db


def photo(contest, title, status=PhotoEntry.Status.APPROVED, **fields):
    return PhotoEntry.objects.create(
        contest=contest,
        contest_key=contest.translation_key,
        original="contests/x.jpg",
        public_image=ImageFactory() if status == PhotoEntry.Status.APPROVED else None,
        title=title,
        caption=f"{title}, a caption",
        taken_where="Kigali",
        photographer="Grace Uwase",
        email="grace@example.org",
        country="RW",
        licence="cc-by-4.0",
        status=status,
        **fields,
    )


@pytest.fixture
def judged(contest):
    """Four approved photos (one already ranked first by a moderator), one pending; scored."""
    photos = [photo(contest, f"Photo {n}") for n in range(4)]
    PhotoEntry.objects.filter(pk=photos[0].pk).update(winner_rank=1)
    photo(contest, "Pending photo", status=PhotoEntry.Status.PENDING)
    add_criteria(contest, ("Composition", 1, 10), ("Relevance to the theme", 1, 10))
    juror, chair = staff_user("juror"), jury_staff()
    jury_round = make_round(contest)
    assign(jury_round, contest.translation_key, juror)
    rounds.open_round(jury_round, chair)
    criteria = list(jury_round.criteria())
    for entry, value in zip(photos, [3, 10, 6, 8], strict=True):
        candidate = jury_round.candidates.get(entry_id=entry.pk)
        rounds.submit_review(candidate, juror, {c: value for c in criteria}, {})
    return photos, jury_round, juror, chair


def test_the_jury_scores_the_approved_photos_only(judged):
    photos, jury_round, _juror, _chair = judged
    assert sorted(jury_round.candidates.values_list("entry_id", flat=True)) == sorted(
        p.pk for p in photos
    )


def test_a_juror_sees_the_photo_not_the_photographer(client, judged):
    photos, jury_round, juror, _chair = judged
    candidate = jury_round.candidates.get(entry_id=photos[1].pk)
    client.force_login(juror)
    html = client.get(f"/admin/juries/candidates/{candidate.pk}/").content.decode()
    assert "Photo 1, a caption" in html and "<img" in html
    assert "Grace Uwase" not in html and "grace@example.org" not in html


def test_the_ranking_sets_the_winners_ranks(client, contest, judged):
    photos, jury_round, _juror, chair = judged
    ranking = f"/admin/juries/rounds/{jury_round.pk}/ranking/{contest.translation_key}/"
    client.force_login(chair)
    html = client.get(ranking).content.decode()
    assert html.index("Photo 1") < html.index("Photo 3") < html.index("Photo 2")
    chosen = [
        jury_round.candidates.get(entry_id=p.pk).pk for p in (photos[2], photos[1], photos[3])
    ]
    client.post(ranking, {"action": "nominate", "candidate": chosen})
    ranks = dict(PhotoEntry.objects.values_list("title", "winner_rank"))
    # In the ranking's order, whatever the order of the selection; the moderator's rank is gone.
    assert ranks == {
        "Photo 0": None,
        "Photo 1": 1,
        "Photo 3": 2,
        "Photo 2": 3,
        "Pending photo": None,
    }
    assert ModelLogEntry.objects.filter(action="juries.photos.rank", user=chair).count() == 4


def test_no_more_winners_than_the_contest_has_prizes(client, contest, judged):
    photos, jury_round, _juror, chair = judged
    ranking = f"/admin/juries/rounds/{jury_round.pk}/ranking/{contest.translation_key}/"
    client.force_login(chair)
    response = client.post(
        ranking,
        {
            "action": "nominate",
            "candidate": list(jury_round.candidates.values_list("pk", flat=True)),
        },
        follow=True,
    )
    assert "choose at most 3 photos" in response.content.decode()
    assert PhotoEntry.objects.get(pk=photos[0].pk).winner_rank == 1


def test_a_photo_rejected_since_cannot_win(client, contest, judged):
    photos, jury_round, _juror, chair = judged
    PhotoEntry.objects.filter(pk=photos[1].pk).update(status=PhotoEntry.Status.REJECTED)
    ranking = f"/admin/juries/rounds/{jury_round.pk}/ranking/{contest.translation_key}/"
    client.force_login(chair)
    candidate = jury_round.candidates.get(entry_id=photos[1].pk)
    response = client.post(
        ranking, {"action": "nominate", "candidate": [candidate.pk]}, follow=True
    )
    assert "Only an approved photo can win." in response.content.decode()
    assert PhotoEntry.objects.get(pk=photos[0].pk).winner_rank == 1
