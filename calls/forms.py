"""The public forms of calls: extra field types, uploads checked by content, spam guards."""

import os

import filetype
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from calls.choices import UPLOAD_TYPES
from calls.team import TeamField
from partners.models import STAKEHOLDER_TYPES
from public_forms.forms import DeliverableEmailField, PublicFormMixin
from public_forms.widgets import FixedChoices, LongSelect, country_choices

STAKEHOLDER_CHOICES = FixedChoices([("", "—"), *STAKEHOLDER_TYPES])


def detected_extension(uploaded):
    """The extension the content says the file has ('pdf', 'docx'…), or None."""
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    return "jpg" if kind.extension == "jpeg" else kind.extension


class UploadField(forms.FileField):
    """A file of one of the allowed types, checked by its content, not its name."""

    def __init__(self, *, allowed_types, max_size_mb, **kwargs):
        self.allowed_types = [t for t in allowed_types if t in UPLOAD_TYPES] or ["pdf"]
        self.max_size = max_size_mb * 1024 * 1024
        kwargs.setdefault(
            "help_text",
            _("%(types)s, at most %(size)s MB.")
            % {"types": ", ".join(t.upper() for t in self.allowed_types), "size": max_size_mb},
        )
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(f".{t}" for t in self.allowed_types)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if not uploaded:
            return uploaded
        if uploaded.size == 0:
            raise forms.ValidationError(_("The file is empty."), code="empty")
        if uploaded.size > self.max_size:
            raise forms.ValidationError(
                _("The file is too large: at most %(size)s MB.")
                % {"size": self.max_size // (1024 * 1024)},
                code="too_large",
            )
        named = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
        named = "jpg" if named == "jpeg" else named
        actual = detected_extension(uploaded)
        if actual not in self.allowed_types or named != actual:
            raise forms.ValidationError(
                _("This file is not a %(types)s document (its content was checked).")
                % {"types": " / ".join(t.upper() for t in self.allowed_types)},
                code="wrong_type",
            )
        uploaded.content_type = UPLOAD_TYPES[actual]
        return uploaded


class CallFormBuilder(FormBuilder):
    def create_file_field(self, field, options):
        allowed = [t.strip().lower() for t in (field.allowed_file_types or "").split(",")]
        return UploadField(allowed_types=allowed, max_size_mb=field.max_file_size_mb, **options)

    def create_email_field(self, field, options):
        return DeliverableEmailField(**options)

    def create_country_field(self, field, options):
        return forms.ChoiceField(choices=country_choices(), widget=LongSelect, **options)

    def create_stakeholder_type_field(self, field, options):
        return forms.ChoiceField(choices=STAKEHOLDER_CHOICES, widget=LongSelect, **options)

    def create_team_field(self, field, options):
        return TeamField(**options)

    def create_consent_field(self, field, options):
        options["required"] = True
        consent = forms.BooleanField(**options)
        consent.is_consent = True  # the form shows the privacy notice beside it
        return consent

    def get_form_class(self):
        return type("CallForm", (CallForm,), self.formfields)


class CallForm(PublicFormMixin, BaseForm):
    def submitted_data(self):
        """cleaned_data without the spam guards and without files (stored apart)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.spam_fields and not hasattr(value, "read")
        }

    def submitted_files(self):
        return {name: value for name, value in self.cleaned_data.items() if hasattr(value, "read")}
