from django_tasks import task

from outbox import delivery


@task()
def send_message(message_id):
    """Idempotent: a message already sent, or being sent by another worker, is left alone."""
    return delivery.send(message_id)


@task()
def send_due_messages():
    """Sends what is due: retries whose time has come, and messages whose task was lost."""
    return {str(pk): delivery.send(pk) for pk in delivery.due_messages()}
