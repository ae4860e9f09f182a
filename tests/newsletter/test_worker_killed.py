"""The done-means test: an issue sent to 1,000 subscribers in three languages reaches each
exactly once, in their language, although the worker (a real `manage.py db_worker` process)
is killed with SIGKILL halfway and restarted; counted at a real SMTP server (aiosmtpd).

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
from tests.newsletter.conftest import build_issue
from tests.outbox.conftest import free_port, start_server

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


def worker(port, settings):
    # The worker reads the test database itself: the file of SQLite, or PostgreSQL's test_ one.
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
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "NEWSLETTER_BATCH_SIZE": "100",
        "NEWSLETTER_STALE_SECONDS": "3",
    }
    env.pop("REDIS_URL", None)
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2", "-v0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


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
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.parametrize("stage, hold_at, total", [("data", 500, 1000), ("rcpt", 40, 90)])
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_halfway_and_restarted_sends_each_exactly_once(
    settings, stage, hold_at, total
):
    settings.TASKS = DATABASE_TASKS
    flash = build_issue(languages=("es", "fr"))
    make_subscribers(total)
    handler = HoldingServer(hold_at, stage)
    port = free_port()
    controller = start_server(handler, port)
    started = time.monotonic()
    first = second = None
    try:
        dispatch = Dispatch.objects.create(issue=flash["issue"], languages=list(LANGUAGES))
        tasks.schedule(dispatch)
        first = worker(port, settings)
        assert handler.held.wait(300), first.stderr.read().decode()[-3000:] if first.poll() else ""
        first.send_signal(signal.SIGKILL)  # halfway, in the middle of a conversation
        first.wait(10)
        handler.release.set()
        halfway = len(handler.received())
        assert hold_at - 1 <= halfway <= hold_at

        second = worker(port, settings)
        wait_for(
            lambda: Dispatch.objects.get(pk=dispatch.pk).state == "done",
            300,
            "the restarted worker to finish",
        )
    finally:
        for process in (first, second):
            if process and process.poll() is None:
                process.terminate()
                process.wait(10)
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
