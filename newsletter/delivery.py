"""Sending a Dispatch: one Delivery row per (subscriber, language), each taken through

    pending → claimed → handing_over → sent

by conditional UPDATEs, each committed at once:

- `claimed` before the SMTP conversation begins: one worker owns the row.
- `handing_over` just before the message's final "." is sent. Until that "." the mail server
  holds an unfinished message that it discards if the connection drops: a worker that dies
  while the row is `claimed` has sent nothing, and the watch puts the row back to `pending`.
- `sent` once the server has answered 250.

A worker that dies between `handing_over` and `sent` (the "." sent, the server's answer not
yet recorded: about one network round trip) leaves the row `handing_over`; the watch marks it
`uncertain` and never sends it again by itself, so nobody gets a second copy. Staff see those
rows in the admin and may send them again (same Message-ID). See the README, "WSIS Flash".
"""

import contextlib
import logging
import smtplib
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from newsletter import emails
from newsletter.models import Delivery, Dispatch, Subscriber, SubscriberLanguage
from outbox.delivery import open_connection

logger = logging.getLogger(__name__)
State = Delivery.State
MAX_ATTEMPTS = 5


class TemporaryFailure(Exception):
    """The mail server could not be reached or refused for now: the batch stops, to resume."""


def stale_before(now=None):
    return (now or timezone.now()) - timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS)


# Preparing ------------------------------------------------------------------------------------


def prepare(dispatch_id):
    """Creates the delivery rows of every confirmed subscriber of each language sent, once
    (the unique constraint makes a second run add only who is missing). Returns False when
    the dispatch is not to be sent (cancelled, or already finished)."""
    with transaction.atomic():
        dispatch = Dispatch.objects.select_for_update().get(pk=dispatch_id)
        if dispatch.state not in (Dispatch.State.SCHEDULED, Dispatch.State.SENDING):
            return False
        for language in dispatch.languages:
            receiving = Subscriber.objects.receiving(language).values_list("pk", flat=True)
            Delivery.objects.bulk_create(
                [
                    Delivery(dispatch=dispatch, subscriber_id=pk, language=language)
                    for pk in receiving.iterator()
                ],
                ignore_conflicts=True,
                batch_size=500,
            )
        if dispatch.state == Dispatch.State.SCHEDULED:
            dispatch.state, dispatch.started_at = Dispatch.State.SENDING, timezone.now()
            dispatch.save(update_fields=["state", "started_at"])
    return True


# Sending --------------------------------------------------------------------------------------


def claim_next(dispatch_id):
    """The next waiting row, now owned by this worker (one conditional UPDATE), or None."""
    waiting = Delivery.objects.filter(dispatch_id=dispatch_id, state=State.PENDING)
    while True:
        pk = waiting.order_by("pk").values_list("pk", flat=True).first()
        if pk is None:
            return None
        claimed = Delivery.objects.filter(pk=pk, state=State.PENDING).update(
            state=State.CLAIMED, claimed_at=timezone.now(), attempts=F("attempts") + 1
        )
        if claimed:
            return Delivery.objects.select_related("subscriber").get(pk=pk)


class HandOver:
    """Calls `before_final_dot` between a message's content and the "." that completes it.

    smtplib sends both in one write (SMTP.data); this connection's `data` is replaced by the
    same steps with the call in between. Other backends (console, tests) have no
    conversation: the call happens just before they are given the message."""

    def __init__(self, connection):
        self.connection = connection
        self.before_final_dot = None
        smtp = getattr(connection, "connection", None)
        self.smtp = smtp if isinstance(smtp, smtplib.SMTP) else None
        if self.smtp is not None:
            self.smtp.data = self._data
            # The "." goes in a write of its own after the content: with Nagle's algorithm it
            # would wait for the server's delayed ACK of the content (about 40 ms a message).
            sock = getattr(self.smtp, "sock", None)
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _data(self, msg):
        smtp = self.smtp
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        if isinstance(msg, str):
            msg = smtplib._fix_eols(msg).encode("ascii")
        content = smtplib._quote_periods(msg)
        if content[-2:] != smtplib.bCRLF:
            content += smtplib.bCRLF
        smtp.send(content)
        self.before_final_dot()
        smtp.send(b"." + smtplib.bCRLF)
        return smtp.getreply()

    def send(self, message, before_final_dot):
        self.before_final_dot = before_final_dot
        if self.smtp is None:
            before_final_dot()
        self.connection.send_messages([message])


def _mark(delivery, from_states, **fields):
    return Delivery.objects.filter(pk=delivery.pk, state__in=from_states).update(**fields)


def still_wanted(delivery):
    subscriber = delivery.subscriber
    return (
        subscriber.is_receiving
        and SubscriberLanguage.objects.filter(
            subscriber=subscriber, language=delivery.language
        ).exists()
    )


def send_one(delivery, hand_over, messages):
    """Sends one claimed row. Raises TemporaryFailure when the batch should stop."""
    if not still_wanted(delivery):  # unsubscribed (or language dropped) since preparing
        _mark(delivery, [State.CLAIMED], state=State.SKIPPED)
        return State.SKIPPED
    message = messages.for_delivery(delivery)
    handed = []

    def handing_over():
        _mark(delivery, [State.CLAIMED], state=State.HANDING_OVER)
        handed.append(True)

    try:
        hand_over.send(message, handing_over)
    except smtplib.SMTPRecipientsRefused as error:
        _mark(delivery, [State.CLAIMED], state=State.FAILED, last_error=str(error)[:2000])
        return State.FAILED
    except (UnicodeError, ValueError) as error:
        _mark(delivery, [State.CLAIMED], state=State.FAILED, last_error=str(error)[:2000])
        return State.FAILED
    except Exception as error:  # noqa: BLE001 - the server is down, slow or refusing for now
        text = f"{type(error).__name__}: {error}"[:2000]
        if handed:  # the "." was sent: the server may have the message
            _mark(delivery, [State.HANDING_OVER], state=State.UNCERTAIN, last_error=text)
            return State.UNCERTAIN
        final = delivery.attempts >= MAX_ATTEMPTS
        _mark(
            delivery,
            [State.CLAIMED],
            state=State.FAILED if final else State.PENDING,
            last_error=text,
        )
        raise TemporaryFailure(text) from error
    _mark(
        delivery,
        [State.CLAIMED, State.HANDING_OVER],
        state=State.SENT,
        sent_at=timezone.now(),
        last_error="",
    )
    return State.SENT


def send_batch(dispatch_id, size=None):
    """Sends up to `size` waiting rows over one connection. Returns "more" when rows are still
    waiting, "done" when none is, "retry" after a temporary failure, None if not sending."""
    if not Dispatch.objects.filter(pk=dispatch_id, state=Dispatch.State.SENDING).exists():
        return None
    size = size or settings.NEWSLETTER_BATCH_SIZE
    messages = emails.IssueMessages(Dispatch.objects.select_related("issue").get(pk=dispatch_id))
    connection = open_connection()
    try:
        connection.open()
        hand_over = HandOver(connection)
        for _number in range(size):
            delivery = claim_next(dispatch_id)
            if delivery is None:
                break
            send_one(delivery, hand_over, messages)
    except TemporaryFailure as error:
        logger.warning("WSIS Flash %s: sending paused: %s", dispatch_id, error)
        return "retry"
    except (OSError, smtplib.SMTPException) as error:  # could not even connect
        logger.warning("WSIS Flash %s: mail server unavailable: %s", dispatch_id, error)
        return "retry"
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            connection.close()
    return "more" if finish_if_done(dispatch_id) is False else "done"


# Watching -------------------------------------------------------------------------------------


def finish_if_done(dispatch_id):
    """Marks the dispatch sent when no row waits or is in flight. Returns whether it is."""
    busy = Delivery.objects.filter(
        dispatch_id=dispatch_id, state__in=[State.PENDING, State.CLAIMED, State.HANDING_OVER]
    )
    if busy.exists():
        return False
    Dispatch.objects.filter(pk=dispatch_id, state=Dispatch.State.SENDING).update(
        state=Dispatch.State.DONE, finished_at=timezone.now()
    )
    return True


def recover(dispatch_id, now=None):
    """After a worker died: rows it had claimed but not handed over go back to waiting (the
    server discarded the unfinished message), rows it had handed over become `uncertain`.
    Returns True when rows wait and nobody has claimed one for a while: resume sending."""
    limit = stale_before(now)
    rows = Delivery.objects.filter(dispatch_id=dispatch_id, claimed_at__lt=limit)
    rows.filter(state=State.CLAIMED).update(state=State.PENDING)
    rows.filter(state=State.HANDING_OVER).update(state=State.UNCERTAIN)
    if finish_if_done(dispatch_id):
        return False
    last = Delivery.objects.filter(dispatch_id=dispatch_id).aggregate(last=Max("claimed_at"))
    idle = last["last"] is None or last["last"] < limit
    waiting = Delivery.objects.filter(dispatch_id=dispatch_id, state=State.PENDING).exists()
    return waiting and idle


def resend_uncertain(dispatch):
    """Staff chose to send the uncertain rows again (each may then arrive twice; the same
    Message-ID lets mailbox providers that de-duplicate drop the second)."""
    count = Delivery.objects.filter(dispatch=dispatch, state=State.UNCERTAIN).update(
        state=State.PENDING
    )
    if count:
        Dispatch.objects.filter(pk=dispatch.pk).update(
            state=Dispatch.State.SENDING, finished_at=None
        )
    return count


def test_message(issue, address):
    """The issue as a subscriber in its language would get it, to `address` (through the
    outbox, like any one-off e-mail)."""
    message = emails.IssueMessages.for_test(issue, address)
    message.send()
    return message
