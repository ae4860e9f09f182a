"""What every public form shows and checks, whatever it stores."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from public_forms import receipts
from public_forms.validators import validate_deliverable_email

HONEYPOT_FIELD = "website_url"
STARTED_FIELD = "form_started"
TOKEN_FIELD = "submission_token"  # noqa: S105 - a field name, not a secret
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
_signer = signing.TimestampSigner(salt="calls.form-started")


class DeliverableEmailField(forms.EmailField):
    """An e-mail address we can send to: refused with a message next to the field otherwise."""

    default_validators = [*forms.EmailField.default_validators, validate_deliverable_email]


class PublicFormMixin:
    """What every public form needs: a honeypot field no person sees, the signed time the
    form was shown (refusing forms sent back faster than a person can fill them in, or
    forged), a one-time token that makes sending it twice store it once, and errors
    announced with their fields."""

    spam_fields = (HONEYPOT_FIELD, STARTED_FIELD, TOKEN_FIELD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        # Signed and drawn afresh at each display.
        self.fields[STARTED_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=_signer.sign(str(int(time.time())))
        )
        self.fields[TOKEN_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=receipts.new_token()
        )
        for name, field in self.fields.items():
            if isinstance(field, forms.EmailField) and not isinstance(field, DeliverableEmailField):
                field.validators.append(validate_deliverable_email)
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-help"

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field it belongs to.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                described = [f"{self[name].auto_id}-error", attrs.get("aria-describedby", "")]
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(d for d in described if d)

    @property
    def submission_token(self):
        """The token of the display this POST comes from, or None (an old or forged form)."""
        return receipts.parse(self.data.get(TOKEN_FIELD))

    def looks_like_spam(self):
        if self.data.get(HONEYPOT_FIELD):
            return True
        try:
            started = int(
                _signer.unsign(self.data.get(STARTED_FIELD, ""), max_age=MAX_FORM_AGE_SECONDS)
            )
        except (signing.BadSignature, ValueError):
            return True
        return time.time() - started < MIN_FILL_SECONDS
