"""Taking an entry in, and approving it: the rules that hold whatever the admin or the public do."""

from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from media.models import EntrantQuota, PhotoEntry
from media.photos import public_copy
from public_forms import quotas, receipts


class EntryLimitReached(Exception):
    pass


def reserve_entry(contest, email):
    email = email.strip().casefold()
    key = {"contest_key": contest.translation_key, "email": email}
    if not quotas.take_one(EntrantQuota, contest.entries_per_entrant, **key):
        raise EntryLimitReached


def receipt_scope(contest):
    return f"contest:{contest.translation_key}"


def store_entry(contest, form):
    """Stores the entry and the entrant's confirmation (in the outbox), all or nothing."""
    saved_name = None
    try:
        with transaction.atomic():
            receipt = receipts.claim(receipt_scope(contest), form.submission_token)
            reserve_entry(contest, form.cleaned_data["email"])
            entry = form.save(commit=False)
            entry.contest = contest
            entry.contest_key = contest.translation_key
            entry.language = contest.locale.language_code
            entry.save()
            saved_name = entry.original.name
            receipts.attach(receipt, entry)
            with translation.override(entry.language):
                context = {"entry": entry, "contest": contest}
                body = render_to_string("media/entry_email.txt", context)
                subject = _("We received your photo: %(title)s") % {"title": entry.title}
                EmailMessage(subject, body, to=[entry.email]).send()
    except Exception:
        if saved_name:
            PhotoEntry._meta.get_field("original").storage.delete(saved_name)
        raise
    return entry


def contest_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="Photo contests").first()
    return existing or root.add_child(name="Photo contests")


def approve(entry, user=None):
    """Publishes the photo: a copy upright and without metadata becomes a Wagtail image."""
    if entry.public_image_id is None:
        with entry.original.open("rb") as original:
            data = public_copy(original)
        image = get_image_model().objects.create(
            title=entry.title,
            description=entry.alt_text[:255],
            collection=contest_collection(),
            file=ContentFile(data, name=f"contest-photo-{entry.pk}.jpg"),
        )
        entry.public_image = image
    entry.status = PhotoEntry.Status.APPROVED
    entry.reviewer = user
    entry.save()


def reject(entry, user=None):
    entry.status = PhotoEntry.Status.REJECTED
    entry.winner_rank = None
    entry.reviewer = user
    if entry.public_image_id:
        image, entry.public_image = entry.public_image, None
        entry.save()
        image.delete()
    else:
        entry.save()


def tell_entrant(entry):
    """E-mails the entrant the decision, once per decision."""
    if entry.status == PhotoEntry.Status.PENDING or entry.notified_status == entry.status:
        return
    entry.notified_status = entry.status
    entry.save(update_fields=["notified_status"])
    with translation.override(entry.language or "en"):
        body = render_to_string(
            "media/decision_email.txt", {"entry": entry, "contest": entry.contest}
        )
        subject = _("Your photo “%(title)s”") % {"title": entry.title}
        EmailMessage(subject, body, to=[entry.email]).send()
