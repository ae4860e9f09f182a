"""Hostile strings in every public form field and every public GET parameter: never a server
error, and either nothing stored or one whole record (its receipt, its e-mails, its files, the
answer as sent), never half of one."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from calls.models import CallSubmission, SubmissionCounter, SubmissionFile
from media.models import EntrantQuota, PhotoEntry
from outbox.models import OutboxMessage
from public_forms.models import SubmissionReceipt
from tests.calls.conftest import pdf_bytes, valid_data
from tests.conftest import make_english_home
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    GalleryPageFactory,
    PhotoContestPageFactory,
    add_form_fields,
)
from tests.media.conftest import entry_data, photo_bytes

HOSTILE = {
    "nul": "before\x00after",
    "crlf": "line one\r\nBcc: victim@example.org",
    "10kB": "x" * 10_240,
    "rtl-override": "photo\u202egpj.exe",
    "emoji": "📷 🌍 👩🏽‍💻",
    "sql": "'; DROP TABLE calls_callsubmission; --",
    "template": "{{ settings.SECRET_KEY }}{% debug %}",
    "320-char e-mail": "a" * 64 + "@" + ("b" * 63 + ".") * 3 + "c" * 59 + ".org",
}

# Every field type a call's form can have, and a valid answer for each.
CALL_FIELDS = [
    ("Name", "singleline", True, "Ada Lovelace"),
    ("Statement", "multiline", True, "A first paragraph.\r\nA second one."),
    ("E-mail", "email", True, "ada@example.org"),
    ("Budget", "number", False, "1200.50"),
    ("Website", "url", False, "https://example.org/"),
    ("Start date", "date", False, "2026-05-01"),
    ("Arrival", "datetime", False, "2026-05-01 09:30"),
    ("Topic", "dropdown", False, "Health"),
    ("Topics", "multiselect", False, ["Health", "Education"]),
    ("Format", "radio", False, "Online"),
    ("Sessions", "checkboxes", False, ["Morning"]),
    ("Newsletter", "checkbox", False, "on"),
    ("Campaign", "hidden", False, "spring"),
    ("Country", "country", True, "CH"),
    ("Stakeholder type", "stakeholder_type", True, "academia"),
    ("Consent", "consent", True, "on"),
]
CHOICES = {
    "dropdown": "Health\nEducation",
    "multiselect": "Health\nEducation",
    "radio": "Online\nOn site",
    "checkboxes": "Morning\nAfternoon",
}
CALL_ANSWERS = {
    "name": "Ada Lovelace",
    "statement": "A first paragraph.\r\nA second one.",
    "e_mail": "ada@example.org",
    "budget": "1200.50",
    "website": "https://example.org/",
    "start_date": "2026-05-01",
    "arrival": "2026-05-01 09:30",
    "topic": "Health",
    "topics": ["Health", "Education"],
    "format": "Online",
    "sessions": ["Morning"],
    "newsletter": "on",
    "campaign": "spring",
    "country": "CH",
    "stakeholder_type": "academia",
    "consent": "on",
}
FREE_TEXT = ["name", "statement", "campaign"]
SPAM_GUARDS = ["website_url", "form_started", "submission_token"]
ENTRY_FIELDS = [
    "title",
    "caption",
    "taken_where",
    "taken_on",
    "photographer",
    "email",
    "country",
    "licence",
    "people_consented",
]
# Small: the photo checks are tested elsewhere; here decoding it would only take time.
PHOTO = photo_bytes(size=(320, 200))
PDF = pdf_bytes()


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Every public page with a form or a GET parameter, built once for the module (each test
    runs inside this transaction, in a savepoint of its own)."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = make_english_home()
        calls = CallIndexPageFactory(parent=home)
        call = CallPageFactory(
            parent=calls,
            title="Call with every kind of field",
            slug="every-field",
            closes_on=datetime.date.today() + datetime.timedelta(days=10),
            capacity=100,
        )
        fields = [
            (label, kind, required, {"choices": CHOICES[kind]} if kind in CHOICES else {})
            for label, kind, required, _answer in CALL_FIELDS
        ]
        fields.append(("Contribution", "file", False, {"allowed_file_types": "pdf"}))
        add_form_fields(call, *fields)
        events = EventIndexPageFactory(parent=home)
        EventPageFactory(parent=events)
        contest = PhotoContestPageFactory(parent=home, min_long_side=300)
        gallery = GalleryPageFactory(parent=contest)
        yield {
            "call": call,
            "contest": contest,
            "urls": {
                "home": home.url,
                "search": "/en/search/",
                "events": events.url,
                "calls": calls.url,
                "contest": contest.url,
                "contest-entry": f"{contest.url}enter/",
                "gallery": gallery.url,
            },
        }
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def private_media():
    """The files a whole record stores go to the test settings' private root, instead of a new
    place per case: the cases count rows, and their rows roll back."""


def call_records():
    return {
        "submissions": CallSubmission.objects.count(),
        "files": SubmissionFile.objects.count(),
        "receipts": SubmissionReceipt.objects.count(),
        "seats": sum(SubmissionCounter.objects.values_list("count", flat=True)),
        "e-mails": OutboxMessage.objects.count(),
    }


def entry_records():
    return {
        "entries": PhotoEntry.objects.count(),
        "receipts": SubmissionReceipt.objects.count(),
        "quota": sum(EntrantQuota.objects.values_list("count", flat=True)),
        "e-mails": OutboxMessage.objects.count(),
    }


def assert_nothing_or_one_whole(before, after, whole):
    added = {name: after[name] - before[name] for name in before}
    assert added in ({name: 0 for name in before}, whole), added


def assert_fits_its_columns(record):
    """What SQLite stores whatever its length, PostgreSQL refuses with an error."""
    for field in record._meta.concrete_fields:
        value = getattr(record, field.attname)
        if getattr(field, "max_length", None) and isinstance(value, str):
            assert len(value) <= field.max_length, field.name


def post_to_call(client, page, field, value, filename="contribution.pdf"):
    data = valid_data(**CALL_ANSWERS)
    data[field] = value
    upload = SimpleUploadedFile(filename, PDF, "application/pdf")
    before = call_records()
    response = client.post(page.url, {**data, "contribution": upload})
    assert response.status_code < 500
    after = call_records()
    assert_nothing_or_one_whole(
        before,
        after,
        {"submissions": 1, "files": 1, "receipts": 1, "seats": 1, "e-mails": 2},
    )
    if after["submissions"] > before["submissions"]:
        submission = CallSubmission.objects.latest("pk")
        assert response.status_code == 200
        assert SubmissionReceipt.objects.get(object_id=submission.pk).result == submission
        assert_fits_its_columns(submission)
        assert_fits_its_columns(submission.files.get())
        if field in FREE_TEXT:
            # Stored as sent (but for the spaces a form trims), never cut short.
            assert submission.form_data[field] == value.strip()
    return response


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("field", [*CALL_ANSWERS, *SPAM_GUARDS])
def test_a_calls_form_field(db, client, pages, field, hostile):
    post_to_call(client, pages["call"], field, hostile)


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_calls_uploaded_file_name(db, client, pages, hostile):
    post_to_call(client, pages["call"], "consent", "on", filename=f"{hostile}.pdf")


def enter(client, contest, data, filename="photo.jpg"):
    upload = SimpleUploadedFile(filename, PHOTO, "image/jpeg")
    before = entry_records()
    response = client.post(f"{contest.url}enter/", {**data, "original": upload})
    assert response.status_code < 500
    after = entry_records()
    assert_nothing_or_one_whole(
        before, after, {"entries": 1, "receipts": 1, "quota": 1, "e-mails": 1}
    )
    return response, after["entries"] > before["entries"]


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("field", [*ENTRY_FIELDS, *SPAM_GUARDS])
def test_a_photo_entry_field(db, client, pages, field, hostile):
    _response, stored = enter(client, pages["contest"], entry_data(**{field: hostile}))
    if stored:
        assert_fits_its_columns(PhotoEntry.objects.get())
    if stored and field in ("title", "caption", "taken_where", "photographer"):
        assert getattr(PhotoEntry.objects.get(), field) == hostile.strip()


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_photo_entry_file_name(db, client, pages, hostile):
    enter(client, pages["contest"], entry_data(), filename=f"{hostile}.jpg")


# GET parameters -------------------------------------------------------------------------------


GET_PARAMETERS = [
    ("search", "q"),
    ("search", "page"),
    ("events", "type"),
    ("events", "year"),
    ("events", "place"),
    ("events", "page"),
    ("calls", "page"),
    ("contest", "page"),
    ("contest-entry", "page"),
    ("gallery", "page"),
    # A parameter no page reads: the hostile string as its value, then as its name.
    ("home", "utm_source"),
    ("home", None),
]


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(("page", "parameter"), GET_PARAMETERS)
def test_a_get_parameter(db, client, pages, page, parameter, hostile):
    client.raise_request_exception = False
    query = {hostile: "1"} if parameter is None else {parameter: hostile}
    response = client.get(pages["urls"][page], query)
    assert response.status_code < 500
