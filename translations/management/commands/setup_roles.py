from django.core.management.base import BaseCommand

from translations.roles import setup_roles


class Command(BaseCommand):
    help = "Creates or repairs the editorial and translation groups, permissions and workflows."

    def handle(self, *args, **options):
        missing = setup_roles()
        if missing:
            self.stdout.write(
                self.style.WARNING(
                    "No home page yet for: " + ", ".join(missing) + ". Run again once they exist."
                )
            )
        self.stdout.write(self.style.SUCCESS("Roles and workflows are in place."))
