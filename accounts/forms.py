import math

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from accounts.throttle import lockout_message


class LoginForm(WagtailLoginForm):
    """The admin's sign-in form (WAGTAILADMIN_USER_LOGIN_FORM), which says why a locked-out
    account or address is refused instead of blaming the password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's field has no label, so "Password" stayed English (Django translates this).
        self.fields["password"].label = pgettext_lazy("site", "Password")

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class CodeForm(forms.Form):
    """The code an authenticator app shows, checked against one TOTP device (django-otp, which
    refuses a code used before and slows down guessing after each wrong one)."""

    otp_token = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "dir": "ltr",
            }
        ),
    )

    error_messages = {
        "wrong": _("This code is not right. Enter the 6 digits your authenticator app shows now."),
    }

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        if not (token.isdigit() and len(token) == self.device.digits):
            raise forms.ValidationError(self.error_messages["wrong"], code="wrong")
        # Locked, so that two requests racing with codes share one throttle and one "last used";
        # the refusal is raised after the commit, which keeps the failure counted.
        with transaction.atomic():
            device = type(self.device).objects.select_for_update().get(pk=self.device.pk)
            allowed, details = device.verify_is_allowed()
            verified = allowed and device.verify_token(token)
        if not allowed:
            raise forms.ValidationError(throttled_message(details), code="throttled")
        if not verified:
            raise forms.ValidationError(self.error_messages["wrong"], code="wrong")
        self.device = device
        return token


def throttled_message(details):
    locked_until = (details or {}).get("locked_until")
    seconds = 1
    if locked_until:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes. Try again in %(seconds)d second.",
        "Too many wrong codes. Try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}
