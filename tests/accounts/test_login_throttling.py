"""Staff sign-in is throttled per account and per client address, says so in the visitor's
language, and unlocks by itself after the cool-off or at once by an operator's command."""

import ipaddress
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.db.models import F
from django.test import override_settings

from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed sign-in attempts"


def signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def test_an_account_is_locked_after_five_failures_even_from_five_addresses(client, editor):
    for attempt in range(4):
        response = sign_in(client, "editor", "wrong", address=f"198.51.100.{attempt + 1}")
        assert response.status_code == 200
        assert "didn&#x27;t match" in response.content.decode()
        assert LOCKED not in response.content.decode()
    fifth = sign_in(client, "editor", "wrong", address="198.51.100.5")
    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()
    # The right password no longer opens the account, from anywhere.
    refused = sign_in(client, "editor", address="192.0.2.44")
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_another_account_is_not_locked_by_someone_elses_failures(client, editor, administrator):
    for _attempt in range(5):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor").status_code == 429
    assert signed_in(sign_in(client, "chief", address="198.51.100.2"))


def test_a_client_address_is_locked_after_twenty_failures_across_accounts(client, editor):
    """Password spraying: one address trying one password on many accounts."""
    for attempt in range(19):
        response = sign_in(client, f"someone-{attempt}", "Summer2025!", address="203.0.113.7")
        assert response.status_code == 200, attempt
    assert sign_in(client, "someone-19", "Summer2025!", address="203.0.113.7").status_code == 429
    # Nobody signs in from that address now, not even with the right password...
    refused = sign_in(client, "editor", address="203.0.113.7")
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    # ...but the same account elsewhere does: five failures on one account were never reached.
    assert signed_in(sign_in(client, "editor", address="203.0.113.8"))


@override_settings(TRUSTED_PROXIES=(ipaddress.ip_network("10.0.0.0/8"),))
def test_behind_the_proxy_each_client_is_counted_not_the_proxy(client, editor):
    through_proxy = {"address": "10.0.0.2"}
    for attempt in range(20):
        sign_in(
            client,
            f"someone-{attempt}",
            "wrong",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **through_proxy,
        )
    locked = sign_in(client, "editor", HTTP_X_FORWARDED_FOR="203.0.113.7", **through_proxy)
    assert locked.status_code == 429
    # Another visitor behind the same proxy is not locked out...
    assert signed_in(sign_in(client, "editor", HTTP_X_FORWARDED_FOR="192.0.2.9", **through_proxy))
    client.logout()
    # ...and the locked one cannot escape by writing X-Forwarded-For itself: the proxy appends
    # the address it sees, and only that is believed.
    spoofed = sign_in(
        client, "editor", HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.7", **through_proxy
    )
    assert spoofed.status_code == 429


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Trop de tentatives de connexion"),
        ("ar", "محاولات تسجيل دخول"),
        ("zh-hans", "登录失败次数过多"),
    ],
)
def test_the_lockout_is_explained_on_the_login_page_in_the_visitors_language(
    client, editor, language, expected
):
    for _attempt in range(5):
        response = sign_in(client, "editor", "wrong", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert expected in html
    assert "15" in html  # how long: the cool-off, in minutes
    # Still the admin's sign-in page, in that language, with its form: not a bare error page.
    assert f'lang="{language}"' in html
    assert 'name="username"' in html and 'name="password"' in html


def test_a_locked_account_opens_again_after_the_cool_off(client, editor):
    for _attempt in range(5):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor").status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert signed_in(sign_in(client, "editor"))


def test_failures_during_the_lockout_do_not_prolong_it(client, editor):
    """An attacker who keeps trying must not keep the owner out for ever."""
    for _attempt in range(5):
        sign_in(client, "editor", "wrong")
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=10))
    for _attempt in range(3):
        assert sign_in(client, "editor", "wrong").status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=6))
    assert signed_in(sign_in(client, "editor"))


def test_an_operator_unlocks_an_account_at_once(client, editor):
    for _attempt in range(5):
        sign_in(client, "editor", "wrong", address="198.51.100.9")
    assert sign_in(client, "editor", address="192.0.2.1").status_code == 429
    call_command("axes_reset_username", "editor", verbosity=0)
    assert signed_in(sign_in(client, "editor", address="192.0.2.1"))


def test_an_operator_unlocks_a_client_address_at_once(client, editor):
    for attempt in range(20):
        sign_in(client, f"someone-{attempt}", "wrong", address="203.0.113.7")
    assert sign_in(client, "editor", address="203.0.113.7").status_code == 429
    call_command("axes_reset_ip", "203.0.113.7", verbosity=0)
    assert signed_in(sign_in(client, "editor", address="203.0.113.7"))


def test_signing_in_clears_ones_own_mistakes_only(client, editor, administrator):
    for _attempt in range(4):
        sign_in(client, "editor", "wrong")
    assert signed_in(sign_in(client, "editor"))
    client.logout()
    # A fresh start for the owner after a success...
    for _attempt in range(4):
        assert sign_in(client, "editor", "wrong").status_code == 200
    # ...but someone else's success from the same address does not wipe the count of guesses
    # against this account: one more failure locks it.
    assert signed_in(sign_in(client, "chief"))
    client.logout()
    assert sign_in(client, "editor", "wrong").status_code == 429
