"""A form sent again with its one-time token (a lost response, a double click, the back
button) gets the first result: one record, one e-mail, even once the call has closed."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from calls.models import CallSubmission
from media.models import PhotoEntry
from outbox.models import OutboxMessage
from public_forms.models import SubmissionReceipt
from tests.calls.conftest import started_long_ago, valid_data
from tests.factories import CallPageFactory, add_form_fields
from tests.media.conftest import entry_data, photo_bytes
from tests.public_forms.conftest import shown_token

pytestmark = pytest.mark.django_db


def thanked(response):
    return response.status_code == 200 and "Thank you" in response.content.decode()


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


@pytest.fixture
def after(monkeypatch):
    """Moves the clock to `moment`."""
    return lambda moment: monkeypatch.setattr(timezone, "now", lambda: moment)


def test_a_call_form_sent_twice_stores_one_submission_and_sends_one_confirmation(
    client, open_call, after
):
    token = shown_token(client.get(open_call.url))
    # Posted at once the form would look like a robot's: it was shown a minute ago.
    data = valid_data(submission_token=token, form_started=started_long_ago(token))

    first = client.post(open_call.url, data)
    again = client.post(open_call.url, {**data, "e_mail": "changed@example.org"})

    assert thanked(first) and thanked(again)
    # The first result: the copy went to the first address, not the one sent the second time.
    assert "A receipt is on its way to ada@example.org" in again.content.decode()
    assert CallSubmission.objects.count() == 1
    assert len(to("ada@example.org")) == 1 and to("changed@example.org") == []
    assert OutboxMessage.objects.count() == 2  # the confirmation and the staff notice, once

    # The form shown afresh carries a new token: a second, deliberate submission is stored.
    second_token = shown_token(client.get(open_call.url))
    assert second_token != token
    response = client.post(
        open_call.url, valid_data(submission_token=second_token, e_mail="bob@example.org")
    )
    assert thanked(response)
    assert CallSubmission.objects.count() == 2 and len(to("bob@example.org")) == 1

    # A form shown before the deadline…
    shown_in_time = shown_token(client.get(open_call.url))
    # …after which the first POST's retry still gets its thank-you page, not a refusal…
    after(open_call.closes_at + datetime.timedelta(hours=1))
    late_retry = client.post(open_call.url, data)
    assert thanked(late_retry)
    assert "A receipt is on its way to ada@example.org" in late_retry.content.decode()
    # …while the new form is refused, as before.
    late = client.post(open_call.url, valid_data(submission_token=shown_in_time))
    assert late.status_code == 403
    assert CallSubmission.objects.count() == 2 and len(to("ada@example.org")) == 1


def test_a_token_from_one_call_does_not_show_another_calls_result(client, calls_index, open_call):
    token = shown_token(client.get(open_call.url))
    assert thanked(client.post(open_call.url, valid_data(submission_token=token)))
    other = CallPageFactory(
        parent=calls_index,
        slug="other-call",
        closes_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    add_form_fields(other, ("E-mail", "email", True))

    response = client.post(other.url, valid_data(submission_token=token, e_mail="eve@example.org"))

    assert response.status_code == 409
    html = response.content.decode()
    assert "This form was already sent" in html and "ada@example.org" not in html
    assert CallSubmission.objects.filter(page=other).count() == 0
    assert to("eve@example.org") == []


def test_a_post_without_a_valid_token_is_refused(client, open_call):
    """The signed start time is bound to the token: without the token it was shown with, a
    form is refused as a copy (forms shown before tokens existed are a day old by now)."""
    response = client.post(open_call.url, valid_data(submission_token="not-a-token"))
    assert response.status_code == 400 and "could not be accepted" in response.content.decode()
    assert CallSubmission.objects.count() == 0 and SubmissionReceipt.objects.count() == 0


def enter(client, contest, **data):
    upload = SimpleUploadedFile("photo.jpg", photo_bytes(), "image/jpeg")
    return client.post(f"{contest.url}enter/", {**entry_data(**data), "original": upload})


def test_a_photo_entry_sent_twice_is_stored_once(client, contest, after):
    token = shown_token(client.get(f"{contest.url}enter/"))

    first = enter(client, contest, submission_token=token)
    again = enter(client, contest, submission_token=token, title="Another title")

    assert thanked(first) and thanked(again)
    assert "Telemedicine in Rwanda" in again.content.decode()  # the first entry's title
    assert PhotoEntry.objects.count() == 1
    assert len(to("grace@example.org")) == 1

    fresh = shown_token(client.get(f"{contest.url}enter/"))
    assert thanked(enter(client, contest, submission_token=fresh, title="Second photo"))
    assert PhotoEntry.objects.count() == 2

    shown_in_time = shown_token(client.get(f"{contest.url}enter/"))
    after(contest.closes_at + datetime.timedelta(hours=1))
    late_retry = enter(client, contest, submission_token=token)
    assert thanked(late_retry) and "Telemedicine in Rwanda" in late_retry.content.decode()
    late = enter(client, contest, submission_token=shown_in_time)
    assert late.status_code == 403
    assert PhotoEntry.objects.count() == 2 and len(to("grace@example.org")) == 2
