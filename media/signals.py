"""A contest's pages show its approved photos (and its winners) without referencing them: a photo
approved, withdrawn, ranked or deleted purges them (home.cache_purge.purge_pages), in every
language the contest has, and the gallery pages that chose it."""

from django.db.models.signals import post_delete, post_save

from home import cache_purge

# Saves that change nothing a visitor sees: a new entry (pending), the entrant told.
_UNSEEN_UPDATES = {frozenset({"notified_status"})}


def _contest_pages(entry):
    """The contest's pages in every language, and the gallery pages that chose the photo (the
    reference index knows them)."""
    from media.models import PhotoContestPage

    showing = cache_purge.referencing_page_ids([entry])
    if showing == cache_purge.EVERYTHING:
        return showing
    contest = PhotoContestPage.objects.filter(translation_key=entry.contest_key)
    return set(contest.values_list("pk", flat=True)) | showing


@cache_purge.when_pages_are_kept
def _entry_saved(sender, instance, created, update_fields=None, **kwargs):
    if created and instance.status == instance.Status.PENDING:
        return
    if update_fields is not None and frozenset(update_fields) in _UNSEEN_UPDATES:
        return
    cache_purge.purge_pages(_contest_pages(instance))


@cache_purge.when_pages_are_kept
def _entry_deleted(sender, instance, **kwargs):
    cache_purge.purge_pages(_contest_pages(instance))


def connect():
    from media.models import PhotoEntry

    post_save.connect(_entry_saved, sender=PhotoEntry, dispatch_uid="media_entry_purge")
    post_delete.connect(_entry_deleted, sender=PhotoEntry, dispatch_uid="media_entry_purge")
