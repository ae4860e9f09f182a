import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-staff-password"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    """A staff member who may use the admin, not an administrator."""
    group = Group.objects.create(name="Staff who sign in")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD)
    user.groups.add(group)
    return user


@pytest.fixture
def administrator(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)


def sign_in(client, username, password=PASSWORD, address="198.51.100.1", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def authenticator(user):
    """A confirmed TOTP device, as enrolment leaves it."""
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def code(device, steps_ahead=0):
    """The code the authenticator app shows now (or that many 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"
