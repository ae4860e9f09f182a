"""Staff screens of the Stocktaking database: moderating an entry (or its owner's update), and
importing a partner's spreadsheet."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stocktaking import importing
from stocktaking.models import Entry, storing
from stocktaking.pages import mine_url

MODERATE = "stocktaking.moderate_entry"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve and publish")),
            ("changes", _("Ask the owner for changes")),
            ("reject", pgettext_lazy("site", "Reject")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the owner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E-mailed to the owner with the decision. Required when asking for changes."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "changes" and not cleaned.get("message", "").strip():
            self.add_error("message", _("Tell the owner what to change."))
        return cleaned


def moderate(request, entry_id):
    if not request.user.has_perm(MODERATE):
        raise PermissionDenied
    entry = get_object_or_404(
        Entry.objects.prefetch_related("action_lines", "sdgs", "country_links"), pk=entry_id
    )
    update = storing.pending_update(entry)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        storing.decide(
            entry,
            form.cleaned_data["decision"],
            request.user,
            form.cleaned_data["message"],
            mine_url(entry.language, request),
        )
        messages.success(request, _("Decision recorded; the owner is being told by e-mail."))
        return redirect("wagtailsnippets_stocktaking_entry:list")
    context = {"entry": entry, "update": update, "form": form}
    return TemplateResponse(request, "stocktaking/admin/moderate.html", context)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("At most 5 MB; the columns are described in the README."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check every row, import nothing"), required=False, initial=True
    )
    publish = forms.BooleanField(
        label=_("Publish the imported entries at once"), required=False, initial=False
    )


def import_entries(request):
    if not request.user.has_perm(MODERATE):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            form.add_error("file", _("The file is too large: at most 5 MB."))
        else:
            try:
                rows = importing.read_rows(upload)
            except importing.UnreadableFile as error:
                form.add_error("file", str(error))
            else:
                report = importing.import_rows(
                    rows,
                    dry_run=form.cleaned_data["dry_run"],
                    publish=form.cleaned_data["publish"],
                    user=request.user,
                )
    context = {"form": form, "report": report, "columns": importing.COLUMNS}
    return TemplateResponse(request, "stocktaking/admin/import.html", context)
