"""The WSIS Project Prizes 2014 and the WSIS Prizes 2017, from the newsletters' facts: their
phases and ceremonies, one category per Action Line (C7 split into its eight applications: 18
categories), three nominees per category drawn (seeded) from the sample Stocktaking entries,
and, once a contest's voting is over, its votes, winners and champions. The contest pages are
built first (`build_contests`) and translated with the rest of the demo (their texts and the
categories' names are in demo/translations/*.po); the nominees, drawn from the sample
Stocktaking entries, come after those exist (`add_nominees`)."""

import datetime
import random

from demo.helpers import publish
from demo.pages import upsert_page
from home.models import StandardPage
from prizes.models import PrizeCategory, PrizesContestPage, PrizeSubmission, Vote
from prizes.phases import ContestPhase
from stocktaking.models import ActionLine, Entry

NOMINEES_PER_CATEGORY = 3

RULES = (
    "<p>Projects are entered through the WSIS Stocktaking database, one category per project. "
    "Experts review the entries and nominate projects in each category; the public then votes "
    "online, one vote per category per person, confirmed by e-mail. A winner is chosen in each "
    "category, and the other top projects are named champions.</p>"
)


def categories():
    """C1-C11 with C7 replaced by its eight applications, in the Plan of Action's order."""
    lines = ActionLine.objects.exclude(code="C7").order_by("sort_order")
    return [(line, f"{line.code} {line.name_in('en')}") for line in lines]


def build(home, hle, forum, clock):
    """Contests and nominees, untranslated (what a test of the prizes alone needs)."""
    contests = build_contests(home, hle, forum, clock)
    add_nominees(contests)
    return contests


def build_contests(home, hle, forum, clock):
    d = clock.date
    parent = StandardPage.objects.child_of(home).filter(slug="prizes").first() or home
    contests = [
        _contest(
            parent,
            "wsis-project-prizes-2014",
            title="WSIS Project Prizes 2014",
            introduction=(
                "<p>The WSIS Project Prizes recognise excellence in the implementation of WSIS "
                "outcomes. In its third phase, the 2014 contest's public online voting lasted "
                "until 18 April 2014 at 23:00 Geneva time; the winners were announced at the "
                "prize ceremony on 10 June 2014, at the WSIS+10 High-Level Event.</p>"
            ),
            submission_opens_on=d(2013, 10, 1),
            submission_closes_on=d(2014, 1, 31),
            nominees_published_on=d(2014, 3, 17),
            voting_opens_on=d(2014, 3, 17),
            voting_closes_on=d(2014, 4, 18),
            voting_closes_time=datetime.time(23, 0),
            results_announced_on=d(2014, 6, 10),
            ceremony=hle,
        ),
        _contest(
            parent,
            "wsis-prizes-2017",
            title="WSIS Prizes 2017",
            introduction=(
                "<p>Another record year: 476 projects were submitted for the WSIS Prizes 2017 "
                "by the deadline of 1 March 2017. The nominated projects were listed on 16 "
                "March 2017, when the online voting phase began for one month. Nominees are "
                "encouraged to campaign within their networks and communities.</p>"
            ),
            submission_opens_on=d(2016, 10, 3),
            submission_closes_on=d(2017, 3, 1),
            nominees_published_on=d(2017, 3, 16),
            voting_opens_on=d(2017, 3, 16),
            voting_closes_on=d(2017, 4, 16),
            results_announced_on=d(2017, 6, 13),
            ceremony=forum,
        ),
    ]
    return contests


def add_nominees(contests):
    for seed, contest in enumerate(contests, start=2014):
        _nominees_and_votes(contest, random.Random(seed))


def _contest(parent, slug, **fields):
    contest = upsert_page(parent, PrizesContestPage, slug, rules=RULES, **fields)
    if not contest.categories.exists():
        # In the Plan of Action's order, as the admin's ordering would keep them: without a
        # sort order, PostgreSQL lists them in whatever order it finds the rows.
        for order, (line, name) in enumerate(categories()):
            contest.categories.add(PrizeCategory(name=name, action_line=line, sort_order=order))
        publish(contest)
        contest.refresh_from_db()
    return contest


def _nominees_and_votes(contest, rng):
    phase = contest.phase()
    published = Entry.objects.filter(status=Entry.Status.PUBLISHED)
    submissions = PrizeSubmission.objects.filter(contest_key=contest.translation_key)
    used = set(submissions.values_list("entry_id", flat=True))
    for category in contest.categories.all():
        # Run again: the nominees already drawn (a project is in one category per contest).
        nominees = list(submissions.filter(category_key=category.translation_key).order_by("pk"))
        if not nominees:
            candidates = [
                pk
                for pk in published.filter(action_lines=category.action_line)
                .order_by("pk")
                .values_list("pk", flat=True)[:30]
                if pk not in used
            ]
            chosen = rng.sample(candidates, min(NOMINEES_PER_CATEGORY, len(candidates)))
            used.update(chosen)
            nominees = [
                PrizeSubmission.entering(
                    contest, category.translation_key, entry_id=entry_id, nominated=True
                )
                for entry_id in chosen
            ]
            for nominee in nominees:
                nominee.save()
        if phase not in (ContestPhase.VOTING_CLOSED, ContestPhase.RESULTS_ANNOUNCED):
            continue
        # Counts that depend on the nominee only, so that running again adds no vote.
        counts = [5 + (nominee.pk * 7919) % 36 for nominee in nominees]
        Vote.objects.bulk_create(
            [
                Vote(
                    contest_key=contest.translation_key,
                    category_key=category.translation_key,
                    nominee=nominee,
                    voter_email=f"voter{nominee.pk}-{number}@example.org",
                    language="en",
                )
                for nominee, count in zip(nominees, counts, strict=True)
                for number in range(count)
            ],
            ignore_conflicts=True,
        )
        if phase == ContestPhase.RESULTS_ANNOUNCED:
            ranked = sorted(zip(counts, nominees, strict=True), key=lambda pair: -pair[0])
            for rank, (_count, nominee) in enumerate(ranked):
                nominee.result = (
                    PrizeSubmission.Result.WINNER if rank == 0 else PrizeSubmission.Result.CHAMPION
                )
                nominee.save(update_fields=["result"])
