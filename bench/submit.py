"""Benchmark: post N valid submissions to a call, concurrently, on a running server.

    DATABASE_URL=postgres://… python bench/submit.py --url http://127.0.0.1:8000/en/calls/x/ \\
        --count 1000 --connections 32

Each connection loads the form once (CSRF cookie, signed start time), waits the three seconds
the spam guard asks of people, then posts its share of submissions, each with its own e-mail.
It reports submissions per second, the responses by status, and (reading the same database as
the server) how many submissions were stored, and whether any was stored twice. The server's
rate limit must be raised for such a run: CALLS_RATE_LIMIT=100000/60.
"""

import argparse
import os
import re
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def form_state(session, url):
    html = session.get(url, timeout=30).text
    started = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    # Tick every checkbox (the consent), whatever the editor named it.
    checkboxes = re.findall(r'<input type="checkbox" name="([^"]+)"', html)
    return started, token, {name: "on" for name in checkboxes}


def run_connection(url, count, run_id, answers, results, lock):
    session = requests.Session()
    started, token, ticked = form_state(session, url)
    time.sleep(3.2)
    for _n in range(count):
        data = {
            **answers,
            **ticked,
            "e_mail": f"bench-{run_id}-{uuid.uuid4().hex[:12]}@example.org",
            "csrfmiddlewaretoken": token,
            "form_started": started,
            "website_url": "",
        }
        response = session.post(url, data=data, headers={"Referer": url}, timeout=60)
        with lock:
            results[response.status_code] += 1


def stored(call_path, run_id):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_site.settings.dev")
    import django

    django.setup()
    from django.db.models import Count

    from calls.models import CallSubmission

    mine = CallSubmission.objects.filter(email__startswith=f"bench-{run_id}-")
    duplicates = mine.values("email").annotate(n=Count("id")).filter(n__gt=1).count()
    return mine.count(), duplicates


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the call page's URL")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    run_id = uuid.uuid4().hex[:8]
    answers = {
        "full_name": "Benchmark Participant",
        "organisation": "WSIS benchmark",
        "country": "CH",
        "stakeholder_type": "academia",
        "your_input_on_the_draft_text": "A contribution.",
        "project_description": "A telemedicine network for rural clinics.",
    }
    shares = [args.count // args.connections] * args.connections
    for index in range(args.count % args.connections):
        shares[index] += 1
    results, lock = Counter(), threading.Lock()
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.connections) as pool:
        for share in shares:
            pool.submit(run_connection, args.url, share, run_id, answers, results, lock)
    elapsed = time.monotonic() - began - 3.2  # the spam guard's pause is not the server's time
    count, duplicates = stored(urlsplit(args.url).path, run_id)
    print(f"posted {sum(results.values())} over {args.connections} connections in {elapsed:.1f} s")
    print(f"{sum(results.values()) / elapsed:.1f} submissions/second")
    print("responses:", dict(sorted(results.items())))
    print(f"stored: {count}, stored twice: {duplicates}")
    return (
        0 if count == args.count and duplicates == 0 and not any(s >= 500 for s in results) else 1
    )


if __name__ == "__main__":
    sys.exit(main())
