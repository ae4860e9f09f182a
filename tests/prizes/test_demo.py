"""The demo's WSIS Prizes 2014 and 2017, from the newsletters' facts."""

import datetime

from django.core.management import call_command

from demo import prizes as prizes_demo
from demo.clock import DemoClock
from prizes.models import PrizeSubmission, Vote
from prizes.phases import ContestPhase


def test_the_2014_and_2017_contests_with_their_results(english_home, client):
    call_command("generate_stocktaking", count=120, seed=1, verbosity=0)
    contests = prizes_demo.build(english_home, None, None, DemoClock())
    old, new = contests
    assert old.title == "WSIS Project Prizes 2014" and new.title == "WSIS Prizes 2017"
    # 23:00 Geneva time, summer time: 21:00 UTC.
    assert old.voting_closes_at == datetime.datetime(2014, 4, 18, 21, 0, tzinfo=datetime.UTC)
    assert new.submission_closes_on == datetime.date(2017, 3, 1)
    assert new.voting_opens_on == datetime.date(2017, 3, 16)
    assert new.categories.count() == 18
    assert "C7.4" in " ".join(c.name for c in new.categories.all())
    for contest in contests:
        assert contest.phase() == ContestPhase.RESULTS_ANNOUNCED
        awards = contest.awards()
        with_nominees = [a for a in awards if a[1]]
        assert with_nominees and all(len(winners) == 1 for _c, winners, _ch in with_nominees)
    counts = (PrizeSubmission.objects.count(), Vote.objects.count())
    assert counts[1] > 0
    prizes_demo.build(english_home, None, None, DemoClock())  # safe to run again
    assert (PrizeSubmission.objects.count(), Vote.objects.count()) == counts
    html = client.get(new.url).content.decode()
    assert "Winners and champions" in html and "Results of the online voting" in html
