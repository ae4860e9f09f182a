"""Staff reviewing submissions: status, files, export, and who may see what."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import GroupPagePermission

from calls.models import CallSubmission
from tests.calls.conftest import pdf_bytes, valid_data
from tests.factories import CallPageFactory, add_form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(client, open_call):
    upload = SimpleUploadedFile("contribution.pdf", pdf_bytes(), "application/pdf")
    client.post(open_call.url, {**valid_data(), "contribution": upload})
    return CallSubmission.objects.get()


@pytest.fixture
def other_call(calls_index):
    return add_form_fields(
        CallPageFactory(parent=calls_index, title="CWG-Internet consultation", slug="cwg"),
        ("E-mail", "email", True),
    )


def staff_member(username, *codenames, editor_of=None):
    user = get_user_model().objects.create_user(username, f"{username}@itu.int", "pw")
    group = Group.objects.create(name=f"Group of {username}")
    for codename in ("access_admin", *codenames):
        group.permissions.add(Permission.objects.get(codename=codename))
    if editor_of:
        GroupPagePermission.objects.create(group=group, page=editor_of, permission_type="change")
    user.groups.add(group)
    return user


def reviewer(username="reviewer"):
    """A member of a group like "Submission reviewers": submissions hold personal data, so only
    the permission to view them opens them, for every call."""
    return staff_member(username, "view_callsubmission")


def file_url(submission):
    return f"/admin/calls/submissions/{submission.pk}/files/{submission.files.get().pk}/"


def test_a_reviewer_downloads_the_file_and_accepts_the_submission(client, open_call, submission):
    client.force_login(reviewer())
    listing = client.get(f"/admin/forms/submissions/{open_call.pk}/")
    assert listing.status_code == 200
    assert "Received" in listing.content.decode()
    review_url = f"/admin/calls/submissions/{submission.pk}/"
    assert review_url in listing.content.decode()

    page = client.get(review_url).content.decode()
    assert file_url(submission) in page and "contribution.pdf" in page
    download = client.get(file_url(submission))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert 'filename="contribution.pdf"' in download["Content-Disposition"]

    response = client.post(
        review_url, {"status": "accepted", "reviewer_notes": "Clear and useful."}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.status, submission.reviewer_notes) == ("accepted", "Clear and useful.")


def test_the_submissions_listing_filters_by_status_and_exports_it(client, open_call, submission):
    client.force_login(reviewer())
    url = f"/admin/forms/submissions/{open_call.pk}/"
    assert "ada@example.org" in client.get(url, {"status": "received"}).content.decode()
    assert "ada@example.org" not in client.get(url, {"status": "accepted"}).content.decode()
    assert "contribution.pdf" in client.get(url).content.decode()  # the files are listed
    export = client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][-2:] == ["Files", "Review status"]
    assert rows[1][-2:] == ["contribution.pdf", "Received"]


def test_anonymous_visitors_never_reach_a_submitted_file(client, submission):
    # A staff screen like any other: the admin's login first, whatever the file.
    response = client.get(file_url(submission))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert b"%PDF" not in client.get(file_url(submission), follow=True).content


def test_staff_who_may_edit_the_call_but_not_see_submissions_are_refused(
    client, open_call, submission
):
    client.force_login(staff_member("editor", editor_of=open_call))
    # The admin answers "permission denied" by sending people back to the dashboard.
    refused = client.get(file_url(submission))
    assert refused["Location"] == "/admin/" and not getattr(refused, "streaming", False)
    review_url = f"/admin/calls/submissions/{submission.pk}/"
    assert client.get(review_url)["Location"] == "/admin/"
    assert client.post(review_url, {"status": "rejected"})["Location"] == "/admin/"
    submission.refresh_from_db()
    assert submission.status == "received"
    listing = client.get(f"/admin/forms/submissions/{submission.page_id}/")
    assert listing.status_code == 302 and "ada@example.org" not in listing.content.decode()


def test_a_reviewer_cannot_delete_a_call_submissions_through_another_call(
    client, other_call, submission
):
    client.force_login(reviewer("other"))
    url = f"/admin/forms/submissions/{other_call.pk}/delete/"
    client.post(f"{url}?selected-submissions={submission.pk}")
    assert CallSubmission.objects.filter(pk=submission.pk).exists()


def test_submitted_files_have_no_public_url(submission):
    with pytest.raises(ValueError):
        _ = submission.files.get().file.url


def test_the_submitter_can_be_told_the_decision_in_their_language(client, open_call, submission):
    from django.core import mail

    submission.language = "fr"
    submission.save()
    client.force_login(reviewer())
    mail.outbox.clear()
    url = f"/admin/calls/submissions/{submission.pk}/"
    client.post(url, {"status": "under_review", "notify_submitter": "on"})
    assert mail.outbox == []  # no decision yet, nothing to tell
    client.post(url, {"status": "accepted", "notify_submitter": "on"})
    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    assert "acceptée" in message.body


def test_only_administrators_choose_where_submissions_are_sent(client, open_call):
    editor = staff_member("editor", editor_of=open_call)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{open_call.pk}/edit/").content.decode()
    assert 'name="subject"' in html
    assert 'name="to_address"' not in html


def test_the_spreadsheet_export_carries_the_status_too(client, open_call, submission):
    from openpyxl import load_workbook

    client.force_login(reviewer())
    export = client.get(f"/admin/forms/submissions/{open_call.pk}/", {"export": "xlsx"})
    content = b"".join(export.streaming_content) if export.streaming else export.content
    # Should it not be a workbook, say what it was: on PostgreSQL the reviewer's group once
    # lost its permission (the demo copy's sequences, tests/demo_site._sequence_past_rows).
    assert export.status_code == 200 and content[:2] == b"PK", (
        export.status_code,
        export.get("Location"),
        export.get("Content-Type"),
        content[:300],
    )
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "Review status" and rows[1][-1] == "Received"
