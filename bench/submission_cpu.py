"""Worker CPU time per form submission: valid posts to a call (or a registration) and posts sent
back with an error, through the whole middleware stack with production settings, in this
process (Django's test client, CSRF checks on, as over HTTPS behind the proxy), counting only
what was stored.

    .venv/bin/python bench/submission_cpu.py                      # the demo's calls
    .venv/bin/python bench/submission_cpu.py --count 100 --url /en/calls/fund-in-trust-2014/

The database is a copy of bench/pages.py's demo database (`var/bench-pages.sqlite3`, built by
`make bench-pages` once), taken afresh for each run into `var/bench-submissions.sqlite3`, its
calls' windows moved to include today. Each form is displayed once per post (its one-time
token and signed start time go together), the spam guard's three seconds are waited out once,
then the posts are timed: CPU time of this process (time.process_time) divided by the posts.
A valid post counts only when its row is in the database afterwards. Not a test.
"""

import argparse
import cProfile
import importlib.util
import os
import pstats
import re
import shutil
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "var" / "bench-pages.sqlite3"
DATABASE = ROOT / "var" / "bench-submissions.sqlite3"
URLS = ["/en/calls/ehealth-projects-repository/", "/en/events/wsis-10-final-briefing/register/"]
PAUSE = 3.2  # the spam guard refuses forms sent back within 3 seconds of being shown
ANSWERS = {
    "full_name": "Benchmark Participant",
    "country": "CH",
    "stakeholder_type": "academia",
    "project_description": "A telemedicine network for rural clinics.",
    "university": "University of Geneva",
    "team": "Team benchmark",
}


def environment():
    spec = importlib.util.spec_from_file_location("bench_pages", ROOT / "bench" / "pages.py")
    pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages)
    env = pages.environment(0, os.environ.get("BENCH_REDIS_URL", ""))
    env.update(DATABASE_URL=f"sqlite:///{DATABASE}", CALLS_RATE_LIMIT="100000/60")
    return env


def hidden_and_ticked(html):
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    ticked = {name: "on" for name in re.findall(r'<input type="checkbox" name="([^"]+)"', html)}
    return fields, ticked


def open_every_call():
    """The demo's dates are those of 2014-2017: every call's window around today."""
    from datetime import timedelta

    from django.utils import timezone

    from calls.models import CallPage

    now = timezone.now()
    CallPage.objects.update(opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30))


def measure(client, url, count, *, valid, profiler=None):
    from calls.models import CallSubmission

    displays = []
    for _n in range(count):
        response = client.get(url)
        if response.status_code != 200 or b"csrfmiddlewaretoken" not in response.content:
            raise SystemExit(f"GET {url}: {response.status_code}, no form (closed? full?)")
        displays.append(hidden_and_ticked(response.content.decode()))
    time.sleep(PAUSE)
    run = uuid.uuid4().hex[:8]
    before = CallSubmission.objects.count()
    statuses = {}
    started = time.process_time()
    if profiler is not None:
        profiler.enable()
    for index, (fields, ticked) in enumerate(displays):
        data = {**fields, **ANSWERS, **ticked, "website_url": ""}
        data["organisation"] = f"Benchmark {run}-{index}"
        data["e_mail"] = f"bench-{run}-{index}@example.org"
        data["e_mail_of_the_teams_contact"] = data["e_mail"]
        if not valid:
            data.pop("full_name", None)
            data.pop("e_mail_of_the_teams_contact", None)
            data["e_mail"] = "not an address"
        response = client.post(url, data, HTTP_REFERER=f"https://127.0.0.1{url}")
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    if profiler is not None:
        profiler.disable()
    cpu = time.process_time() - started
    stored = CallSubmission.objects.count() - before
    return cpu * 1000 / count, stored, statuses


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", action="append", help="a call page (repeatable)")
    parser.add_argument("--count", type=int, default=60, help="posts per URL and kind")
    parser.add_argument("--profile", action="store_true", help="cProfile the posts (slower)")
    args = parser.parse_args()
    if not SOURCE.exists():
        raise SystemExit(f"{SOURCE} is missing: run `make bench-pages` once to build it")
    shutil.copyfile(SOURCE, DATABASE)
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    open_every_call()
    print(f"{args.count} posts per line, production settings, SQLite, in one process")
    for url in args.url or URLS:
        for valid in (True, False):
            client = Client(
                enforce_csrf_checks=True, HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https"
            )
            profiler = cProfile.Profile() if args.profile else None
            ms, stored, statuses = measure(client, url, args.count, valid=valid, profiler=profiler)
            kind = "valid" if valid else "error"
            print(
                f"{url:52} {kind:5}  CPU {ms:6.1f} ms/post  stored {stored:3} of "
                f"{args.count if valid else 0}  responses {statuses}",
                flush=True,
            )
            if valid and stored != args.count:
                raise SystemExit("FAILED: not every valid post was stored")
            if not valid and stored:
                raise SystemExit("FAILED: a post with errors was stored")
            if profiler is not None:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
