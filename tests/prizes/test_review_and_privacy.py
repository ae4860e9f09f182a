"""Votes that look like a campaign of fake votes are flagged for staff, not silently counted;
the rate limits per client and per category; voters' personal data: kept for a retention
period, exported and erased on request (by staff, or by the voter's own link)."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from prizes.models import PrizesContestPage, Vote
from prizes.models.storing import PhaseClosed
from prizes.phases import ContestPhase
from tests.factories import member_of
from tests.factories.prizes import PrizesContestPageFactory, add_categories, enter
from tests.factories.stocktaking import EntryFactory
from tests.prizes.conftest import guards
from tests.prizes.test_voting import contest_with_nominees, vote_by_email

SECOND = datetime.timedelta(seconds=1)
NETWORK = "203.0.113.0/24"


def counts(contest, category):
    return {n.pk: n.vote_count for n in dict(contest.results())[category]}


def close_voting(contest):
    PrizesContestPage.objects.filter(pk=contest.pk).update(
        voting_opens_at=contest.voting_opens_at.replace(year=2000),
        voting_closes_at=contest.voting_opens_at.replace(year=2001),
    )
    contest.refresh_from_db()


# Phases: a vote at the boundaries, WSIS Prizes 2017 (CET when voting opens, CEST when it closes).


def test_a_vote_one_second_before_and_after_the_voting_phase(english_home):
    contest = PrizesContestPageFactory(parent=english_home)  # the 2017 dates
    (health,) = add_categories(contest, "C7.4 E-health")
    nominee = enter(contest, EntryFactory(), health, nominated=True)
    opens = datetime.datetime(2017, 3, 15, 23, 0, tzinfo=datetime.UTC)  # 16 Mar 00:00 CET
    closes = datetime.datetime(2017, 4, 16, 21, 59, tzinfo=datetime.UTC)  # 16 Apr 23:59 CEST
    key = health.translation_key
    with pytest.raises(PhaseClosed):
        contest.record_vote(key, nominee.pk, "early@example.org", now=opens - SECOND)
    contest.record_vote(key, nominee.pk, "first@example.org", now=opens)
    contest.record_vote(key, nominee.pk, "last@example.org", now=closes - SECOND)
    with pytest.raises(PhaseClosed):
        contest.record_vote(key, nominee.pk, "late@example.org", now=closes)
    assert sorted(Vote.objects.values_list("voter_email", flat=True)) == [
        "first@example.org",
        "last@example.org",
    ]


# Anomalies.


def test_a_burst_from_one_network_is_flagged_and_not_counted(english_home, settings):
    settings.PRIZES_NETWORK_BURST = (2, 600)
    contest, health, capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)
    nominee = nominees["health"][0]
    key = health.translation_key
    first = contest.record_vote(key, nominee.pk, "a@example.org", network=NETWORK)
    second = contest.record_vote(key, nominee.pk, "b@example.org", network=NETWORK)
    third = contest.record_vote(key, nominee.pk, "c@example.org", network=NETWORK)
    # Another category, the same network: still the same contest's burst.
    fourth = contest.record_vote(
        capacity.translation_key, nominees["capacity"][0].pk, "d@example.org", network=NETWORK
    )
    elsewhere = contest.record_vote(key, nominee.pk, "e@example.org", network="198.51.100.0/24")
    assert [v.status for v in (first, second, third, fourth, elsewhere)] == [
        "counted",
        "counted",
        "flagged",
        "flagged",
        "counted",
    ]
    assert third.flag == Vote.Flag.NETWORK_BURST
    close_voting(contest)
    assert counts(contest, health)[nominee.pk] == 3  # a, b and e; c waits for staff


def test_many_votes_for_one_nominee_within_seconds_are_flagged(english_home, settings):
    settings.PRIZES_RAPID_VOTES = (3, 10)
    contest, health, _capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)
    nominee, other = nominees["health"]
    key = health.translation_key
    now = timezone.now()
    statuses = [
        contest.record_vote(key, nominee.pk, f"v{i}@example.org", now=now + i * SECOND).status
        for i in range(5)
    ]
    assert statuses == ["counted", "counted", "counted", "flagged", "flagged"]
    # The other nominee, and the same nominee once the seconds have passed, are not affected.
    assert contest.record_vote(key, other.pk, "w@example.org", now=now).status == "counted"
    later = now + 30 * SECOND
    assert contest.record_vote(key, nominee.pk, "x@example.org", now=later).status == "counted"
    assert Vote.objects.get(voter_email="v3@example.org").flag == Vote.Flag.RAPID


def test_the_confirmation_records_the_network_and_says_the_vote_waits(
    client, english_home, settings, committed
):
    settings.PRIZES_NETWORK_BURST = (1, 600)
    contest, health, _capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)
    nominee = nominees["health"][0]
    client.defaults["REMOTE_ADDR"] = "203.0.113.7"
    assert vote_by_email(client, contest, health, nominee, "a@example.org").status_code == 200
    response = vote_by_email(client, contest, health, nominee, "b@example.org")
    assert response.status_code == 200
    assert "staff check such votes" in response.content.decode()
    assert list(Vote.objects.order_by("pk").values_list("network", "status")) == [
        (NETWORK, "counted"),
        (NETWORK, "flagged"),
    ]


# Staff review.


def flag_votes(contest, category, nominee, number):
    return [
        Vote.objects.create(
            contest_key=contest.translation_key,
            category_key=category.translation_key,
            nominee=nominee,
            voter_email=f"flagged{i}@example.org",
            network=NETWORK,
            status=Vote.Status.FLAGGED,
            flag=Vote.Flag.NETWORK_BURST,
        )
        for i in range(number)
    ]


def test_staff_accept_or_reject_flagged_votes_and_each_decision_is_logged(
    admin_client, english_home, admin_user
):
    contest, health, _capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)
    nominee = nominees["health"][0]
    accepted, rejected, waiting = flag_votes(contest, health, nominee, 3)
    url = reverse("prizes_flagged_votes")
    listing = admin_client.get(url)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "flagged0@example.org" in html and NETWORK in html and "3 votes wait" in html
    admin_client.post(url, {"decision": "accept", "vote": [accepted.pk]})
    admin_client.post(url, {"decision": "reject", "vote": [rejected.pk]})
    statuses = dict(Vote.objects.values_list("pk", "status"))
    assert statuses == {accepted.pk: "counted", rejected.pk: "rejected", waiting.pk: "flagged"}
    logged = ModelLogEntry.objects.filter(action__startswith="prizes.vote_")
    assert {(e.action, e.object_id, e.user_id) for e in logged} == {
        ("prizes.vote_accepted", str(accepted.pk), admin_user.pk),
        ("prizes.vote_rejected", str(rejected.pk), admin_user.pk),
    }
    # A decided vote is not decided again by a stale form.
    admin_client.post(url, {"decision": "accept", "vote": [rejected.pk]})
    assert Vote.objects.get(pk=rejected.pk).status == "rejected"
    close_voting(contest)
    assert counts(contest, health)[nominee.pk] == 1


def test_flagged_votes_are_for_vote_reviewers_only(client, english_home):
    client.force_login(member_of("Communications editors", "editor"))
    assert client.get(reverse("prizes_flagged_votes")).status_code in (302, 403)
    assert client.get(reverse("prizes_voter_data")).status_code in (302, 403)


def review_queries(admin_client, english_home, number, slug):
    contest = PrizesContestPageFactory(parent=english_home, phase=ContestPhase.VOTING, slug=slug)
    (category,) = add_categories(contest, "C1")
    nominee = enter(contest, EntryFactory(), category, nominated=True)
    Vote.objects.all().delete()
    flag_votes(contest, category, nominee, number)
    admin_client.get(reverse("prizes_flagged_votes"))
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(reverse("prizes_flagged_votes")).status_code == 200
    return len(queries)


def test_the_review_screen_takes_the_same_queries_with_10_and_200_votes(admin_client, english_home):
    assert review_queries(admin_client, english_home, 10, "small") == review_queries(
        admin_client, english_home, 200, "large"
    )


# Rate limits.


def test_vote_requests_are_limited_per_category(client, english_home, settings):
    settings.PRIZES_VOTE_RATE_LIMIT = (1, 600)
    contest, health, capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)

    def ask(category, nominee, email):
        data = {"nominee": nominee.pk, "email": email, **guards()}
        return client.post(f"{contest.url}vote/{category.translation_key}/", data).status_code

    assert ask(health, nominees["health"][0], "a@example.org") == 200
    assert ask(health, nominees["health"][1], "b@example.org") == 429
    assert ask(capacity, nominees["capacity"][0], "a@example.org") == 200
    assert len(mail.outbox) == 2


# Personal data.


def test_voters_are_erased_after_the_retention_period_and_counts_stay(english_home, settings):
    settings.PRIZES_VOTER_RETENTION_DAYS = 180
    contest, health, _capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)
    nominee = nominees["health"][0]
    for i in range(3):
        contest.record_vote(
            health.translation_key, nominee.pk, f"v{i}@example.org", network=NETWORK
        )
    recent, recent_health, _cap, recent_nominees = contest_with_nominees(
        english_home, ContestPhase.VOTING, slug="wsis-prizes-2018"
    )
    recent_vote = recent.record_vote(
        recent_health.translation_key, recent_nominees["health"][0].pk, "v0@example.org"
    )
    close_voting(contest)  # closed in 2001: long past the retention period
    before = counts(contest, health)
    call_command("erase_prize_voters", verbosity=0)
    assert counts(contest, health) == before
    erased = Vote.objects.filter(contest_key=contest.translation_key)
    assert not erased.filter(voter_email__contains="@").exists()
    assert set(erased.values_list("network", flat=True)) == {""}
    assert all(v.erased_at for v in erased)
    recent_vote.refresh_from_db()
    assert recent_vote.voter_email == "v0@example.org" and recent_vote.erased_at is None
    assert PageLogEntry.objects.filter(action="prizes.voters_erased", page=contest).exists()
    call_command("erase_prize_voters", verbosity=0)  # again: nothing more
    assert PageLogEntry.objects.filter(action="prizes.voters_erased").count() == 1


def test_staff_export_and_erase_one_voter(admin_client, english_home, admin_user):
    contest, health, capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)
    contest.record_vote(health.translation_key, nominees["health"][0].pk, "name@example.org")
    contest.record_vote(capacity.translation_key, nominees["capacity"][0].pk, "name@example.org")
    contest.record_vote(health.translation_key, nominees["health"][1].pk, "other@example.org")
    url = reverse("prizes_voter_data")
    shown = admin_client.get(url, {"email": "Name+x@Example.org"}).content.decode()
    assert nominees["health"][0].entry.title in shown
    assert nominees["health"][1].entry.title not in shown
    download = admin_client.get(url, {"email": "name@example.org", "format": "json"})
    data = json.loads(download.content)
    assert data["voter"] == "name@example.org" and len(data["votes"]) == 2
    assert {v["category"] for v in data["votes"]} == {"C7. E-health", "C4. Capacity building"}
    assert admin_client.post(url, {"email": "NAME@example.org", "erase": "1"}).status_code == 302
    assert not Vote.objects.filter(voter_email="name@example.org").exists()
    assert Vote.objects.count() == 3  # the votes stay, counted
    assert Vote.objects.filter(voter_email="other@example.org").exists()
    logged = ModelLogEntry.objects.filter(action="prizes.voter_erased")
    assert logged.count() == 2 and {e.user_id for e in logged} == {admin_user.pk}
    # The audit log keeps no address: its labels name the vote, not the voter.
    assert not any("@" in entry.label for entry in ModelLogEntry.objects.all())


def test_a_voter_sees_downloads_and_erases_their_data_by_the_link_in_the_e_mail(
    client, english_home, committed
):
    contest, health, _capacity, nominees = contest_with_nominees(english_home, ContestPhase.VOTING)
    nominee = nominees["health"][0]
    vote_by_email(client, contest, health, nominee, "Name+x@Example.org")
    link = re.search(r"https?://\S+/my-votes/\?token=\S+", mail.outbox[-1].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    page = client.get(path)
    assert page.status_code == 200
    assert nominee.entry.title in page.content.decode()
    download = client.get(path + "&format=json")
    assert json.loads(download.content)["votes"][0]["nominee"] == nominee.entry.title
    token = path.split("token=", 1)[1]
    erased = client.post(f"{contest.url}my-votes/", {"token": token})
    assert erased.status_code == 200
    vote = Vote.objects.get()
    assert vote.erased_at and "@" not in vote.voter_email
    assert client.post(f"{contest.url}my-votes/", {"token": "forged"}).status_code == 400
