from django.core.management.base import BaseCommand
from django.utils import timezone

from media import entries
from media.tasks import apply_decision


class Command(BaseCommand):
    help = (
        "Enqueues again the moderators' decisions on contest photos that a worker did not "
        "finish (it died, or was stopped): run every few minutes (cron)."
    )

    def handle(self, *args, **options):
        stalled = entries.undone().filter(decided_at__lt=timezone.now() - entries.STALLED_AFTER)
        pks = list(stalled.values_list("pk", flat=True))
        for pk in pks:
            apply_decision.enqueue(pk)
        self.stdout.write(f"{len(pks)} decision(s) enqueued again")
