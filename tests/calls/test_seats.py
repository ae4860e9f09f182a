"""Seats are counted from what is stored, whenever the capacity was set, and come back when a
registration is cancelled by its registrant (the link in the confirmation), rejected by a
reviewer or deleted."""

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import TransactionTestCase
from django.urls import reverse

from calls.choices import ReviewStatus
from calls.models import CallPage, CallSubmission
from tests.calls.conftest import valid_data
from tests.conftest import make_english_home
from tests.factories import CallIndexPageFactory, CallPageFactory, add_form_fields

pytestmark = pytest.mark.django_db


def register(client, page, email):
    return client.post(page.url, valid_data(e_mail=email))


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return CallPage.objects.get(pk=page.pk)


def test_a_capacity_set_late_counts_the_registrations_already_stored(client, open_call):
    for name in ("ada", "bo", "chen"):
        assert register(client, open_call, f"{name}@example.org").status_code == 200
    call = publish(open_call, capacity=2)
    assert call.seats_taken == 3
    assert register(client, call, "dee@example.org").status_code == 409
    assert CallSubmission.objects.count() == 3


def test_a_rejected_registration_gives_its_seat_back(client, admin_client, open_call):
    call = publish(open_call, capacity=1)
    register(client, call, "ada@example.org")
    assert register(client, call, "bo@example.org").status_code == 409
    submission = CallSubmission.objects.get()
    url = reverse("calls_review_submission", args=[submission.pk])
    admin_client.post(url, {"status": ReviewStatus.REJECTED, "reviewer_notes": ""})
    assert CallPage.objects.get(pk=call.pk).seats_taken == 0
    assert register(client, call, "bo@example.org").status_code == 200
    # Rejecting it again, or saving the review twice, gives nothing more back.
    admin_client.post(url, {"status": ReviewStatus.REJECTED, "reviewer_notes": "again"})
    assert CallPage.objects.get(pk=call.pk).seats_taken == 1


def test_a_deleted_registration_gives_its_seat_back(client, admin_client, open_call):
    call = publish(open_call, capacity=1)
    register(client, call, "ada@example.org")
    submission = CallSubmission.objects.get()
    url = reverse("wagtailforms:delete_submissions", args=[call.pk])
    admin_client.post(f"{url}?selected-submissions={submission.pk}")
    assert not CallSubmission.objects.exists()
    assert CallPage.objects.get(pk=call.pk).seats_taken == 0


def cancellation_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/cancel/\S+/)", message.body).group(1)


@pytest.fixture
def registration(calls_index):
    page = CallPageFactory(
        parent=calls_index, title="WSIS Forum 2017 registration", kind="registration", capacity=1
    )
    return add_form_fields(page, ("Name", "singleline", True), ("E-mail", "email", True))


def test_a_registrant_cancels_by_the_link_in_their_confirmation(client, registration, committed):
    data = {"name": "Ada", "e_mail": "ada@example.org", **valid_data()}
    data = {
        k: v
        for k, v in data.items()
        if k in ("name", "e_mail", "submission_token", "form_started", "website_url")
    }
    assert client.post(registration.url, data).status_code == 200
    link = cancellation_link(mail.outbox[-1])
    # Opening the link changes nothing (mail scanners open links): it asks.
    page = client.get(link)
    assert page.status_code == 200
    assert "WSIS Forum 2017 registration" in page.content.decode()
    assert CallPage.objects.get(pk=registration.pk).seats_taken == 1
    done = client.post(link)
    assert done.status_code == 200
    submission = CallSubmission.objects.get()
    assert submission.status == ReviewStatus.CANCELLED
    assert CallPage.objects.get(pk=registration.pk).seats_taken == 0
    # Again: already cancelled, nothing more given back.
    assert client.post(link).status_code == 200
    assert CallPage.objects.get(pk=registration.pk).seats_taken == 0


def test_a_forged_or_altered_cancellation_link_is_refused(client, registration):
    assert client.get("/en/registrations/cancel/1:forged/").status_code == 404
    assert client.post("/en/registrations/cancel/1:forged/").status_code == 404
    assert not CallSubmission.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a real race needs PostgreSQL")
class SeatReleaseRaceTest(TransactionTestCase):
    serialized_rollback = True

    def test_ten_cancellations_of_one_registration_give_one_seat_back(self):
        home = make_english_home()
        call = CallPageFactory(parent=CallIndexPageFactory(parent=home), capacity=5)
        for _ in range(3):
            call.reserve_seat()
        submission = CallSubmission.objects.create(
            page=call, form_data={}, call_key=call.translation_key
        )
        barrier = threading.Barrier(10)

        def cancel():
            barrier.wait()
            try:
                CallSubmission.objects.get(pk=submission.pk).release_seat()
            finally:
                connection.close()

        threads = [threading.Thread(target=cancel) for _ in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(CallPage.objects.get(pk=call.pk).seats_taken, 2)
