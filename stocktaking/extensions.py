"""The extension point of the submission form: apps above Stocktaking (the WSIS Prizes) add
fields to a new entry's form and act on the stored entry, without Stocktaking importing them.

An app registers a Wagtail hook named SUBMISSION_EXTENSIONS_HOOK: a function of the
Stocktaking page, the POSTed data (None when the form is only shown) and, for an owner's
update from "My entries", the entry (keyword `entry`, None for a new one), that returns an
extension, or None when it has nothing to add. An
extension has three methods:

- add_fields(form): adds its fields to the EntryForm;
- clean(form, cleaned_data): checks them, adding errors to the form in the visitor's language;
- store(entry, form): acts on the entry just stored (or updated), inside the same
  transaction; it raises Refused to refuse the whole submission (nothing is then stored)."""

from wagtail import hooks

SUBMISSION_EXTENSIONS_HOOK = "stocktaking_submission_extensions"


class Refused(Exception):
    """The submission cannot be stored as it is: the message goes next to `field` (or at the
    top of the form when it is None), with the response's status code."""

    def __init__(self, message, field=None, status=400):
        super().__init__(message)
        self.message, self.field, self.status = message, field, status


def submission_extensions(page, data=None, entry=None):
    """The extensions that apply now to a new entry submitted through `page`, or to the owner's
    update of `entry`."""
    hooked = hooks.get_hooks(SUBMISSION_EXTENSIONS_HOOK)
    found = (make(page, data, entry=entry) for make in hooked)
    return [extension for extension in found if extension is not None]
