from django.core.management.base import BaseCommand

from newsletter import tasks


class Command(BaseCommand):
    help = (
        "Starts WSIS Flash sendings whose time has come and resumes those whose worker died "
        "(the watch task does both where the task backend can defer). Run every minute (cron)."
    )

    def handle(self, *args, **options):
        acted = tasks.run_due()
        self.stdout.write(f"{len(acted)} sending(s) started or resumed")
