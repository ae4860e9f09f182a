"""The site's EMAIL_BACKEND: records each message in the outbox, in the caller's transaction,
and has a task send it once that transaction commits. Every sender (our forms, Wagtail's
workflow notifications, password resets) goes through it without knowing."""

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from outbox.models import OutboxMessage


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from outbox.tasks import send_message

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            record = OutboxMessage.record(message)
            # A rolled-back transaction takes the message with it; a committed one is sent.
            transaction.on_commit(lambda pk=record.pk: send_message.enqueue(pk))
            count += 1
        return count
