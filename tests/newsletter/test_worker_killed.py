"""The done-means test: an issue sent to 1,000 subscribers in three languages reaches each
exactly once, in their language, although the worker (a real `manage.py db_worker` process,
forked from one that set Django up) is killed with SIGKILL halfway and another started;
counted at a real SMTP server (aiosmtpd).

Where the kill lands is chosen by the mail server, which holds the conversation of one
message until the test has killed the worker:
- after the message's final "." (the server has it: the row is "handing over", becomes
  "uncertain" and is not sent again), or
- before DATA (the server has nothing: the row is "claimed", goes back to waiting, and is
  sent by the restarted worker)."""

import asyncio
import email
import email.parser
import email.policy
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from newsletter import tasks
from newsletter.models import Delivery, Dispatch, Subscriber, SubscriberLanguage
from tests.conftest import free_port
from tests.newsletter.conftest import build_issue
from tests.outbox.conftest import start_server

ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
LANGUAGES = ("en", "es", "fr")


class HoldingServer:
    """Accepts every message; the `hold_at`-th conversation is held (at RCPT or after the
    final ".") until `release` is set. A message held after its "." is recorded when released,
    as a real server that had stored it before the client vanished."""

    def __init__(self, hold_at, stage):
        self.hold_at, self.stage = hold_at, stage
        self.held = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.envelopes = []
        self.conversations = 0

    async def _hold(self):
        self.held.set()
        while not self.release.is_set():
            await asyncio.sleep(0.05)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            self.conversations += 1
            number = self.conversations
        if self.stage == "rcpt" and number == self.hold_at:
            await self._hold()
            return "421 4.3.0 Closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.envelopes.append((list(envelope.rcpt_tos), envelope.content))
            count = len(self.envelopes)
        if self.stage == "data" and count == self.hold_at:
            await self._hold()
        return "250 Message accepted for delivery"

    def count(self):
        with self.lock:
            return len(self.envelopes)

    def received(self, full=lambda number: True):
        """(recipient, message) of each message received; the `full(number)` ones parsed
        whole (body parts and all), the others' headers only, which is ten times quicker."""
        with self.lock:
            envelopes = list(self.envelopes)
        headers_only = email.parser.BytesHeaderParser(policy=email.policy.default)
        return [
            (
                rcpts[0],
                email.message_from_bytes(content, policy=email.policy.default)
                if full(number)
                else headers_only.parsebytes(content),
            )
            for number, (rcpts, content) in enumerate(envelopes)
        ]


# One process (the zygote) sets Django up with the workers' environment, once for the module,
# and forks each worker from there: about 4 s of CPU saved per worker. Each worker is still a
# process of its own, started from that set-up alone (no database connection is open at the
# fork), running `manage.py db_worker` as manage.py would, and killed for real. The zygote
# answers on its stdout (the pid of each worker started, the exit code of each one reaped);
# workers write to the log file only.
ZYGOTE = """
import os, sys
import django

django.setup()
from django.core.management import execute_from_command_line
from django.db import connections
from django.urls import get_resolver

# Each worker's first message builds links: load the URLconf once, here (about 1 s).
get_resolver().reverse_dict
assert not any(c.connection for c in connections.all(initialized_only=True)), "connected"
print("ready", flush=True)
for line in sys.stdin:
    command, *args = line.split()
    if command == "start":
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            code = 0
            try:
                execute_from_command_line(["manage.py", *args])
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        print(pid, flush=True)
    elif command == "wait":
        print(os.waitstatus_to_exitcode(os.waitpid(int(args[0]), 0)[1]), flush=True)
os._exit(0)  # the test closed stdin: no need to tidy up a whole Django process
"""


class Workers:
    """`manage.py db_worker` processes forked from one set-up process (ZYGOTE)."""

    def __init__(self, env, log):
        self.log = log
        with open(log, "wb") as stderr:
            self.zygote = subprocess.Popen(
                [sys.executable, "-c", ZYGOTE],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        assert self._answer() == "ready"
        self.running = set()

    def _answer(self, request=None):
        if request:
            self.zygote.stdin.write(request + "\n")
            self.zygote.stdin.flush()
        answer = self.zygote.stdout.readline().strip()
        assert answer, f"the zygote is gone: {self.errors()}"
        return answer

    def start(self):
        # Quick polling (the worker waits for the sending's watch after a restart), no checks
        # (`manage.py check` has tests of its own) and no random start-up delay.
        pid = int(
            self._answer(
                "start db_worker --no-reload --interval 0.05 --skip-checks --no-startup-delay -v0"
            )
        )
        self.running.add(pid)
        return pid

    def kill(self, pid):
        """SIGKILL; returns the worker's exit code as its parent saw it."""
        os.kill(pid, signal.SIGKILL)
        self.running.discard(pid)
        return int(self._answer(f"wait {pid}"))

    def errors(self):
        return Path(self.log).read_text(errors="replace")[-3000:]

    def stop(self):
        for pid in list(self.running):
            self.kill(pid)
        self.zygote.stdin.close()
        self.zygote.wait(30)


@pytest.fixture(scope="module")
def mail_port():
    return free_port()


@pytest.fixture(scope="module")
def workers(django_db_setup, mail_port, tmp_path_factory):
    """Workers on the test database (SQLite's file, or PostgreSQL's test_ one) that deliver to
    the mail server each test starts on `mail_port`."""
    from django.conf import settings

    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        credentials = database["USER"] + (
            f":{database['PASSWORD']}" if database["PASSWORD"] else ""
        )
        url = f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_site.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "EMAIL_URL": f"smtp://127.0.0.1:{mail_port}",
        "NEWSLETTER_BATCH_SIZE": "100",
        # The watch comes back every second; a row claimed a second ago by a worker that
        # is gone is stale. (One worker runs at a time here, and it runs the watch only
        # between batches, when it holds no row: no live worker's row is ever taken from it.)
        "NEWSLETTER_STALE_SECONDS": "1",
    }
    env.pop("REDIS_URL", None)
    processes = Workers(env, tmp_path_factory.mktemp("workers") / "stderr.log")
    yield processes
    processes.stop()


def make_subscribers(count):
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{n}@example.org",
            language=LANGUAGES[n % 3],
            confirmed_at=timezone.now(),
        )
        for n in range(count)
    )
    SubscriberLanguage.objects.bulk_create(
        SubscriberLanguage(subscriber=s, language=s.language) for s in Subscriber.objects.all()
    )
    # Signed up, never confirmed: must receive nothing.
    Subscriber.objects.create(email="pending@example.org", language="es")


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


# The issue's "done means" is 1,000 subscribers. Where the kill lands before DATA, 30 prove what
# more would: ten of each language, killed at the 15th, in the middle of a batch, with rows sent
# before the kill and rows left for the restarted worker.
@pytest.mark.parametrize("stage, hold_at, total", [("data", 500, 1000), ("rcpt", 15, 30)])
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_halfway_and_restarted_sends_each_exactly_once(
    settings, workers, mail_port, caplog, stage, hold_at, total
):
    settings.TASKS = DATABASE_TASKS
    # The server logs each SMTP command at INFO: 8,000 records, in this process, for nothing.
    caplog.set_level(logging.WARNING, logger="mail.log")
    flash = build_issue(languages=("es", "fr"))
    make_subscribers(total)
    handler = HoldingServer(hold_at, stage)
    controller = start_server(handler, mail_port)
    started = time.monotonic()
    try:
        dispatch = Dispatch.objects.create(issue=flash["issue"], languages=list(LANGUAGES))
        tasks.schedule(dispatch)
        first = workers.start()
        assert handler.held.wait(300), workers.errors()
        # Halfway, in the middle of a conversation: killed, as its parent saw it.
        assert workers.kill(first) == -signal.SIGKILL
        handler.release.set()
        halfway = handler.count()
        assert hold_at - 1 <= halfway <= hold_at

        workers.start()
        wait_for(
            lambda: Dispatch.objects.get(pk=dispatch.pk).state == "done",
            300,
            "the restarted worker to finish",
        )
    finally:
        for pid in list(workers.running):
            workers.kill(pid)
        controller.stop()
    elapsed = time.monotonic() - started

    # Every message's recipient and headers; the bodies of one in twenty (and the last ones,
    # sent by the second worker).
    received = handler.received(full=lambda number: number % 20 == 0 or number >= total - 5)
    addresses = [address for address, _message in received]
    assert len(addresses) == total, f"{len(addresses)} e-mails for {total} subscribers"
    assert len(set(addresses)) == total  # nobody twice
    assert "pending@example.org" not in addresses
    subjects = {
        "en": "WSIS Flash March 2017",
        "es": "WSIS Flash marzo 2017 [es]",
        "fr": "WSIS Flash marzo 2017 [fr]",
    }
    for address, message in received:
        language = LANGUAGES[int(address.removeprefix("reader").split("@")[0]) % 3]
        assert message["Subject"] == subjects[language]
        assert message["Content-Language"] == language
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        if message.is_multipart():  # parsed whole
            html = message.get_body(("html",)).get_content()
            assert "WSIS Forum 2017" in html and "Hack for Health" in html
            assert message.get_body(("plain",)).get_content().count("http://localhost/") >= 3
    assert sum(message.is_multipart() for _address, message in received) >= total // 20

    rows = Delivery.objects.filter(dispatch=dispatch)
    states = {state: rows.filter(state=state).count() for state in Delivery.State.values}
    if stage == "data":  # the held message: the server has it; the row cannot know
        assert states["uncertain"] == 1 and states["sent"] == total - 1
    else:  # held before DATA: the server has nothing; the row was sent again, once
        assert states["sent"] == total and states["uncertain"] == 0
    print(f"\n{total} subscribers, killed at {halfway}: {elapsed:.1f} s")
