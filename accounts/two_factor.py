"""Who owes a second factor: a staff member with a confirmed authenticator, until the session
has checked a code; an administrator without one, when ADMIN_TWO_FACTOR_REQUIRED is on."""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

VERIFY = "verify"
ENROL = "enrol"


def authenticator(user):
    """The user's confirmed TOTP device, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def is_required(user):
    return bool(settings.ADMIN_TWO_FACTOR_REQUIRED and user.is_superuser)


def pending_step(user):
    """VERIFY, ENROL or None: the step this signed-in user must take before going further."""
    if not user.is_authenticated or user.is_verified():
        return None
    if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return VERIFY
    if is_required(user):
        return ENROL
    return None
