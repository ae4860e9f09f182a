"""Benchmark: confirmed votes of the WSIS Prizes, stored exactly once, under concurrency.

The last day of voting is the peak. This records --votes confirmed votes (1,000 voters × 10
categories by default) through the contest's own `record_vote` (the code the confirmation link
runs, with the database's one-vote-per-category-per-voter constraint) over --connections
threads, each with its own database connection, and sends every vote twice (a double click,
the link opened in two tabs) from different threads. It then counts what the database stored
and fails loudly (exit 1) on any error, any vote lost, any vote stored twice, or any second
confirmation counted. The rate printed is stored votes per second. A stored vote may be
flagged for review (the anomaly check runs on each: PRIZES_RAPID_VOTES, votes for one nominee
within seconds, is what a benchmark's peak trips); flagged votes are stored, not refused.

Run it against PostgreSQL (SQLite serialises writers, so it measures nothing useful), e.g. a
throwaway database on 127.0.0.1:5432:

    psql -h 127.0.0.1 -U postgres -c 'create database bench_prizes'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_prizes \
        .venv/bin/python bench/prizes_votes.py            # 10,000 votes over 64 connections
    psql -h 127.0.0.1 -U postgres -c 'drop database bench_prizes'

It migrates the database, builds a contest in its voting phase with --categories categories of
10 nominees each, and removes what it built afterwards (--keep keeps it).
"""

import argparse
import datetime
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_contest(categories):
    from wagtail.models import Page

    from home.models import HomePage
    from prizes.models import PrizeCategory, PrizesContestPage, PrizeSubmission
    from stocktaking.models import Entry

    root = Page.get_first_root_node()
    home = HomePage.objects.first() or root.add_child(
        instance=HomePage(title="WSIS", slug="bench-home")
    )
    today = datetime.date.today()
    contest = home.add_child(
        instance=PrizesContestPage(
            title="Bench prizes",
            slug=f"bench-prizes-{int(time.time())}",
            submission_opens_on=today - datetime.timedelta(days=60),
            submission_closes_on=today - datetime.timedelta(days=40),
            nominees_published_on=today - datetime.timedelta(days=10),
            voting_opens_on=today - datetime.timedelta(days=5),
            voting_closes_on=today + datetime.timedelta(days=5),
        )
    )
    for number in range(categories):
        contest.categories.add(PrizeCategory(name=f"Category {number + 1}", sort_order=number))
    contest.save()
    nominees = {}
    for category in contest.categories.all():
        nominees[category.translation_key] = []
        for number in range(10):
            entry = Entry.objects.create(
                title=f"Bench project {category.name} {number}",
                organisation="Bench",
                stakeholder_type="government",
                description="Benchmark entry.",
                contact_name="Bench",
                contact_email="bench@example.org",
                is_sample=True,
                status=Entry.Status.PUBLISHED,
            )
            nominees[category.translation_key].append(
                PrizeSubmission.objects.create(
                    entry=entry,
                    contest=contest,
                    contest_key=contest.translation_key,
                    category_key=category.translation_key,
                    nominated=True,
                ).pk
            )
    return contest, nominees


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--votes", type=int, default=10000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--categories", type=int, default=10)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_site.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections
    from django.db.models import Count

    from prizes.models import PrizeSubmission, Vote
    from prizes.models.storing import AlreadyVoted

    if connection.vendor != "postgresql":
        print("warning: not PostgreSQL; SQLite serialises writers", file=sys.stderr)
    call_command("migrate", verbosity=0)
    contest, nominees = build_contest(args.categories)
    keys = list(nominees)
    rng = random.Random(1)
    voters = -(-args.votes // len(keys))
    votes = [
        (
            keys[i % len(keys)],
            rng.choice(nominees[keys[i % len(keys)]]),
            f"Voter{i // len(keys)}@Example.org",
        )
        for i in range(voters * len(keys))
    ][: args.votes]
    # Every vote sent twice, the two copies far apart in the queue (other threads).
    queue = votes + votes[::-1]
    lock = threading.Lock()
    outcome = Counter()
    errors = []
    position = [0]

    def work():
        try:
            while True:
                with lock:
                    if position[0] >= len(queue):
                        return
                    category_key, nominee_id, email = queue[position[0]]
                    position[0] += 1
                try:
                    contest.record_vote(category_key, nominee_id, email)
                    result = "counted"
                except AlreadyVoted:
                    result = "refused"
                except Exception as error:  # noqa: BLE001 - reported below, fails the run
                    result = "error"
                    errors.append(repr(error))
                with lock:
                    outcome[result] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(args.connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    stored = Vote.objects.filter(contest_key=contest.translation_key)
    count = stored.count()
    doubled = (
        stored.values("category_key", "voter_email").annotate(n=Count("pk")).filter(n__gt=1).count()
    )
    by_status = dict(
        stored.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    print(
        f"{len(queue)} confirmations ({args.votes} votes, each sent twice) over "
        f"{args.connections} connections on {connection.vendor}: {elapsed:.1f} s, "
        f"{count / elapsed:.0f} stored votes/s; counted {outcome['counted']}, "
        f"refused as already voted {outcome['refused']}, errors {outcome['error']}; "
        f"stored {count} ({by_status.get('counted', 0)} counted, "
        f"{by_status.get('flagged', 0)} flagged for review as bursts), stored twice {doubled}"
    )
    if not args.keep:
        stored.delete()
        submissions = PrizeSubmission.objects.filter(contest_key=contest.translation_key)
        entry_ids = list(submissions.values_list("entry_id", flat=True))
        submissions.delete()
        from stocktaking.models import Entry

        Entry.objects.filter(pk__in=entry_ids).delete()
        contest.delete()
    failures = []
    if errors:
        failures.append(f"{len(errors)} errors, e.g. {errors[0]}")
    if count != args.votes:
        failures.append(f"stored {count} votes, expected {args.votes}")
    if doubled:
        failures.append(f"{doubled} votes stored twice")
    if outcome["counted"] != args.votes or outcome["refused"] != args.votes:
        failures.append("a second confirmation was counted, or a first refused")
    if failures:
        print("FAILED: " + "; ".join(failures), file=sys.stderr)
        sys.exit(1)
    print("OK: every vote stored exactly once")


if __name__ == "__main__":
    main()
