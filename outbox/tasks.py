"""The outbox's background work: delivery (outbox.delivery) knows nothing of tasks; this module
enqueues it, and schedules retries where the task backend can defer."""

from django_tasks import default_task_backend, task

from outbox import delivery
from outbox.models import OutboxMessage

State = OutboxMessage.State


def send_now(message_id):
    """Sends one message; a retry is scheduled for its next attempt time (where the backend
    cannot defer, `send_outbox` picks it up then)."""
    state = delivery.send(message_id)
    if state == State.RETRYING and default_task_backend.supports_defer:
        record = OutboxMessage.objects.get(pk=message_id)
        send_message.using(run_after=record.next_attempt_at).enqueue(message_id)
    return state


@task()
def send_message(message_id):
    """Idempotent: a message already sent, or being sent by another worker, is left alone."""
    return send_now(message_id)


@task()
def send_due_messages():
    """Sends what is due: retries whose time has come, and messages whose task was lost."""
    return {str(pk): send_now(pk) for pk in delivery.due_messages()}


def resend(queryset):
    """Staff asked for these to be sent again now, whatever happened before."""
    pks = list(queryset.exclude(state=State.SENDING).values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=pks).update(
        state=State.QUEUED, next_attempt_at=None, attempts=0
    )
    for pk in pks:
        send_message.enqueue(pk)
    return len(pks)
