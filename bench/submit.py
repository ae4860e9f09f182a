"""Benchmark: post N valid submissions to a call, concurrently, on a running server, and count
the rate of those STORED (read from the server's database), not of responses.

Each connection loads the form once per submission it will send (the spam guard's signed
start time is bound to the display's one-time `submission_token`, good for one submission),
waits the three seconds the spam guard asks of people, then posts its share of submissions,
each with the hidden fields of its own display, its own e-mail address and organisation. It
speaks to gunicorn as the TLS-terminating proxy does (X-Forwarded-Proto: https, an https
Referer, the Secure CSRF cookie sent back by hand: see proxied.py), so it runs against
production settings. It fails, exiting non-zero with the reason, on any response that is not
2xx, any submission not stored, and any stored twice.

A run on PostgreSQL with 2 gunicorn workers and 1 task worker (production settings, from the
repository root; one shell):

    createdb -h 127.0.0.1 -U postgres wsis_bench
    export DJANGO_SETTINGS_MODULE=wsis_site.settings.production \\
      SECRET_KEY=$(python3 -c "import secrets; print(secrets.token_urlsafe(50))") \\
      DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsis_bench \\
      REDIS_URL=redis://127.0.0.1:6379/14 ALLOWED_HOSTS=127.0.0.1 TRUSTED_PROXIES=127.0.0.1/32 \\
      STATIC_ROOT=var/bench/static MEDIA_ROOT=var/bench/media \\
      PRIVATE_MEDIA_ROOT=var/bench/private EMAIL_URL=console:// CALLS_RATE_LIMIT=100000/60
    mkdir -p var/bench
    .venv/bin/python manage.py migrate --no-input -v0
    .venv/bin/python manage.py collectstatic --no-input -v0
    .venv/bin/python manage.py load_demo_content --shift-to-today
    .venv/bin/gunicorn wsis_site.wsgi --no-control-socket -w 2 -b 127.0.0.1:8000 2>var/bench/app &
    .venv/bin/python manage.py db_worker --queue-name '*' >var/bench/worker 2>&1 &
    .venv/bin/python bench/submit.py --count 1000 --connections 32 \\
      --url http://127.0.0.1:8000/en/calls/ehealth-projects-repository/

The worker sends the outbox's e-mails (console:// prints them to its log). With SMTP down,
every submission must still be stored, its e-mails waiting in the outbox: restart gunicorn
and the worker with EMAIL_URL=smtp://127.0.0.1:9 (a closed port) and run the same command.
Stop both (kill %1 %2) and drop the database (dropdb -h 127.0.0.1 -U postgres wsis_bench) at
the end. The rate limit must be raised for such a run (CALLS_RATE_LIMIT above): 1,000 posts
from one address are far beyond what a person sends.
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
from proxied import ProxiedClient, hidden_inputs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAUSE = 3.2  # the spam guard refuses forms sent back within 3 seconds of being shown
ANSWERS = {
    "full_name": "Benchmark Participant",
    "country": "CH",
    "stakeholder_type": "academia",
    "your_input_on_the_draft_text": "A contribution.",
    "project_description": "A telemedicine network for rural clinics.",
}


class Run:
    """What the connections share: the responses by status, the first refusals, the timing."""

    def __init__(self, connections):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.refusals = []  # (status, excerpt), the first few
        # Timing starts once every connection has its form and has waited: posts only.
        self.ready = threading.Barrier(connections, action=self.start_clock)
        self.began = None

    def start_clock(self):
        self.began = time.monotonic()

    def record(self, status, text=""):
        with self.lock:
            self.statuses[status] += 1
            if not 200 <= status < 300 and len(self.refusals) < 3:
                message = re.search(r'role="alert"[^>]*>(.*?)<', text or "", re.S)
                excerpt = message.group(1).strip() if message else (text or "")[:200]
                self.refusals.append((status, excerpt))


def form_state(client, url):
    """The form's hidden fields (CSRF token, signed start time…) and its checkboxes, ticked."""
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}: is the call open?")
    fields = hidden_inputs(response.text)
    if "csrfmiddlewaretoken" not in fields:
        raise SystemExit(f"{url} shows no form (closed, full, or not a call page?)")
    checkboxes = re.findall(r'<input type="checkbox" name="([^"]+)"', response.text)
    return fields, {name: "on" for name in checkboxes}


def run_connection(url, count, run_id, run):
    client = ProxiedClient(url)
    displays = []
    try:
        # One display per post: its token and the start time signed with it go together.
        displays = [form_state(client, url) for _n in range(count)]
        time.sleep(PAUSE)
    finally:
        run.ready.wait()  # never leave the others waiting, even on failure
    for fields, ticked in displays:
        unique = uuid.uuid4().hex[:12]
        data = {
            **fields,
            **ANSWERS,
            **ticked,
            "e_mail": f"bench-{run_id}-{unique}@example.org",
            # Calls may take one submission per organisation.
            "organisation": f"WSIS benchmark {run_id}-{unique}",
            "website_url": "",
        }
        try:
            response = client.post(url, data=data, referer=url)
        except requests.RequestException as error:
            run.record(0, f"{type(error).__name__}: {error}")
            continue
        run.record(response.status_code, response.text)


def stored(run_id):
    """Submissions of this run in the database the server uses, and how many e-mail addresses
    were stored more than once."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_site.settings.dev")
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from calls.models import CallSubmission

    mine = CallSubmission.objects.filter(email__startswith=f"bench-{run_id}-")
    duplicates = mine.values("email").annotate(n=Count("id")).filter(n__gt=1).count()
    return mine.count(), duplicates, connection.settings_dict["NAME"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the call page's URL")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    connections = min(args.connections, args.count)
    run_id = uuid.uuid4().hex[:8]
    shares = [args.count // connections] * connections
    for index in range(args.count % connections):
        shares[index] += 1
    run = Run(connections)
    with ThreadPoolExecutor(max_workers=connections) as pool:
        futures = [pool.submit(run_connection, args.url, share, run_id, run) for share in shares]
    ended = time.monotonic()
    for future in futures:
        future.result()  # a connection that could not even load the form
    elapsed = ended - (run.began or ended)
    count, duplicates, database = stored(run_id)
    posted = sum(run.statuses.values())
    host = urlsplit(args.url).netloc

    print(f"posted {posted} to {host} over {connections} connections in {elapsed:.1f} s")
    print(
        "responses:",
        ", ".join(f"{n} × {s or 'no response'}" for s, n in sorted(run.statuses.items())),
    )
    print(f"stored: {count} of {args.count} (database {database}), stored twice: {duplicates}")
    print(f"rate: {count / elapsed if elapsed else 0:.1f} stored submissions/second")

    failures = []
    refused = posted - sum(n for s, n in run.statuses.items() if 200 <= s < 300)
    if refused:
        failures.append(f"{refused} responses were not 2xx")
        for status, excerpt in run.refusals:
            failures.append(f"  e.g. {status or 'no response'}: {excerpt}")
    if count < args.count:
        failures.append(f"{args.count - count} submissions were not stored")
    if duplicates or count > args.count:
        failures.append(f"{duplicates} submissions were stored more than once")
    if failures:
        print("FAILED:\n" + "\n".join(failures), file=sys.stderr)
        if count == 0:
            print(
                "(Nothing stored: is DATABASE_URL the server's database?)",
                file=sys.stderr,
            )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
