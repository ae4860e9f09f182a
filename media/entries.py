"""Carrying out a moderator's decision on an entry (publishing or withdrawing the photo, telling
the entrant): the rules that hold whatever the admin does. Taking an entry in is the contest
page's (media.models.storing); recording a decision and queueing its work, media.tasks."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from media.models import PhotoEntry
from media.photos import public_copy


def contest_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="Photo contests").first()
    return existing or root.add_child(name="Photo contests")


# What the gallery, the photo page and the moderation queue show: made by the worker when the
# photo is published, so that no visitor's request waits for them.
PUBLISHED_RENDITIONS = ("fill-400x300", "fill-800x600", "max-1200x900", "max-600x450", "fill-80x60")
# A decision older than this whose work is not done was lost with a worker: do it again.
STALLED_AFTER = timedelta(minutes=10)


def approve(entry, user=None, notify=True):
    """Publishes the photo: a copy upright and without metadata becomes a Wagtail image. The
    slow part (decoding the photo) runs first, outside any transaction; then the entry, its
    image and the entrant's e-mail are stored together, or not at all."""
    data = None
    if entry.public_image_id is None:
        with entry.original.open("rb") as original:
            data = public_copy(original)
    with transaction.atomic():
        locked = PhotoEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.public_image_id is None:
            locked.public_image = get_image_model().objects.create(
                title=locked.title,
                description=locked.alt_text[:255],
                collection=contest_collection(),
                file=ContentFile(data, name=f"contest-photo-{locked.pk}.jpg"),
            )
            # Before the commit makes the photo public: a visitor's first look at the gallery
            # must not race the worker to make the same renditions. One at a time: Wagtail's
            # get_renditions makes them in three threads, each decoding the copy, and the
            # allocator keeps each thread's memory (about 90 MB more at the worker's peak).
            for spec in PUBLISHED_RENDITIONS:
                locked.public_image.get_rendition(spec)
        locked.status = PhotoEntry.Status.APPROVED
        if user is not None:
            locked.reviewer = user
        locked.save()
        tell_entrant(locked, send=notify)
    entry.refresh_from_db()
    return entry


def reject(entry, user=None, notify=True):
    """Withdraws the photo and its public copy, and tells the entrant, all or nothing."""
    with transaction.atomic():
        locked = PhotoEntry.objects.select_for_update().get(pk=entry.pk)
        locked.status = PhotoEntry.Status.REJECTED
        locked.winner_rank = None
        if user is not None:
            locked.reviewer = user
        image, locked.public_image = locked.public_image, None
        locked.save()
        if image is not None:
            image.delete()
        tell_entrant(locked, send=notify)
    entry.refresh_from_db()
    return entry


def undone():
    """Entries whose decision has not been carried out (public copy, withdrawal, e-mail)."""
    Status = PhotoEntry.Status
    return PhotoEntry.objects.filter(
        models.Q(status=Status.APPROVED, public_image__isnull=True)
        | models.Q(status=Status.REJECTED, public_image__isnull=False)
        | (
            models.Q(status__in=[Status.APPROVED, Status.REJECTED])
            & ~models.Q(notified_status=models.F("status"))
        )
    )


def carry_out(entry_id):
    """Does what the entry's decision asks, once: idempotent, so a retried or repeated task
    does nothing more."""
    entry = PhotoEntry.objects.filter(pk=entry_id).first()
    if entry is None:
        return None
    if entry.status == PhotoEntry.Status.APPROVED:
        approve(entry)
    elif entry.status == PhotoEntry.Status.REJECTED:
        reject(entry)
    return entry.status


def tell_entrant(entry, send=True):
    """E-mails the entrant the decision, once per decision (in the caller's transaction).
    send=False records the decision as told without a message (demo content)."""
    if entry.status == PhotoEntry.Status.PENDING or entry.notified_status == entry.status:
        return
    entry.notified_status = entry.status
    entry.save(update_fields=["notified_status"])
    if not send:
        return
    with translation.override(entry.language or "en"):
        body = render_to_string(
            "media/decision_email.txt", {"entry": entry, "contest": entry.contest}
        )
        subject = _("Your photo: %(contest)s") % {"contest": entry.contest.title}
        EmailMessage(subject, body, to=[entry.email]).send()
