"""The outbox against a real SMTP server: a submission is stored once and its visitor thanked
whether the mail server is down, refusing or given an address it cannot take; what failed is
kept, retried with back-off and sent once when the server is back."""

import contextlib
import datetime
import io

import icalendar
import pytest
from django.core.files.storage import storages
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from calls.models import CallSubmission
from outbox import delivery, tasks
from outbox.models import MAX_ATTEMPTS, RETRY_DELAYS, STALE_AFTER, OutboxMessage
from outbox.tasks import send_due_messages, send_message
from tests.calls.conftest import valid_data
from tests.conftest import as_committed, free_port, translate
from tests.factories import (
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    add_form_fields,
)
from tests.outbox.conftest import MailServer, deliver_over_smtp, start_server

pytestmark = pytest.mark.django_db
State = OutboxMessage.State
SUBMITTER, STAFF = "ada@example.org", "wsis-staff@itu.int"


def send_outbox():
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    return out.getvalue().strip()


def message_to(address):
    (message,) = [m for m in OutboxMessage.objects.all() if m.to == [address]]
    return message


def thanked(response):
    return response.status_code == 200 and "Thank you" in response.content.decode()


def record(django_capture_on_commit_callbacks, *addresses):
    """Messages recorded in a committed transaction whose send task was lost (not run)."""
    with django_capture_on_commit_callbacks(execute=False):
        for address in addresses:
            EmailMessage("Your photo", "It was approved.", to=[address]).send()
    return [message_to(address) for address in addresses]


# SMTP down ------------------------------------------------------------------------------------


def test_smtp_down_stores_the_submission_once_and_sends_its_mail_when_smtp_is_back(
    client, open_call, settings, monkeypatch
):
    port = free_port()  # nothing listens there: the mail server is down
    deliver_over_smtp(settings, port)
    before = timezone.now()

    response = client.post(open_call.url, valid_data())

    assert thanked(response)
    assert CallSubmission.objects.count() == 1
    messages = list(OutboxMessage.objects.all())
    assert sorted(m.to[0] for m in messages) == [SUBMITTER, STAFF]
    for message in messages:
        assert message.state == State.RETRYING and message.attempts == 1
        assert "Connection refused" in message.last_error
        # Back-off: the first retry a minute later, not at once.
        wait = message.next_attempt_at - before
        assert datetime.timedelta(seconds=RETRY_DELAYS[0] - 5) < wait
        assert wait <= datetime.timedelta(seconds=RETRY_DELAYS[0] + 5)
    # Before its time, the retry job leaves them alone.
    with as_committed():  # the worker runs it once committed
        retry_job = send_due_messages.enqueue()
    assert retry_job.return_value == {}

    handler = MailServer()
    controller = start_server(handler, port)  # the mail server is back
    try:
        later = max(m.next_attempt_at for m in messages) + datetime.timedelta(seconds=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        assert send_outbox() == "2 sent, 0 failed"
        assert send_outbox() == "0 sent, 0 failed"
    finally:
        controller.stop()

    (confirmation,) = handler.received_by(SUBMITTER)
    assert confirmation["Subject"].startswith("We received your submission")
    assert len(handler.received_by(STAFF)) == 1 and len(handler.envelopes) == 2
    for message in OutboxMessage.objects.all():
        assert message.state == State.SENT and message.attempts == 2
        assert message.last_error == "" and message.sent_at == later
    assert CallSubmission.objects.count() == 1


def test_a_message_that_never_gets_through_fails_after_the_last_attempt(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    deliver_over_smtp(settings, free_port())
    (message,) = record(django_capture_on_commit_callbacks, SUBMITTER)
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=State.RETRYING, attempts=MAX_ATTEMPTS - 1
    )
    assert send_outbox() == "0 sent, 1 failed"
    message.refresh_from_db()
    assert message.state == State.FAILED and message.attempts == MAX_ATTEMPTS
    assert message.next_attempt_at is None and "Connection refused" in message.last_error
    monkeypatch.setattr(timezone, "now", lambda: message.created_at + datetime.timedelta(days=30))
    assert send_outbox() == "0 sent, 0 failed"  # given up: only staff can send it again


# SMTP refusing --------------------------------------------------------------------------------


def test_a_refused_recipient_fails_for_good_and_the_operator_sees_it(client, open_call, smtp):
    smtp.refused = {SUBMITTER}

    response = client.post(open_call.url, valid_data())

    assert thanked(response)
    assert CallSubmission.objects.count() == 1
    confirmation = message_to(SUBMITTER)
    assert confirmation.state == State.FAILED and confirmation.next_attempt_at is None
    assert "550" in confirmation.last_error
    assert message_to(STAFF).state == State.SENT
    assert smtp.received_by(SUBMITTER) == [] and len(smtp.received_by(STAFF)) == 1
    assert send_outbox() == "0 sent, 0 failed"  # a refusal is not retried

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["checks"]["outbox"]["status"] == "degraded"
    assert health.json()["checks"]["outbox"]["failed"] == 1

    # The address fixed at the mail server, staff send it again: it arrives once.
    smtp.refused = set()
    with as_committed():  # as the staff screen's request ends
        assert tasks.resend(OutboxMessage.objects.filter(state=State.FAILED)) == 1
    confirmation.refresh_from_db()
    assert confirmation.state == State.SENT
    assert len(smtp.received_by(SUBMITTER)) == 1 and len(smtp.received_by(STAFF)) == 1


# An address mail cannot be sent to ------------------------------------------------------------


def test_an_address_we_cannot_send_to_is_refused_next_to_the_field(client, open_call, smtp):
    response = client.post(open_call.url, valid_data(e_mail="x@ﬃ.example.org"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "We cannot send e-mail to “ﬃ.example.org”" in html
    assert 'id="id_e_mail-error"' in html
    assert CallSubmission.objects.count() == 0
    assert OutboxMessage.objects.count() == 0 and smtp.envelopes == []


def test_an_address_we_cannot_send_to_is_refused_in_the_visitors_language(
    client, english_home, calls_index, open_call, smtp
):
    translate(english_home, "fr", slug="accueil")
    translate(calls_index, "fr", slug="appels")
    french = translate(open_call, "fr", slug="plan-strategique")

    response = client.post(french.url, valid_data(e_mail="x@ﬃ.example.org"))

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_e_mail-error"' in html and "ﬃ.example.org" in html
    assert CallSubmission.objects.count() == 0 and OutboxMessage.objects.count() == 0
    assert "We cannot send e-mail" not in html  # French, not English


# Transactions and workers ---------------------------------------------------------------------


def test_a_message_recorded_in_a_rolled_back_transaction_is_never_sent(
    smtp, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        contextlib.suppress(RuntimeError),
        transaction.atomic(),
    ):
        EmailMessage("Rolled back", "Never sent.", to=["ghost@example.org"]).send()
        assert OutboxMessage.objects.count() == 1
        raise RuntimeError("the submission failed after its e-mail was recorded")
    assert callbacks == []
    assert OutboxMessage.objects.count() == 0
    assert send_outbox() == "0 sent, 0 failed"

    with django_capture_on_commit_callbacks(execute=True):  # the server does take mail
        EmailMessage("Committed", "Sent.", to=[SUBMITTER]).send()
    assert [m["Subject"] for m in smtp.messages] == ["Committed"]


def test_two_workers_cannot_both_send_one_message(smtp, django_capture_on_commit_callbacks):
    (message,) = record(django_capture_on_commit_callbacks, SUBMITTER)

    assert delivery.send(message.pk) == State.SENT
    assert delivery.send(message.pk) is None
    send_message.enqueue(message.pk)  # a duplicate task changes nothing either
    assert len(smtp.received_by(SUBMITTER)) == 1
    message.refresh_from_db()
    assert message.state == State.SENT and message.attempts == 1


def test_a_message_another_worker_is_sending_is_left_to_it(
    smtp, django_capture_on_commit_callbacks
):
    (message,) = record(django_capture_on_commit_callbacks, SUBMITTER)

    assert delivery.claim(message.pk)  # worker A has it
    assert delivery.send(message.pk) is None  # worker B
    assert send_outbox() == "0 sent, 0 failed"  # nor does the cron job take it from A
    assert smtp.envelopes == []


def test_a_message_left_sending_by_a_dead_worker_is_sent_by_send_outbox(
    smtp, django_capture_on_commit_callbacks
):
    stale, busy = record(django_capture_on_commit_callbacks, SUBMITTER, "busy@example.org")
    now = timezone.now()
    OutboxMessage.objects.filter(pk=stale.pk).update(
        state=State.SENDING, claimed_at=now - STALE_AFTER - datetime.timedelta(minutes=1)
    )
    OutboxMessage.objects.filter(pk=busy.pk).update(
        state=State.SENDING, claimed_at=now - datetime.timedelta(minutes=1)
    )

    assert send_outbox() == "1 sent, 0 failed"

    stale.refresh_from_db()
    busy.refresh_from_db()
    assert stale.state == State.SENT and busy.state == State.SENDING
    assert len(smtp.received_by(SUBMITTER)) == 1 and smtp.received_by("busy@example.org") == []


# Attachments ----------------------------------------------------------------------------------


@pytest.fixture
def registration(english_home):
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=english_home),
        title="Final Briefing",
        slug="final-briefing",
        start_date=datetime.date.today() + datetime.timedelta(days=25),
        end_date=datetime.date.today() + datetime.timedelta(days=25),
    )
    page = CallPageFactory(
        parent=event,
        kind="registration",
        unique_per="email",
        capacity=100,
        closes_on=datetime.date.today() + datetime.timedelta(days=20),
        slug="register",
    )
    return add_form_fields(page, ("E-mail", "email", True))


def test_a_registrations_confirmation_arrives_with_the_events_calendar_after_a_retry(
    client, registration, smtp, settings, monkeypatch
):
    deliver_over_smtp(settings, free_port())  # the mail server is down at first
    response = client.post(registration.url, {**valid_data(), "e_mail": SUBMITTER})

    assert thanked(response)
    record = message_to(SUBMITTER)
    assert record.state == State.RETRYING
    # The calendar is kept by reference, in private storage, until the message is sent.
    (kept,) = record.attachments
    assert kept["name"] == "final-briefing.ics" and storages["private"].exists(kept["path"])

    deliver_over_smtp(settings, smtp.port)  # back
    later = record.next_attempt_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert send_outbox() == "2 sent, 0 failed"

    (confirmation,) = smtp.received_by(SUBMITTER)
    (attachment,) = list(confirmation.iter_attachments())
    assert attachment.get_filename() == "final-briefing.ics"
    assert attachment.get_content_type() == "text/calendar"
    (event,) = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    assert str(event["summary"]) == "Final Briefing"
    assert message_to(SUBMITTER).state == State.SENT
    assert not storages["private"].exists(kept["path"])  # no copy left once sent
