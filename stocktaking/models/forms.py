"""The public form of the Stocktaking database: a new entry, or an owner's update."""

import os

import filetype
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from public_forms.forms import DeliverableEmailField, PublicFormMixin
from stocktaking.models.entry import Entry
from stocktaking.models.reference import ActionLine, Sdg

UPLOADS = {
    # field: (allowed detected types, megabytes)
    "image": (("jpg", "png"), 5),
    "document": (("pdf",), 10),
}


def check_upload(uploaded, allowed, megabytes):
    if uploaded.size == 0:
        raise forms.ValidationError(_("The file is empty."), code="empty")
    if uploaded.size > megabytes * 1024 * 1024:
        raise forms.ValidationError(
            _("The file is too large: at most %(size)s MB.") % {"size": megabytes},
            code="too_large",
        )
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    actual = None if kind is None else ("jpg" if kind.extension == "jpeg" else kind.extension)
    named = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
    named = "jpg" if named == "jpeg" else named
    if actual not in allowed or named != actual:
        raise forms.ValidationError(
            _("This file is not a %(types)s file (its content was checked).")
            % {"types": " / ".join(t.upper() for t in allowed)},
            code="wrong_type",
        )
    return uploaded


class ActionLineChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class EntryForm(PublicFormMixin, forms.ModelForm):
    """Everything a project's owner tells us. The contact's name and e-mail stay private."""

    action_lines = ActionLineChoiceField(
        queryset=ActionLine.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        label=_("WSIS Action Lines"),
        to_field_name="code",
    )
    sdgs = forms.ModelMultipleChoiceField(
        queryset=Sdg.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Sustainable Development Goals"),
        to_field_name="number",
    )
    countries = forms.MultipleChoiceField(
        choices=countries,
        label=_("Countries"),
        help_text=_("Where the project works. Hold Ctrl (or Cmd) to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    website = forms.URLField(
        required=False, max_length=255, assume_scheme="https", label=_("Website")
    )
    contact_email = DeliverableEmailField(
        label=_("Contact e-mail"),
        help_text=_(
            "Private. We send a link to this address: it confirms the entry and lets you "
            "update it later."
        ),
    )

    class Meta:
        model = Entry
        fields = [
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
            "image",
            "document",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "contact_name": _("Private: only the moderators see it."),
            "language": _("The language you write this entry in."),
            "image": _("Optional. JPEG or PNG, at most 5 MB. Public once the entry is approved."),
            "document": _("Optional. PDF, at most 10 MB. Public once the entry is approved."),
        }

    def __init__(self, *args, owner_email=None, extensions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_email = owner_email
        # What other apps add to a new entry (stocktaking.extensions), before the hidden fields.
        self.extensions = list(extensions)
        if self.extensions:
            hidden = [self.fields.pop(name) for name in self.spam_fields]
            for extension in self.extensions:
                extension.add_fields(self)
            self.fields.update(zip(self.spam_fields, hidden, strict=True))
        if self.instance.pk:
            self.initial.setdefault("countries", self.instance.country_codes())
        if owner_email:
            # An owner's update: the address is the one they signed in with.
            del self.fields["contact_email"]

    def clean_image(self):
        return self._checked("image")

    def clean_document(self):
        return self._checked("document")

    def _checked(self, name):
        uploaded = self.cleaned_data.get(name)
        if uploaded and hasattr(uploaded, "content_type"):
            allowed, megabytes = UPLOADS[name]
            check_upload(uploaded, allowed, megabytes)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The project must end after it starts."))
        if cleaned.get("project_status") == Entry.ProjectStatus.COMPLETED and not end:
            self.add_error("end_date", _("A completed project needs its end date."))
        for extension in self.extensions:
            extension.clean(self, cleaned)
        return cleaned

    def content_data(self):
        """The cleaned answers as JSON (an update waiting for moderation)."""
        data = {}
        for name in self.Meta.fields:
            if name in ("image", "document", "contact_email") or name not in self.cleaned_data:
                continue
            value = self.cleaned_data[name]
            if name == "action_lines":
                value = [a.code for a in value]
            elif name == "sdgs":
                value = [s.number for s in value]
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            data[name] = value
        return data


class OwnerLinkForm(PublicFormMixin, forms.Form):
    """For an owner coming back: we e-mail a new sign-in link."""

    email = DeliverableEmailField(label=_("Your e-mail address"))
