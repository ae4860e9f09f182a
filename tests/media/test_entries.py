"""Entering a photo: every rule of the upload, and nothing stored when one is broken."""

import datetime
import os
import threading

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TransactionTestCase
from PIL import Image

from media import entries
from media.models import PhotoEntry
from media.models.storing import EntryLimitReached
from tests.conftest import make_english_home
from tests.factories import PhotoContestPageFactory
from tests.media.conftest import entry_data, photo_bytes

pytestmark = pytest.mark.django_db


def enter(client, contest, name="photo.jpg", content=None, **data):
    upload = SimpleUploadedFile(name, photo_bytes() if content is None else content, "image/jpeg")
    return client.post(f"{contest.url}enter/", {**entry_data(**data), "original": upload})


def private_files(root):
    return [f for _d, _s, files in os.walk(root) for f in files] if os.path.exists(root) else []


def test_a_valid_photo_is_received_privately_and_acknowledged(client, contest, private_media):
    response = enter(client, contest)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    entry = PhotoEntry.objects.get()
    assert entry.status == "pending" and entry.public_image is None
    assert entry.original.path.startswith(str(private_media))
    (message,) = mail.outbox
    assert message.to == ["grace@example.org"] and contest.title in message.subject
    assert f"P-{entry.pk:06d}" in message.body


def test_the_entrants_e_mails_repeat_no_unmoderated_words(client, contest, committed):
    """Anyone can type anyone's address: the receipt and a rejection name the contest, the
    date and a reference, never the title or caption the sender wrote."""
    spam = "Cheap pills at spam.example"
    assert enter(client, contest, title=spam, caption=spam, photographer=spam).status_code == 200
    entry = PhotoEntry.objects.get()
    with committed():
        entries.reject(entry)
    receipt, rejection = mail.outbox
    for message in (receipt, rejection):
        assert message.to == ["grace@example.org"]
        assert "spam.example" not in message.subject + message.body
        assert f"P-{entry.pk:06d}" in message.body
    assert "not been selected" in rejection.body


def bomb():
    import io

    buffer = io.BytesIO()
    Image.new("1", (12000, 9000)).save(buffer, "PNG")  # 108 million pixels, a few kilobytes
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "photo.jpg",
            photo_bytes(image_format="PNG"),
            "not a JPEG or PNG photo (its content was checked)",
        ),
        ("photo.jpg", b"%PDF-1.4 this is not an image", "This file is not a JPEG or PNG photo."),
        ("photo.png", bomb(), "This image has too many pixels."),
        ("photo.jpg", photo_bytes(size=(1200, 900)), "its long side must be at least 1600"),
        ("photo.jpg", b"", "The submitted file is empty."),
    ],
)
def test_bad_photos_are_refused_and_nothing_is_stored(
    client, contest, private_media, name, content, message
):
    response = enter(client, contest, name=name, content=content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert PhotoEntry.objects.count() == 0
    assert private_files(private_media) == []


def test_oversized_photos_are_refused(client, contest, monkeypatch):
    monkeypatch.setattr("media.photos.MAX_UPLOAD_BYTES", 1000)
    response = enter(client, contest)
    assert response.status_code == 400 and "too large" in response.content.decode()
    assert PhotoEntry.objects.count() == 0


def test_a_png_with_its_own_name_is_welcome(client, contest):
    assert (
        enter(
            client, contest, name="photo.png", content=photo_bytes(image_format="PNG")
        ).status_code
        == 200
    )


def test_entries_per_entrant_are_limited(client, contest):
    contest.entries_per_entrant = 2
    contest.save_revision().publish()
    assert enter(client, contest).status_code == 200
    assert enter(client, contest, email="GRACE@example.org").status_code == 200
    response = enter(client, contest)
    assert response.status_code == 409
    assert "already sent 2 photos" in response.content.decode()
    assert PhotoEntry.objects.count() == 2


def test_a_closed_contest_refuses_late_entries(client, contest):
    contest.opens_on = datetime.date.today() - datetime.timedelta(days=30)
    contest.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    contest.save_revision().publish()
    response = enter(client, contest)
    assert response.status_code == 403
    assert "not taking entries" in response.content.decode()
    assert 'class="call-form"' not in response.content.decode()
    assert PhotoEntry.objects.count() == 0


def test_spam_is_refused(client, contest):
    assert enter(client, contest, website_url="http://spam.example").status_code == 400
    assert enter(client, contest, form_started="forged").status_code == 400
    assert PhotoEntry.objects.count() == 0


def test_the_photo_of_a_pending_entry_is_not_public(client, contest):
    enter(client, contest)
    entry = PhotoEntry.objects.get()
    assert client.get(f"{contest.url}photos/{entry.pk}/").status_code == 404
    with pytest.raises(ValueError):
        _ = entry.original.url
    assert entry.original.name not in client.get(contest.url).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a real race needs PostgreSQL")
class EntryLimitRaceTest(TransactionTestCase):
    serialized_rollback = True

    def test_ten_concurrent_entries_from_one_entrant_with_a_limit_of_five(self):
        contest = PhotoContestPageFactory(parent=make_english_home(), entries_per_entrant=5)
        barrier = threading.Barrier(10)
        results = []

        def enter_once():
            barrier.wait()
            try:
                contest.reserve_entry("grace@example.org")
                results.append("in")
            except EntryLimitReached:
                results.append("refused")
            finally:
                connection.close()

        threads = [threading.Thread(target=enter_once) for _ in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(results), ["in"] * 5 + ["refused"] * 5)
