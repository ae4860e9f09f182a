"""For a server operator, when a staff member has lost their authenticator: removes the
account's TOTP devices, so that the password alone signs in again (an administrator who must
use two-factor is then asked to set up a new device right after the password)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Removes a staff member's two-factor devices (a lost or replaced phone)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        devices = TOTPDevice.objects.filter(user=user)
        confirmed = devices.filter(confirmed=True).count()
        devices.delete()  # a set-up left unfinished goes too
        if confirmed:
            self.stdout.write(
                f"Removed {confirmed} authenticator(s) of {username}: the password alone signs in"
                " until a new one is set up (Account › Two-factor authentication)."
            )
        else:
            self.stdout.write(f"{username} had no authenticator: nothing to remove.")
