from django.core.management.base import BaseCommand

from translations.tracking import send_translator_digests


class Command(BaseCommand):
    help = (
        "E-mails each language's translators one list of the translations that became outdated "
        "since the last run. Run it on a schedule, next to publish_scheduled."
    )

    def handle(self, *args, **options):
        sent = send_translator_digests()
        for language, recipients in sent.items():
            self.stdout.write(f"{language}: {len(recipients)} translator(s) told")
