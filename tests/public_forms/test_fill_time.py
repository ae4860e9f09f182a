"""The spam guard's signed fill-time is good for one display of a form: bound to that display's
one-time token, it cannot be copied into other submissions, while the same form sent again
still gets its first result."""

import re
import time
import uuid
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from calls.models import CallSubmission
from media.models import PhotoEntry
from tests.calls.conftest import valid_data
from tests.media.conftest import entry_data, photo_bytes

pytestmark = pytest.mark.django_db


def shown_form(client, url):
    """The hidden guards of a form as a page shows it, as if shown a minute ago."""
    html = client.get(url).content.decode()
    guards = dict(re.findall(r'name="(form_started|submission_token)" value="([^"]+)"', html))
    assert set(guards) == {"form_started", "submission_token"}
    return guards


@pytest.fixture
def a_minute_later(monkeypatch):
    """Moves the spam guard's clock a minute on: forms shown before are not refused as sent
    back too fast."""
    from public_forms import forms

    monkeypatch.setattr(forms, "time", SimpleNamespace(time=lambda: time.time() + 60))


def test_a_fill_time_copied_into_a_new_submission_is_refused(client, open_call, request):
    guards = shown_form(client, open_call.url)
    request.getfixturevalue("a_minute_later")
    first = client.post(open_call.url, valid_data(**guards))
    assert first.status_code == 200 and CallSubmission.objects.count() == 1

    # A robot keeps the signed time and draws a token of its own for each new submission…
    replay = {**guards, "submission_token": uuid.uuid4().hex}
    response = client.post(open_call.url, valid_data(e_mail="bot@example.org", **replay))
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    # …or sends none at all.
    without = {"form_started": guards["form_started"], "submission_token": ""}
    assert client.post(open_call.url, valid_data(**without)).status_code == 400
    assert CallSubmission.objects.count() == 1


def test_the_same_form_sent_again_still_gets_its_first_result(client, open_call, request):
    guards = shown_form(client, open_call.url)
    request.getfixturevalue("a_minute_later")
    assert client.post(open_call.url, valid_data(**guards)).status_code == 200
    again = client.post(open_call.url, valid_data(e_mail="other@example.org", **guards))
    assert again.status_code == 200 and "Thank you" in again.content.decode()
    assert CallSubmission.objects.count() == 1
    assert CallSubmission.objects.get().email == "ada@example.org"


def test_a_form_corrected_after_an_error_is_accepted_once(client, open_call, request):
    guards = shown_form(client, open_call.url)
    request.getfixturevalue("a_minute_later")
    assert client.post(open_call.url, valid_data(name="", **guards)).status_code == 400
    assert client.post(open_call.url, valid_data(**guards)).status_code == 200
    assert CallSubmission.objects.count() == 1


def test_a_fill_time_copied_into_a_new_photo_entry_is_refused(client, contest, request):
    url = f"{contest.url}enter/"
    guards = shown_form(client, url)
    request.getfixturevalue("a_minute_later")

    def enter(**data):
        upload = SimpleUploadedFile("photo.jpg", photo_bytes(), "image/jpeg")
        return client.post(url, {**entry_data(**data), "original": upload})

    assert enter(**guards).status_code == 200
    replay = {**guards, "submission_token": uuid.uuid4().hex}
    assert enter(title="Another photo", **replay).status_code == 400
    assert PhotoEntry.objects.count() == 1
