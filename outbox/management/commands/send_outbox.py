from django.core.management.base import BaseCommand

from outbox import delivery, tasks


class Command(BaseCommand):
    help = (
        "Sends the outbox's due e-mails: retries whose time has come, messages whose task was "
        "lost, and those a dead worker left half-sent. Run every minute or so (cron)."
    )

    def handle(self, *args, **options):
        outcomes = [tasks.send_now(pk) for pk in delivery.due_messages()]
        sent = outcomes.count("sent")
        failed = len(outcomes) - sent - outcomes.count(None)
        self.stdout.write(f"{sent} sent, {failed} failed")
