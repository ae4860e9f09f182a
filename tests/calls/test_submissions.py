"""Submitting to a call: what is accepted, what is refused, and that refusals store nothing."""

import datetime
import os
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from calls.models import CallSubmission, SubmissionFile
from tests.calls.conftest import pdf_bytes, png_bytes, valid_data
from tests.conftest import translate
from tests.factories import add_form_fields

pytestmark = pytest.mark.django_db


def stored_files():
    root = settings.PRIVATE_MEDIA_ROOT
    return [f for _d, _s, files in os.walk(root) for f in files] if os.path.exists(root) else []


def test_the_form_shows_while_the_call_is_open(client, open_call):
    html = client.get(open_call.url).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "Open" in html and "days left" in html
    assert 'accept=".pdf,.docx"' in html


def test_a_valid_submission_is_stored_with_its_file_privately_and_acknowledged(client, open_call):
    upload = SimpleUploadedFile("contribution.pdf", pdf_bytes(), "application/pdf")
    response = client.post(open_call.url, {**valid_data(), "contribution": upload})
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = CallSubmission.objects.get()
    assert submission.status == "received"
    assert submission.email == "ada@example.org"
    assert submission.form_data["country"] == "CH"
    assert "website_url" not in submission.form_data and "form_started" not in submission.form_data
    (record,) = submission.files.all()
    assert record.original_name == "contribution.pdf" and record.content_type == "application/pdf"
    path = record.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "contribution" not in os.path.basename(path)  # stored under a random name
    # Staff are told, with the answers; the submitter gets a receipt.
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["ada@example.org", "wsis-staff@itu.int"]
    notice = next(m for m in mail.outbox if m.to == ["wsis-staff@itu.int"])
    assert "Ada Lovelace" in notice.body and "contribution.pdf" in notice.body
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert f"C-{submission.pk:06d}" in confirmation.body


def test_the_confirmation_is_a_receipt_that_repeats_no_answer(client, open_call):
    """Anyone can type anyone's address: what is sent there before the address is confirmed
    says which call, when and under which reference, and nothing the sender wrote."""
    add_form_fields(open_call, ("Message", "multiline", False))
    spam = "Cheap pills at https://spam.example/"
    upload = SimpleUploadedFile("Visit spam.example.pdf", pdf_bytes(), "application/pdf")
    data = {**valid_data(name=spam, message=spam * 50), "contribution": upload}
    response = client.post(open_call.url, data)
    assert response.status_code == 200
    assert "A receipt is on its way to ada@example.org" in response.content.decode()
    submission = CallSubmission.objects.get()
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert "spam.example" not in confirmation.subject + confirmation.body
    assert open_call.title in confirmation.body
    assert f"C-{submission.pk:06d}" in confirmation.body
    # When, at the call's place (Geneva here), in the page's language.
    local = timezone.localtime(submission.submit_time, ZoneInfo(open_call.time_zone))
    assert local.strftime("%H:%M") in confirmation.body
    assert "does not repeat your answers" in confirmation.body


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("contribution.pdf", png_bytes(), "is not a PDF / DOCX document"),
        ("contribution.pdf", b"", "The submitted file is empty."),
        ("contribution.pdf", b"%PDF-1.4" + b"0" * (1024 * 1024 + 1), "too large"),
        ("contribution.exe", b"MZ\x90\x00" + b"0" * 100, "is not a PDF / DOCX document"),
    ],
)
def test_bad_uploads_are_refused_next_to_the_field_and_nothing_is_stored(
    client, open_call, name, content, message
):
    upload = SimpleUploadedFile(name, content, "application/pdf")
    response = client.post(open_call.url, {**valid_data(), "contribution": upload})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="id_contribution-error"' in html and 'aria-invalid="true"' in html
    assert CallSubmission.objects.count() == 0 and SubmissionFile.objects.count() == 0
    assert stored_files() == []


def test_missing_required_answers_are_reported_in_the_pages_language(
    client, english_home, calls_index, open_call
):
    translate(english_home, "fr", slug="accueil")
    translate(calls_index, "fr", slug="appels")
    french = translate(open_call, "fr", slug="plan-strategique")
    response = client.post(french.url, valid_data(name="", consent=""))
    assert response.status_code == 400
    assert "Champ requis." in response.content.decode()
    assert CallSubmission.objects.count() == 0


def test_confirmation_email_is_in_the_pages_language(client, english_home, calls_index, open_call):
    translate(english_home, "es", slug="inicio")
    translate(calls_index, "es", slug="convocatorias")
    spanish = translate(open_call, "es", slug="plan-estrategico")
    client.post(spanish.url, valid_data())
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert confirmation.subject.startswith("Hemos recibido")
    # Submissions to every language version count for the one call.
    assert open_call.submissions_received().count() == 1


# Deadlines ------------------------------------------------------------------------------------


@pytest.fixture
def frozen_now(monkeypatch):
    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


def test_deadline_at_23_00_geneva_time_across_the_summer_time_change(client, open_call, frozen_now):
    # Summer time starts in Geneva on 26 March 2017: 23:00 that day is 21:00 UTC.
    open_call.closes_on, open_call.closes_time = datetime.date(2017, 3, 26), datetime.time(23)
    open_call.save_revision().publish()
    open_call.refresh_from_db()
    assert open_call.closes_at == datetime.datetime(2017, 3, 26, 21, tzinfo=datetime.UTC)

    frozen_now(datetime.datetime(2017, 3, 26, 20, 59, 59, tzinfo=datetime.UTC))
    assert client.post(open_call.url, valid_data()).status_code == 200
    assert CallSubmission.objects.count() == 1

    frozen_now(datetime.datetime(2017, 3, 26, 21, 0, 1, tzinfo=datetime.UTC))
    response = client.post(open_call.url, valid_data(e_mail="late@example.org"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "arrived after the deadline and was not stored" in html
    assert 'class="call-form"' not in html
    assert CallSubmission.objects.count() == 1
    assert "Closed" in client.get(open_call.url).content.decode()


def test_a_call_not_yet_open_refuses_submissions(client, open_call):
    open_call.opens_on = datetime.date.today() + datetime.timedelta(days=2)
    open_call.save_revision().publish()
    response = client.post(open_call.url, valid_data())
    assert response.status_code == 403
    assert "not open yet" in response.content.decode()
    assert CallSubmission.objects.count() == 0


def test_the_non_extendable_flag_is_shown(client, open_call):
    open_call.non_extendable = True
    open_call.save_revision().publish()
    assert "Non-extendable deadline" in client.get(open_call.url).content.decode()


# Capacity, spam, rate limit -------------------------------------------------------------------


def test_capacity_is_never_exceeded(client, open_call):
    open_call.capacity = 1
    open_call.save_revision().publish()
    assert client.post(open_call.url, valid_data()).status_code == 200
    response = client.post(open_call.url, valid_data(e_mail="second@example.org"))
    assert response.status_code == 409
    assert "every place has been taken" in response.content.decode()
    assert CallSubmission.objects.count() == 1
    assert 'class="call-form"' not in client.get(open_call.url).content.decode()


@pytest.mark.parametrize(
    "spam",
    [
        {"website_url": "http://spam.example"},
        {"form_started": "forged"},
        {"form_started": ""},
    ],
)
def test_spam_is_refused_and_not_stored(client, open_call, spam):
    response = client.post(open_call.url, valid_data(**spam))
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert CallSubmission.objects.count() == 0


def test_a_form_sent_back_faster_than_a_person_can_fill_it_is_refused(client, open_call):
    html = client.get(open_call.url).content.decode()
    started = html.split('name="form_started" value="')[1].split('"')[0]
    token = html.split('name="submission_token" value="')[1].split('"')[0]
    response = client.post(open_call.url, valid_data(form_started=started, submission_token=token))
    assert response.status_code == 400
    assert CallSubmission.objects.count() == 0


def test_rate_limit_per_client(client, open_call, settings):
    settings.CALLS_RATE_LIMIT = (2, 600)
    for n in range(2):
        assert client.post(open_call.url, valid_data(e_mail=f"p{n}@example.org")).status_code == 200
    response = client.post(open_call.url, valid_data(e_mail="p3@example.org"))
    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()
    assert CallSubmission.objects.count() == 2


def test_posts_without_csrf_token_are_refused(open_call):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(open_call.url, valid_data())
    assert response.status_code == 403
    assert CallSubmission.objects.count() == 0


def test_the_consent_box_links_to_the_privacy_notice(client, english_home, open_call):
    from tests.factories import StandardPageFactory

    privacy = StandardPageFactory(parent=english_home, title="Privacy notice", slug="privacy")
    open_call.privacy_page = privacy
    open_call.save_revision().publish()
    html = client.get(open_call.url).content.decode()
    consent = html.split('name="consent"')[1].split("</div>")[0]
    assert 'href="/en/privacy/">Read the privacy notice</a>' in consent
