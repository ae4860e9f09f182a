from django.conf import settings
from django.core.management.base import BaseCommand

from prizes.models import PrizesContestPage, privacy


class Command(BaseCommand):
    help = (
        "Erases the voters' addresses and networks from the votes of every WSIS Prizes contest "
        "whose voting closed more than PRIZES_VOTER_RETENTION_DAYS days ago (or --days). The "
        "votes stay, counted as before. Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = settings.PRIZES_VOTER_RETENTION_DAYS if days is None else days
        done = privacy.erase_expired(PrizesContestPage, days)
        for contest, count in done.items():
            self.stdout.write(f"{contest.title}: {count} voters' addresses erased.")
        if not done:
            self.stdout.write("Nothing to erase.")
