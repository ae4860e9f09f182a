"""What the public typed, in the spreadsheets staff open: never run as a formula (CSV injection).

A CSV cell beginning with =, +, -, @, a tab or a carriage return is a formula to Excel and
LibreOffice (=HYPERLINK(…) leaks data, =cmd|… ran programs in older versions): it is written
with a leading apostrophe, which makes it text (OWASP's advice). A plain number ("-12.5") is
left as it is. XLSX needs nothing: Wagtail writes every cell of it as a string
(SpreadsheetExportMixin.generate_xlsx_row turns anything openpyxl takes for a formula back into
text).

Two places apply it: CsvSafeExportMixin, on each value and heading of our own exports (the call
submissions), and CsvFormulaGuardMiddleware, on every CSV response whatever wrote it (Wagtail's
own reports, which we do not subclass: the site history lists photo entries' titles)."""

import codecs
import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
CSV_CONTENT_TYPES = ("text/csv", "application/csv")


def neutralise(value):
    """The value a spreadsheet shows as text, never runs."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if NUMBER.fullmatch(value):
        return value
    return "'" + value


class CsvSafeExportMixin:
    """For a view with Wagtail's SpreadsheetExportMixin: CSV values and headings neutralised as
    they are prepared (custom_value_preprocess runs before Wagtail turns values into text, so
    the hook is the value's last preparation)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        return neutralise(heading) if self.request.GET.get("export") == self.FORMAT_CSV else heading


class _Line:
    """The write method of a file, returning what was written (csv.writer's row, as text)."""

    def write(self, value):
        return value


def _lines(chunks, charset):
    """The lines of a CSV body given in chunks of any size, line endings kept (a quoted cell
    may hold line breaks: csv.reader joins its lines again)."""
    decoder = codecs.getincrementaldecoder(charset)()
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk if isinstance(chunk, bytes) else chunk.encode(charset))
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def neutralised_csv(chunks, charset="utf-8"):
    """A CSV body (Django's default dialect, as Wagtail writes it) with every cell neutralised."""
    writer = csv.writer(_Line())
    for row in csv.reader(_lines(chunks, charset)):
        yield writer.writerow([neutralise(cell) for cell in row]).encode(charset)


class CsvFormulaGuardMiddleware:
    """Every CSV response leaves with its cells neutralised, streamed or not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in CSV_CONTENT_TYPES:
            return response
        charset = response.charset or "utf-8"
        if response.streaming:
            response.streaming_content = neutralised_csv(response.streaming_content, charset)
        else:
            response.content = b"".join(neutralised_csv([response.content], charset))
        return response
