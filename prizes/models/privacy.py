"""Voters' personal data: a vote keeps its voter's normalised address (to hold their one vote
per category) and network (to see bursts) only as long as needed. After the retention period
(PRIZES_VOTER_RETENTION_DAYS after voting closes) or at the voter's request, both are erased
and the vote stays, counted as before: results never change because a voter left."""

import datetime

from django.conf import settings
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from wagtail.log_actions import log

from prizes.models.entries import Vote
from prizes.voting import normalise_email

ERASED_PREFIX = "erased-"


def _erase(votes, now):
    # A placeholder unique per vote keeps the one-vote-per-voter constraint satisfied.
    return votes.filter(erased_at__isnull=True).update(
        voter_email=Concat(Value(ERASED_PREFIX), Cast("pk", CharField())),
        network="",
        erased_at=now,
    )


def votes_of(email):
    votes = Vote.objects.filter(voter_email=normalise_email(email), erased_at__isnull=True)
    return votes.select_related("nominee__entry").order_by("confirmed_at", "pk")


def export(email, contest_model, locale=None):
    """Everything kept about one voter, as a plain structure (served as JSON); contests and
    categories named in `locale`'s version where there is one."""
    votes = list(votes_of(email))
    wanted = [locale.language_code] if locale is not None else []
    wanted.append(settings.LANGUAGE_CODE)

    def rank(contest):
        code = contest.locale.language_code
        return wanted.index(code) if code in wanted else len(wanted)

    contests = {}
    for contest in (
        contest_model.objects.filter(translation_key__in={v.contest_key for v in votes})
        .select_related("locale")
        .prefetch_related("categories")
    ):
        chosen = contests.get(contest.translation_key)
        if chosen is None or rank(contest) < rank(chosen):
            contests[contest.translation_key] = contest
    categories = {
        category.translation_key: category.name
        for contest in contests.values()
        for category in contest.categories.all()
    }
    return {
        "voter": normalise_email(email),
        "votes": [
            {
                "contest": contests[v.contest_key].title if v.contest_key in contests else "",
                "category": categories.get(v.category_key, ""),
                "nominee": v.nominee.entry.title,
                "status": v.status,
                "language": v.language,
                "network": v.network,
                "confirmed_at": v.confirmed_at.isoformat(),
            }
            for v in votes
        ],
    }


def erase_voter(email, user=None, now=None):
    """Erases one voter's address and network from all their votes; returns how many."""
    votes = list(votes_of(email))
    count = _erase(Vote.objects.filter(pk__in=[v.pk for v in votes]), now or timezone.now())
    for vote in votes:
        log(vote, "prizes.voter_erased", user=user)
    return count


def erase_expired(contest_model, days, now=None):
    """Erases the voters of every contest whose voting closed more than `days` ago; returns
    {contest: votes erased}. Contests are one per translation key (any language version)."""
    now = now or timezone.now()
    done = {}
    ended = (
        contest_model.objects.filter(voting_closes_at__lte=now - datetime.timedelta(days=days))
        .order_by("translation_key", "pk")
        .distinct()
    )
    seen = set()
    for contest in ended:
        if contest.translation_key in seen:
            continue
        seen.add(contest.translation_key)
        erased = _erase(Vote.objects.filter(contest_key=contest.translation_key), now)
        if erased:
            log(contest, "prizes.voters_erased", data={"votes": erased})
            done[contest] = erased
    return done
