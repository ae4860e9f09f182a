"""The public forms of the Prizes: a vote (an e-mail address and a nominee) and an owner's
entry of a Stocktaking project. No model is imported: the page passes the choices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from prizes.voting import is_disposable
from public_forms.forms import DeliverableEmailField, PublicFormMixin


class VoteForm(PublicFormMixin, forms.Form):
    nominee = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label=_("Your choice"))
    email = DeliverableEmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link: your vote counts once you have confirmed it."),
    )

    def __init__(self, *args, nominees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].choices = list(nominees)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if is_disposable(email):
            raise forms.ValidationError(
                _("Please use a permanent e-mail address: throwaway mailboxes cannot vote.")
            )
        return email


class PrizeEntryForm(PublicFormMixin, forms.Form):
    entry = forms.TypedChoiceField(coerce=int, label=_("Your Stocktaking project"))
    category = forms.ChoiceField(label=_("Prize category"))

    def __init__(self, *args, entries=(), categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = list(entries)
        self.fields["category"].choices = list(categories)
