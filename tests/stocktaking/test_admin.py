"""Moderation in the admin, its filters and permissions, and the spreadsheet import."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from stocktaking.models import Entry, EntryUpdate
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/stocktaking/entry/"


@pytest.fixture
def moderator(client):
    user = get_user_model().objects.create_user("mod", "mod@itu.int", "pw")
    user.groups.add(Group.objects.get(name="Stocktaking moderators"))
    client.force_login(user)
    return client


def test_moderator_approves_and_the_owner_is_told(moderator, database):
    entry = EntryFactory(status=Entry.Status.PENDING, contact_email="ada@example.org")
    url = f"/admin/stocktaking/entries/{entry.pk}/moderate/"
    assert moderator.get(url).status_code == 200
    response = moderator.post(url, {"decision": "approve", "message": ""})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Entry.Status.PUBLISHED
    assert mail.outbox[-1].to == ["ada@example.org"]


def test_changes_need_a_message_that_is_emailed(moderator, database):
    entry = EntryFactory(status=Entry.Status.PENDING, contact_email="ada@example.org")
    url = f"/admin/stocktaking/entries/{entry.pk}/moderate/"
    assert moderator.post(url, {"decision": "changes", "message": ""}).status_code == 200
    moderator.post(url, {"decision": "changes", "message": "Add the end date."})
    entry.refresh_from_db()
    assert entry.status == Entry.Status.CHANGES_REQUESTED
    assert "Add the end date." in mail.outbox[-1].body
    assert "/mine/" in mail.outbox[-1].body


def test_rejecting_an_update_keeps_the_public_version(moderator, database):
    entry = EntryFactory(title="Kept")
    EntryUpdate.objects.create(entry=entry, data={"title": "Changed"})
    moderator.post(f"/admin/stocktaking/entries/{entry.pk}/moderate/", {"decision": "reject"})
    entry.refresh_from_db()
    assert entry.title == "Kept" and entry.status == Entry.Status.PUBLISHED
    assert EntryUpdate.objects.get().status == EntryUpdate.Status.REJECTED


def test_listing_filters(moderator, database):
    EntryFactory(title="Health in Kenya", action_lines=["C7.4"], sdgs=[3], countries=["KE"])
    EntryFactory(title="Schools in Peru", action_lines=["C4"], sdgs=[4], countries=["PE"])
    from stocktaking.models import ActionLine, Region

    c4 = ActionLine.objects.get(code="C4").pk
    americas = Region.objects.get(code="americas").pk
    for query in ({"action_line": c4}, {"region": americas}):
        html = moderator.get(LIST_URL, query).content.decode()
        assert "Schools in Peru" in html and "Health in Kenya" not in html
    html = moderator.get(LIST_URL, {"year": 2016, "status": "published"}).content.decode()
    assert "Schools in Peru" in html


def test_other_staff_cannot_moderate_or_list(client, database):
    user = get_user_model().objects.create_user("editor", "ed@itu.int", "pw")
    user.user_permissions.add(
        *Group.objects.get(name="Stocktaking moderators").permissions.filter(
            codename="access_admin"
        )
    )
    client.force_login(user)
    entry = EntryFactory(status=Entry.Status.PENDING)
    assert client.get(f"/admin/stocktaking/entries/{entry.pk}/moderate/").status_code in (302, 403)
    assert client.get(LIST_URL).status_code in (302, 403)
    assert client.get("/admin/stocktaking/import/").status_code in (302, 403)


HEADER = (
    "title,organisation,stakeholder_type,countries,action_lines,sdgs,project_status,"
    "start_date,end_date,description,website,language,contact_name,contact_email\n"
)
GOOD = (
    "eHealth Uganda,Ministry of Health,government,UG,C7.4,3,ongoing,2014-01-01,,"
    "Telemedicine,,en,A. N. Other,a@example.org\n"
)
BAD = "No lines,Org,martians,XX,C99,18,ongoing,2014-13-01,,Text,,en,B,not-an-address\n"


def upload(moderator, content, name="entries.csv", **options):
    data = {"file": SimpleUploadedFile(name, content), **options}
    return moderator.post("/admin/stocktaking/import/", data)


def test_import_reports_errors_per_row_and_imports_nothing(moderator, database):
    response = upload(moderator, (HEADER + GOOD + BAD).encode())
    errors = response.context["report"]["errors"]
    assert {row for row, _field, _message in errors} == {3}
    assert {field for _row, field, _message in errors} >= {
        "stakeholder_type",
        "countries",
        "action_lines",
        "sdgs",
        "start_date",
        "contact_email",
    }
    assert Entry.objects.count() == 0


def test_dry_run_then_import(moderator, database):
    response = upload(moderator, (HEADER + GOOD).encode(), dry_run="on")
    assert response.context["report"]["errors"] == [] and Entry.objects.count() == 0
    response = upload(moderator, (HEADER + GOOD + GOOD).encode(), publish="on")
    assert response.context["report"]["imported"] == 2
    entry = Entry.objects.first()
    assert entry.status == Entry.Status.PUBLISHED
    assert entry.country_links.get().region.code == "africa"


def test_xlsx_import(moderator, database):
    book = Workbook()
    sheet = book.active
    for line in (HEADER + GOOD).strip().split("\n"):
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(moderator, buffer.getvalue(), name="entries.xlsx")
    assert response.context["report"]["imported"] == 1
    assert Entry.objects.get().status == Entry.Status.PENDING
