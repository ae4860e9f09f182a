"""Moderators' decisions are recorded at once and carried out by the task worker: approving
twenty photos never runs into the server's timeout, and a worker that dies half-way leaves no
photo half-published."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from media import entries, tasks
from media.models import PhotoEntry
from outbox.models import OutboxMessage
from tests.media.conftest import photo_bytes
from tests.media.test_moderation import make_entry, moderator

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def queued_tasks(settings):
    """The production backend: tasks wait in the database for `db_worker` (django-tasks
    drops its backends when TASKS changes)."""
    settings.TASKS = DATABASE_TASKS


def run_worker(settings):
    """A real `manage.py db_worker` process on the test database, until the queue is empty."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsis_site.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "EMAIL_URL": "console://",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        # No system checks: `manage.py check` has tests of its own (about 1 s here).
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "-v0"]
        + ["--skip-checks"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bulk_approval_of_twenty_photos_returns_at_once_and_a_worker_finishes(
    client, contest, queued_tasks, settings
):
    # Small photos: what is proven is where the work happens, not how long a large photo takes
    # (the worker makes 100 renditions; from 2000x1200 photos, 6 s of CPU).
    small = photo_bytes(size=(640, 480))
    photos = [make_entry(contest, small, email=f"entrant{i}@example.org") for i in range(20)]
    moderator(client)
    query = "&".join(f"id={photo.pk}" for photo in photos)

    response = client.post(f"/admin/bulk/media/photoentry/approve/?{query}", {})

    assert response.status_code == 302
    # Decided, not yet published: no copy, no e-mail, nothing in the gallery; twenty tasks wait.
    assert set(PhotoEntry.objects.values_list("status", flat=True)) == {"approved"}
    assert not PhotoEntry.objects.filter(public_image__isnull=False).exists()
    assert mail.outbox == [] and not OutboxMessage.objects.exists()
    assert contest.approved().count() == 0
    assert DBTaskResult.objects.ready().filter(task_path="media.tasks.apply_decision").count() == 20

    run_worker(settings)

    assert contest.approved().count() == 20
    assert get_image_model().objects.count() == 20
    # Each entrant told once; the e-mails themselves are tasks the same worker ran.
    told = OutboxMessage.objects.values_list("to", "state")
    assert sorted(to[0] for to, _state in told) == sorted(p.email for p in photos)
    assert {state for _to, state in told} == {"sent"}
    assert not entries.undone().exists()
    # Each public copy's renditions were made by the worker: the gallery makes none.
    renditions = Rendition.objects.count()
    assert renditions == 20 * len(entries.PUBLISHED_RENDITIONS)
    gallery = client.get(contest.url)
    assert gallery.status_code == 200 and gallery.content.decode().count("fill-400x300") == 40
    assert Rendition.objects.count() == renditions


class WorkerKilled(BaseException):
    """What a SIGKILL looks like from inside: nothing after it runs."""


def test_a_worker_killed_mid_approval_leaves_nothing_half_done(
    contest, monkeypatch, django_capture_on_commit_callbacks
):
    entry = make_entry(contest)
    tasks.decide([entry.pk], PhotoEntry.Status.APPROVED, user=None)
    entry.refresh_from_db()
    images = get_image_model().objects

    def killed_while_storing(*args, **kwargs):
        raise WorkerKilled

    # The worst moment: the copy is made and the transaction has begun.
    monkeypatch.setattr(entries, "contest_collection", killed_while_storing)
    mail.outbox.clear()
    with pytest.raises(WorkerKilled):
        entries.carry_out(entry.pk)

    entry.refresh_from_db()
    assert entry.status == "approved" and entry.public_image_id is None
    assert images.count() == 0 and not OutboxMessage.objects.exists()
    assert entry.notified_status == ""
    assert contest.approved().count() == 0  # nothing public until the copy exists

    # The sweep (cron) finds the unfinished decision once it is stale, and finishes it.
    monkeypatch.undo()
    call_command("finish_photo_decisions", verbosity=0)
    entry.refresh_from_db()
    assert entry.public_image_id is None  # too recent: its task may still be running
    PhotoEntry.objects.filter(pk=entry.pk).update(
        decided_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("finish_photo_decisions", verbosity=0)
    entry.refresh_from_db()
    assert entry.public_image_id is not None and images.count() == 1
    assert contest.approved().count() == 1
    assert [m.to for m in mail.outbox] == [[entry.email]]


def test_carrying_out_a_decision_twice_publishes_once_and_tells_once(contest):
    entry = make_entry(contest)
    tasks.decide([entry.pk], PhotoEntry.Status.APPROVED, user=None)
    first = entries.carry_out(entry.pk)
    again = entries.carry_out(entry.pk)
    assert first == again == "approved"
    assert get_image_model().objects.count() == 1
    assert OutboxMessage.objects.count() == 1


def test_a_rejection_withdraws_the_public_copy_and_tells_the_entrant(contest):
    entry = make_entry(contest)
    entries.approve(entry)
    assert contest.approved().count() == 1
    tasks.decide([entry.pk], PhotoEntry.Status.REJECTED, user=None)
    entries.carry_out(entry.pk)
    entry.refresh_from_db()
    assert entry.status == "rejected" and entry.public_image_id is None
    assert get_image_model().objects.count() == 0
    assert [m.subject for m in OutboxMessage.objects.order_by("pk")][-1].startswith("Votre photo")


def test_the_bulk_approval_asks_for_confirmation_listing_the_photos(client, contest):
    photos = [make_entry(contest, title=f"Photo {i}", email=f"e{i}@example.org") for i in (1, 2)]
    moderator(client)
    query = "&".join(f"id={photo.pk}" for photo in photos)
    page = client.get(f"/admin/bulk/media/photoentry/approve/?{query}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Photo entries" in html and "The entrants will be told by e-mail." in html
    assert "Photo 1" in html and "Photo 2" in html
    assert set(PhotoEntry.objects.values_list("status", flat=True)) == {"pending"}
