"""TOTP two-factor sign-in for staff: enrolment, the code after the password, required for
administrators when the settings say so, and the operator's recovery for a lost device."""

import os
from base64 import b32encode
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from tests.accounts.conftest import authenticator, code, sign_in
from tests.home.test_settings import PRODUCTION, environment_with, settings_module
from wsis_site.settings.env import read_environment

pytestmark = pytest.mark.django_db

SETTINGS = "/admin/two-factor/"
ENROL = "/admin/two-factor/enrol/"
VERIFY = "/admin/two-factor/verify/"
REMOVE = "/admin/two-factor/remove/"


def wrong_code(device):
    """A code the device refuses: none of the steps its tolerance accepts."""
    accepted = {code(device, steps) for steps in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1000000) if f"{n:06d}" not in accepted)


def wait_out_the_throttle(device):
    """As if the person had waited: django-otp refuses codes for a while after a wrong one."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
    )


def test_the_account_page_leads_to_two_factor_settings(client, editor):
    client.force_login(editor)
    html = client.get("/admin/account/").content.decode()
    assert f'href="{SETTINGS}"' in html
    settings_page = client.get(SETTINGS)
    assert settings_page.status_code == 200
    assert "Two-factor authentication is off" in settings_page.content.decode()
    assert f'href="{ENROL}"' in settings_page.content.decode()


def test_a_staff_member_enrols_an_authenticator_app(client, editor):
    client.force_login(editor)
    page = client.get(ENROL)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    html = page.content.decode()
    assert "<svg" in html  # the QR code, inline
    assert b32encode(device.bin_key).decode() in html.replace(" ", "")  # the key, to type in
    assert "issuer=WSIS" in device.config_url
    # Reloading the page keeps the same key: the app may have scanned it already.
    client.get(ENROL)
    assert TOTPDevice.objects.get(user=editor).key == device.key

    refused = client.post(ENROL, {"otp_token": wrong_code(device)})
    assert refused.status_code == 200
    assert "This code is not right" in refused.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed

    wait_out_the_throttle(device)
    accepted = client.post(ENROL, {"otp_token": code(device)})
    assert accepted.status_code == 302
    assert accepted["Location"] == SETTINGS
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    settings_page = client.get(SETTINGS).content.decode()
    assert "Two-factor authentication is on" in settings_page
    # This session proved the code: the admin opens without asking again.
    assert client.get("/admin/").status_code == 200


def test_an_empty_or_malformed_code_is_refused_next_to_the_field(client, editor):
    client.force_login(editor)
    client.get(ENROL)
    for value, error in [("", "This field is required"), ("12ab56", "This code is not right")]:
        response = client.post(ENROL, {"otp_token": value})
        assert response.status_code == 200
        assert error in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_after_the_password_a_staff_member_with_an_authenticator_gives_a_code(client, editor):
    device = authenticator(editor)
    assert sign_in(client, "editor").status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/account/", ENROL, SETTINGS):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{VERIFY}?next="), url
    page = client.get(f"{VERIFY}?next=/admin/pages/")
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()

    refused = client.post(VERIFY, {"otp_token": wrong_code(device), "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "This code is not right" in refused.content.decode()
    assert client.get("/admin/").status_code == 302

    wait_out_the_throttle(device)
    accepted = client.post(VERIFY, {"otp_token": code(device), "next": "/admin/pages/"})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_code_right_after_a_wrong_one_must_wait(client, editor):
    device = authenticator(editor)
    sign_in(client, "editor")
    client.post(VERIFY, {"otp_token": wrong_code(device)})
    throttled = client.post(VERIFY, {"otp_token": code(device)})
    assert throttled.status_code == 200
    assert "Too many wrong codes" in throttled.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_used_code_cannot_be_used_again(client, editor):
    device = authenticator(editor)
    sign_in(client, "editor")
    used = code(device)
    assert client.post(VERIFY, {"otp_token": used}).status_code == 302
    client.logout()
    sign_in(client, "editor")
    replayed = client.post(VERIFY, {"otp_token": used})
    assert replayed.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_the_code_step_never_sends_elsewhere(client, editor):
    device = authenticator(editor)
    sign_in(client, "editor")
    response = client.post(VERIFY, {"otp_token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_the_code_step_speaks_the_staff_members_language(client, editor):
    authenticator(editor)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    sign_in(client, "editor")
    html = client.get(VERIFY).content.decode()
    assert "Authentification à deux facteurs" in html
    assert "Code de vérification" in html


def test_before_the_code_the_public_site_sees_a_visitor(client, editor, english_home):
    authenticator(editor)
    sign_in(client, "editor")
    page = client.get("/en/")
    assert page.status_code == 200
    assert page.wsgi_request.user.is_anonymous  # no userbar, no private pages


def test_a_staff_member_without_an_authenticator_is_not_asked_for_a_code(client, editor):
    assert sign_in(client, "editor").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_may_turn_two_factor_off(client, editor):
    device = authenticator(editor)
    sign_in(client, "editor")
    client.post(VERIFY, {"otp_token": code(device)})
    assert "Turn off" in client.get(SETTINGS).content.decode()
    response = client.post(REMOVE)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert "Two-factor authentication is off" in client.get(SETTINGS).content.decode()


def test_turning_two_factor_off_takes_a_post(client, editor):
    device = authenticator(editor)
    sign_in(client, "editor")
    client.post(VERIFY, {"otp_token": code(device)})
    assert client.get(REMOVE).status_code == 405
    assert TOTPDevice.objects.filter(user=editor).exists()


@override_settings(ADMIN_TWO_FACTOR_REQUIRED=True)
def test_when_required_an_administrator_must_enrol_before_using_the_admin(client, administrator):
    assert sign_in(client, "chief").status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=/admin/pages/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Administrators of this site must" in page.content.decode()
    device = TOTPDevice.objects.get(user=administrator)
    enrolled = client.post(response["Location"], {"otp_token": code(device)})
    assert enrolled["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    # Required: the settings page offers no way to turn it off, and a POST is refused.
    assert "Turn off" not in client.get(SETTINGS).content.decode()
    client.post(REMOVE)
    assert TOTPDevice.objects.filter(user=administrator, confirmed=True).exists()


@override_settings(ADMIN_TWO_FACTOR_REQUIRED=True)
def test_when_required_for_administrators_other_staff_may_still_choose(client, editor):
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200


def test_unless_required_an_administrator_signs_in_with_the_password_alone(client, administrator):
    """Development and tests: `make run` and the browser tests sign in with a password."""
    sign_in(client, "chief")
    assert client.get("/admin/").status_code == 200


def test_production_settings_require_two_factor_for_administrators():
    production = settings_module(**PRODUCTION)
    assert production.ADMIN_TWO_FACTOR_REQUIRED is True
    assert "accounts.middleware.TwoFactorMiddleware" in production.MIDDLEWARE
    with mock.patch.dict(os.environ, environment_with(**PRODUCTION), clear=True):
        # Outside the production settings the default is off.
        assert read_environment().admin_two_factor_required is False
    for development in ("wsis_site.settings.dev", "wsis_site.settings.test"):
        environment = {**PRODUCTION, "DJANGO_SETTINGS_MODULE": development}
        assert settings_module(**environment).ADMIN_TWO_FACTOR_REQUIRED is False
    explicit = settings_module(**PRODUCTION, ADMIN_TWO_FACTOR_REQUIRED="false")
    assert explicit.ADMIN_TWO_FACTOR_REQUIRED is False


def test_an_operator_removes_a_lost_authenticator(client, editor):
    authenticator(editor)
    out = StringIO()
    call_command("reset_two_factor", "editor", stdout=out)
    assert "editor" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200


@override_settings(ADMIN_TWO_FACTOR_REQUIRED=True)
def test_after_the_reset_an_administrator_enrols_a_new_device(client, administrator):
    old = authenticator(administrator)
    call_command("reset_two_factor", "chief", stdout=StringIO())
    sign_in(client, "chief")
    response = client.get("/admin/")
    assert response["Location"] == f"{ENROL}?next=/admin/"
    client.get(response["Location"])
    new = TOTPDevice.objects.get(user=administrator)
    assert new.key != old.key


def test_the_reset_command_names_what_it_could_not_do(editor):
    with pytest.raises(CommandError, match="No user named"):
        call_command("reset_two_factor", "nobody", stdout=StringIO())
    out = StringIO()
    call_command("reset_two_factor", "editor", stdout=out)
    assert "had no authenticator" in out.getvalue()
