"""What every public form shows and checks, whatever it stores."""

import time

from django import forms
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from public_forms import receipts
from public_forms.validators import (
    EMAIL_MAX_LENGTH,
    MULTI_LINE_MAX_LENGTH,
    SINGLE_LINE_MAX_LENGTH,
    MaxTextLengthValidator,
    TextPolicyValidator,
    validate_deliverable_email,
    validate_email_length,
)

HONEYPOT_FIELD = "website_url"
STARTED_FIELD = "form_started"
TOKEN_FIELD = "submission_token"  # noqa: S105 - a field name, not a secret
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
_signer = signing.TimestampSigner(salt="public_forms.form-started")
SPAM_MESSAGES = {
    "too_fast": _(
        "This form was sent back faster than a person can fill it in, so it was not stored. "
        "Your answers are kept: check them and send the form again."
    ),
    "expired": _(
        "Your submission could not be accepted: the form had expired or was changed. "
        "Your answers are kept: check them and send the form again."
    ),
    "trap": _(
        "Your submission could not be accepted: a field meant to stay empty was filled in. "
        "Your answers are kept: check them and send the form again."
    ),
}


def signed_start(token, at=None):
    """The time a form was shown (now, or `at`), signed together with that display's one-time
    token: the pair is good for one submission (see PublicFormMixin.looks_like_spam)."""
    moment = int(time.time() if at is None else at)
    return _signer.sign(f"{moment}:{token}")


def fresh_guard(request=None):
    """A display's one-time token and its signed start time, as hidden-input values."""
    token = receipts.new_token()
    return {STARTED_FIELD: signed_start(token), TOKEN_FIELD: token}


class DeliverableEmailField(forms.EmailField):
    """An e-mail address we can send to: refused with a message next to the field otherwise."""

    default_validators = [
        *forms.EmailField.default_validators,
        validate_email_length,
        validate_deliverable_email,
    ]


def apply_input_policy(field):
    """Gives a field of a public form the input policy of public_forms.validators: a length
    limit (shown to browsers as maxlength too) and the control-character rules of a one-line
    or a long answer. Choices, dates and files are limited by their own checks (Django also
    strips unprintable characters from uploaded file names)."""
    if isinstance(field, forms.MultiValueField):
        for part in field.fields:
            apply_input_policy(part)
        return
    if isinstance(field, forms.EmailField):
        # One message for an address too long, the one that says what the limits are.
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.max_length = EMAIL_MAX_LENGTH
        for validator in (validate_email_length, validate_deliverable_email):
            if validator not in field.validators:
                field.validators.append(validator)
        field.validators.append(TextPolicyValidator(multiline=False))
    elif isinstance(field, forms.CharField):
        multiline = isinstance(field.widget, forms.Textarea)
        limit = MULTI_LINE_MAX_LENGTH if multiline else SINGLE_LINE_MAX_LENGTH
        if field.max_length is None or field.max_length > limit:
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
        field.validators.append(TextPolicyValidator(multiline=multiline))
    elif isinstance(field, (forms.DecimalField, forms.FloatField, forms.IntegerField)):
        field.validators.append(MaxTextLengthValidator(SINGLE_LINE_MAX_LENGTH))
        return
    else:
        return
    if not field.widget.is_hidden:
        field.widget.attrs["maxlength"] = str(field.max_length)


class PublicFormMixin:
    """What every public form needs: the input policy on every field (public_forms.validators),
    a honeypot field no person sees, the signed time the form was shown (refusing forms sent
    back faster than a person can fill them in, forged, or copied from another display), a
    one-time token that makes sending it twice store it once, and errors announced with their
    fields."""

    spam_fields = (HONEYPOT_FIELD, STARTED_FIELD, TOKEN_FIELD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name not in self.spam_fields:
                apply_input_policy(field)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        # Drawn afresh at each display: the token, and the time signed with it.
        token = receipts.new_token()
        self.fields[STARTED_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=signed_start(token)
        )
        self.fields[TOKEN_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=token
        )
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self.field_id(name)}-help"

    def field_id(self, name):
        """The id a field's widget gets, as BoundField.auto_id computes it. Asked without making
        the BoundField, which Django caches with a copy of the field's help text and label, so
        that a subclass may still change them after this __init__ (the photo form's size)."""
        html_name = self.add_prefix(name)
        if self.auto_id and "%s" in str(self.auto_id):
            return self.auto_id % html_name
        return html_name if self.auto_id else ""

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field it belongs to.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                described = [f"{self.field_id(name)}-error", attrs.get("aria-describedby", "")]
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(d for d in dict.fromkeys(described) if d)

    @property
    def submission_token(self):
        """The token of the display this POST comes from, or None (an old or forged form)."""
        return receipts.parse(self.data.get(TOKEN_FIELD))

    def looks_like_spam(self):
        return self.spam_reason() is not None

    def refused_as_spam(self):
        """True when the spam guard refuses this POST. The form then says why (an error at the
        top) and keeps what was typed, with a fresh start time and token, so that a person whom
        the guard mistook for a robot can check the answers and send them again."""
        reason = self.spam_reason()
        if reason is None:
            return False
        self.add_error(None, SPAM_MESSAGES[reason])
        token = receipts.new_token()
        data = self.data.copy()
        data.update({STARTED_FIELD: signed_start(token), TOKEN_FIELD: token, HONEYPOT_FIELD: ""})
        self.data = data
        return True

    def spam_reason(self):
        """None, or why the guard refuses this POST: the honeypot filled in ("trap"); a start
        time forged, older than a day, or not signed with this POST's token ("expired"); or the
        form sent back faster than a person can fill it in ("too_fast").

        The token binding makes a signed time good for one submission: storing claims the
        token (public_forms.receipts), so the same pair sent again gets that first result
        before this check is reached, and the time copied with another token (or none) is
        refused here. A form sent back with errors keeps its pair until it is stored."""
        if self.data.get(HONEYPOT_FIELD):
            return "trap"
        try:
            signed = _signer.unsign(self.data.get(STARTED_FIELD, ""), max_age=MAX_FORM_AGE_SECONDS)
            started, _separator, token = signed.partition(":")
            started = int(started)
        except (signing.BadSignature, ValueError):
            return "expired"
        token = receipts.parse(token)
        if token is None or token != self.submission_token:
            return "expired"
        if time.time() - started < MIN_FILL_SECONDS:
            return "too_fast"
        return None
