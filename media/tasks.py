"""The photo contest's background work: a moderator's decision is recorded at once (decide) and
carried out by the worker (apply_decision: public copy, renditions, the entrant's e-mail)."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from media import entries
from media.models import PhotoEntry


@task()
def apply_decision(entry_id):
    """Publishes or withdraws one photo and tells its entrant; idempotent."""
    return entries.carry_out(entry_id)


def decide(entry_ids, status, user):
    """A moderator's decision on entries, recorded at once; the work (public copies, e-mails)
    is left to the worker, one task per entry, so that approving twenty 24-megapixel photos
    returns at once instead of running into the server's timeout."""
    changes = {"status": status, "reviewer": user, "decided_at": timezone.now()}
    if status == PhotoEntry.Status.REJECTED:
        changes["winner_rank"] = None
    with transaction.atomic():
        PhotoEntry.objects.filter(pk__in=entry_ids).update(**changes)
        for pk in entry_ids:
            transaction.on_commit(lambda pk=pk: apply_decision.enqueue(pk))
    return len(entry_ids)
