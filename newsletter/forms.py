"""The public forms of WSIS Flash (they import no model)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from public_forms.forms import DeliverableEmailField, PublicFormMixin

# The words next to the consent box, recorded word for word (in the visitor's language) with
# each sign-up.
CONSENT_WORDING = _(
    "I want to receive WSIS Flash, the newsletter of the World Summit on the Information "
    "Society, by e-mail in the languages I chose. My address is used for nothing else, and "
    "every issue has a link to unsubscribe at once."
)
# The words above the confirmation button, recorded with the confirmation.
CONFIRM_WORDING = _(
    "Confirm that you want to receive WSIS Flash at this address, in the languages shown."
)


def language_field(**kwargs):
    return forms.MultipleChoiceField(
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages"),
        help_text=_("You receive each issue in every language you tick."),
        error_messages={"required": _("Choose at least one language.")},
        **kwargs,
    )


class SignupForm(PublicFormMixin, forms.Form):
    email = DeliverableEmailField(label=_("E-mail address"))
    languages = language_field()
    consent = forms.BooleanField(
        label=CONSENT_WORDING,
        error_messages={"required": _("Tick this box to subscribe.")},
    )


class PreferencesForm(forms.Form):
    languages = language_field()
