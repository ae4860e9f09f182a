"""Bulk import of a partner's spreadsheet (CSV or XLSX): every row checked, errors reported per
row, and nothing imported unless every row is good (one transaction)."""

import csv
import io

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from stocktaking.models import ActionLine, Entry, Sdg
from stocktaking.models.storing import published_data_changed, set_classification

# The columns, in the order of the template; lists are separated by ";".
COLUMNS = [
    "title",
    "organisation",
    "stakeholder_type",
    "countries",
    "action_lines",
    "sdgs",
    "project_status",
    "start_date",
    "end_date",
    "description",
    "website",
    "language",
    "contact_name",
    "contact_email",
]
MAX_ROWS = 5000


class UnreadableFile(Exception):
    pass


class RowForm(forms.ModelForm):
    countries = forms.CharField()
    action_lines = forms.CharField()
    sdgs = forms.CharField()
    website = forms.URLField(required=False, max_length=255, assume_scheme="https")

    class Meta:
        model = Entry
        fields = [c for c in COLUMNS if c not in ("countries", "action_lines", "sdgs")]

    def _codes(self, name):
        return [
            v.strip() for v in self.cleaned_data[name].replace(",", ";").split(";") if v.strip()
        ]

    def clean_countries(self):
        codes = [c.upper() for c in self._codes("countries")]
        unknown = [c for c in codes if c not in countries]
        if unknown:
            raise forms.ValidationError(_("Unknown country codes: %s") % ", ".join(unknown))
        return codes

    def clean_action_lines(self):
        codes = [c.upper() for c in self._codes("action_lines")]
        found = list(ActionLine.objects.filter(code__in=codes))
        unknown = set(codes) - {a.code for a in found}
        if unknown:
            raise forms.ValidationError(_("Unknown Action Lines: %s") % ", ".join(sorted(unknown)))
        return found

    def clean_sdgs(self):
        numbers = self._codes("sdgs")
        found = list(Sdg.objects.filter(number__in=[n for n in numbers if n.isdigit()]))
        unknown = set(numbers) - {str(s.number) for s in found}
        if unknown:
            raise forms.ValidationError(_("Unknown SDGs: %s") % ", ".join(sorted(unknown)))
        return found


def _text(value):
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(upload):
    """The rows as dicts keyed by the header row's column names (lower case)."""
    name = upload.name.lower()
    try:
        if name.endswith(".xlsx"):
            from openpyxl import load_workbook

            sheet = load_workbook(upload, read_only=True, data_only=True).active
            values = list(sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1))
        elif name.endswith(".csv"):
            text = upload.read().decode("utf-8-sig")
            values = list(csv.reader(io.StringIO(text)))[: MAX_ROWS + 1]
        else:
            raise UnreadableFile(_("Send a .csv or .xlsx file."))
    except UnicodeDecodeError:
        raise UnreadableFile(_("The CSV file is not in UTF-8.")) from None
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise UnreadableFile(_("This file could not be read as a spreadsheet.")) from None
    if not values:
        raise UnreadableFile(_("The file is empty."))
    header = [_text(v).lower() for v in values[0]]
    missing = [c for c in COLUMNS if c not in header and c not in ("website", "end_date")]
    if missing:
        raise UnreadableFile(_("Missing columns: %s") % ", ".join(missing))
    return [
        {column: _text(value) for column, value in zip(header, row, strict=False)}
        for row in values[1:]
        if any(_text(v) for v in row)
    ]


def import_rows(rows, dry_run=True, publish=False, user=None):
    """Checks every row; stores them all (unless dry_run) only when none has an error.
    Returns {"rows": n, "errors": [(row number, field, message)], "imported": n}."""
    errors, imported = [], 0
    with transaction.atomic():
        for number, row in enumerate(rows, start=2):  # row 1 is the header
            form = RowForm(row)
            if not form.is_valid():
                for field, messages in form.errors.items():
                    errors += [(number, field, message) for message in messages]
                continue
            entry = form.save(commit=False)
            entry.status = Entry.Status.PUBLISHED if publish else Entry.Status.PENDING
            if publish:
                entry.published_at = timezone.now()
                entry.reviewer = user
            entry.save()
            cleaned = form.cleaned_data
            set_classification(
                entry, cleaned["action_lines"], cleaned["sdgs"], cleaned["countries"]
            )
            imported += 1
        if errors or dry_run:
            transaction.set_rollback(True)
            imported = 0
        elif publish:
            transaction.on_commit(published_data_changed)
    return {"rows": len(rows), "errors": errors, "imported": imported, "dry_run": dry_run}
