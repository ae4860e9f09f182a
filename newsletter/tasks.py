"""WSIS Flash's background work on the task queue: a sending starts at its time, goes out in
batches (one task each, the next enqueued by the last), and is watched: a watch task comes
back every NEWSLETTER_STALE_SECONDS while it is sending and resumes it if its worker died."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from newsletter import delivery
from newsletter.models import Dispatch

RETRY_AFTER = timedelta(minutes=1)


def _later(task_function, when, *args):
    if default_task_backend.supports_defer:
        task_function.using(run_after=when).enqueue(*args)
        return True
    return False  # without deferral, `send_newsletters` (cron) does it when it is time


def schedule(dispatch):
    """Staff sent or scheduled `dispatch`: start it at its time."""
    if dispatch.send_at <= timezone.now() or not _later(
        start_dispatch, dispatch.send_at, dispatch.pk
    ):
        start_dispatch.enqueue(dispatch.pk)


def watch_later(dispatch_id):
    _later(
        watch_dispatch,
        timezone.now() + timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS),
        dispatch_id,
    )


@task()
def start_dispatch(dispatch_id):
    dispatch = Dispatch.objects.filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.send_at > timezone.now():
        return "not due"
    if not delivery.prepare(dispatch_id):
        return "not sending"
    watch_later(dispatch_id)
    send_batch.enqueue(dispatch_id)
    return "started"


@task()
def send_batch(dispatch_id):
    outcome = delivery.send_batch(dispatch_id)
    if outcome == "more":
        send_batch.enqueue(dispatch_id)
    elif outcome == "retry":
        _later(send_batch, timezone.now() + RETRY_AFTER, dispatch_id)
    return outcome


@task()
def watch_dispatch(dispatch_id):
    """Resumes a sending whose worker died; comes back while the sending is not finished."""
    if delivery.recover(dispatch_id):
        send_batch.enqueue(dispatch_id)
    if Dispatch.objects.filter(pk=dispatch_id, state=Dispatch.State.SENDING).exists():
        watch_later(dispatch_id)
        return "watching"
    return "finished"


def run_due(now=None):
    """What cron's `send_newsletters` does: starts scheduled sendings whose time has come and
    resumes sendings that show no progress. Returns the ids it acted on."""
    now = now or timezone.now()
    acted = []
    for pk in Dispatch.objects.filter(state=Dispatch.State.SCHEDULED, send_at__lte=now).values_list(
        "pk", flat=True
    ):
        start_dispatch.enqueue(pk)
        acted.append(pk)
    for pk in Dispatch.objects.filter(state=Dispatch.State.SENDING).values_list("pk", flat=True):
        if delivery.recover(pk, now=now):
            send_batch.enqueue(pk)
            acted.append(pk)
    return acted
