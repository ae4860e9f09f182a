"""Sending a recorded message: claimed by one worker at a time, retried with back-off."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.core.mail import get_connection
from django.db.models import Q
from django.utils import timezone

from outbox.composition import SiteEmailMessage
from outbox.models import STALE_AFTER, OutboxMessage

logger = logging.getLogger(__name__)
State = OutboxMessage.State


class PermanentFailure(Exception):
    """Trying again cannot help (every recipient refused, an address that cannot be encoded)."""


def claim(pk):
    """Marks the message as being sent, if it is due and nobody else is sending it. One
    conditional UPDATE decides, so two workers never both send it."""
    now = timezone.now()
    return bool(
        OutboxMessage.objects.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
            pk=pk,
            state__in=[State.QUEUED, State.RETRYING],
        ).update(state=State.SENDING, claimed_at=now)
    )


def as_email(record):
    message = SiteEmailMessage(
        subject=record.subject,
        body=record.body,
        from_email=record.from_email,
        to=record.to,
        cc=record.cc,
        bcc=record.bcc,
        reply_to=record.reply_to,
        headers=record.headers,
    )
    for content, mimetype in record.alternatives:
        message.attach_alternative(content, mimetype)
    storage = storages["private"]
    for attachment in record.attachments:
        with storage.open(attachment["path"], "rb") as file:
            message.attach(attachment["name"], file.read(), attachment["mimetype"] or None)
    return message


def open_connection():
    """A connection to where e-mails are delivered (EMAIL_DELIVERY_BACKEND: SMTP in
    production). The newsletter's batches use it too, keeping it open for a batch."""
    return get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)


def deliver(record):
    connection = open_connection()
    try:
        connection.send_messages([as_email(record)])
    except smtplib.SMTPRecipientsRefused as error:
        raise PermanentFailure(f"every recipient refused: {error.recipients}") from error
    except (UnicodeError, ValueError) as error:
        # Django cannot encode the address (e.g. a domain IDNA refuses).
        raise PermanentFailure(f"address cannot be encoded: {error}") from error


def send(pk):
    """Sends message `pk` if it is due; records the outcome. Returns the new state, or None
    when there was nothing to do (already sent, not due, or another worker has it)."""
    if not claim(pk):
        return None
    record = OutboxMessage.objects.get(pk=pk)
    record.attempts += 1
    try:
        deliver(record)
    except Exception as error:  # noqa: BLE001 - any failure of SMTP is recorded, then retried
        record.last_error = f"{type(error).__name__}: {error}"[:2000]
        delay = None if isinstance(error, PermanentFailure) else record.retry_delay()
        if delay is None:
            record.state, record.next_attempt_at = State.FAILED, None
            logger.error("E-mail %s failed for good: %s", pk, record.last_error)
        else:
            record.state = State.RETRYING
            record.next_attempt_at = timezone.now() + timedelta(seconds=delay)
            logger.warning("E-mail %s failed, retrying in %ss: %s", pk, delay, record.last_error)
    else:
        record.state, record.sent_at, record.next_attempt_at = State.SENT, timezone.now(), None
        record.last_error = ""
        for attachment in record.attachments:
            storages["private"].delete(attachment["path"])
    record.save(update_fields=["state", "attempts", "last_error", "next_attempt_at", "sent_at"])
    return record.state


def due_messages(now=None):
    """Messages whose task was lost or whose retry is due, and those whose worker died."""
    now = now or timezone.now()
    OutboxMessage.objects.filter(state=State.SENDING, claimed_at__lt=now - STALE_AFTER).update(
        state=State.RETRYING
    )
    return OutboxMessage.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        state__in=[State.QUEUED, State.RETRYING],
    ).values_list("pk", flat=True)
