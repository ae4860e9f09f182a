"""Taking an entry in: the form the public fills, the entrant's quota, the entry and its
confirmation e-mail, all in one transaction or nothing (a mixin of PhotoContestPage, as
calls.models.storing is of the call pages)."""

from django import forms
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from media.forms import ENTRY_FIELDS, ENTRY_WIDGETS, PhotoEntryForm
from media.models.entry import EntrantQuota, PhotoEntry
from public_forms import quotas, receipts


class EntryLimitReached(Exception):
    pass


# The public's entry form: the shared base (media.forms) bound to the entry model.
EntryForm = forms.modelform_factory(
    PhotoEntry, form=PhotoEntryForm, fields=ENTRY_FIELDS, widgets=ENTRY_WIDGETS
)


class EntryStoring:
    def entry_form(self, *args, **kwargs):
        return EntryForm(*args, contest=self, **kwargs)

    @property
    def receipt_scope(self):
        """Tokens are good for this contest in any of its languages."""
        return f"contest:{self.translation_key}"

    def reserve_entry(self, email):
        """One of the entrant's entries, or EntryLimitReached, across every language version."""
        key = {"contest_key": self.translation_key, "email": email.strip().casefold()}
        if not quotas.take_one(EntrantQuota, self.entries_per_entrant, **key):
            raise EntryLimitReached

    def store_entry(self, form):
        """Stores the entry and the entrant's confirmation (in the outbox), all or nothing."""
        saved_name = None
        try:
            with transaction.atomic():
                receipt = receipts.claim(self.receipt_scope, form.submission_token)
                self.reserve_entry(form.cleaned_data["email"])
                entry = form.save(commit=False)
                entry.contest = self
                entry.contest_key = self.translation_key
                entry.language = self.locale.language_code
                entry.save()
                saved_name = entry.original.name
                receipts.attach(receipt, entry)
                with translation.override(entry.language):
                    context = {"entry": entry, "contest": self}
                    body = render_to_string("media/entry_email.txt", context)
                    # Nothing the sender wrote: the address is anyone's until it answers.
                    subject = _("We received your photo: %(contest)s") % {"contest": self.title}
                    EmailMessage(subject, body, to=[entry.email]).send()
        except Exception:
            if saved_name:
                PhotoEntry._meta.get_field("original").storage.delete(saved_name)
            raise
        return entry
