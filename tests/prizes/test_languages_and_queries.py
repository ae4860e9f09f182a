"""Every language version of a contest is one contest; its listing does not grow in queries."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from prizes.models import PrizesContestPage, Vote
from prizes.models.storing import AlreadyVoted
from prizes.phases import ContestPhase
from tests.conftest import localize, translate
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter, enter_many
from tests.factories.stocktaking import EntryFactory, add_entries
from tests.prizes.conftest import guards


def test_a_vote_in_arabic_and_one_in_english_are_one_voters(client, english_home, committed):
    contest = PrizesContestPageFactory(parent=english_home, phase=ContestPhase.VOTING)
    (health,) = add_categories(contest, "C7.4 E-health")
    contest.save_revision().publish()
    nominee = enter(contest, EntryFactory(), health, nominated=True)
    translate(english_home, "ar")
    localize(contest, "ar", texts=lambda text: f"عربي {text}")
    arabic = PrizesContestPage.objects.get(
        translation_key=contest.translation_key, locale=Locale.objects.get(language_code="ar")
    )
    page = client.get(arabic.url)
    html = page.content.decode()
    assert 'dir="rtl"' in html and "عربي C7.4 E-health" in html
    response = client.post(
        f"{arabic.url}vote/{health.translation_key}/",
        {"nominee": nominee.pk, "email": "voter@example.org", **guards()},
    )
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    arabic.record_vote(health.translation_key, nominee.pk, "voter@example.org")
    vote = Vote.objects.get()
    assert (vote.contest_key, vote.language) == (contest.translation_key, "ar")
    with pytest.raises(AlreadyVoted):
        contest.record_vote(health.translation_key, nominee.pk, "Voter+en@example.org")


def page_queries(client, english_home, nominees, slug):
    """The contest page in the voting phase with `nominees` nominees in two categories."""
    contest = PrizesContestPageFactory(parent=english_home, phase=ContestPhase.VOTING, slug=slug)
    categories = add_categories(contest, "C1", "C2")
    entries = add_entries(nominees)
    for n, category in enumerate(categories):  # every other entry in each
        enter_many(contest, entries[n::2], category, nominated=True)
    client.get(contest.url)  # warm the site's caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(contest.url).status_code == 200
    return len(queries)


def test_the_nominees_listing_takes_the_same_queries_at_two_sizes(client, english_home):
    assert page_queries(client, english_home, 10, "small") == page_queries(
        client, english_home, 500, "large"
    )
