"""Sign-in throttling (django-axes): per account and per client address, with a limit of
each, and a lockout that the sign-in page explains in the visitor's language.

Wired in the settings (AXES_*, AUTHENTICATION_BACKENDS, WAGTAILADMIN_USER_LOGIN_FORM); README,
"Staff accounts: login throttling and two-factor".
"""

import ipaddress
import math

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.utils.translation import ngettext

from public_forms.clients import client_address as proxied_client_address


def client_address(request):
    """The client's address behind TRUSTED_PROXIES, as every rate limit of the site counts it;
    an IPv6 client by its /64 (one household or server holds a whole one), stored as the
    network's first address. None when unknown."""
    try:
        address = ipaddress.ip_address(proxied_client_address(request))
    except ValueError:
        return None
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' gatekeeper, first of AUTHENTICATION_BACKENDS. A sign-in through a form always has
    a request (the admin's login form passes it); a call without one (Django's test client's
    `login()`, a shell) has no client to count and is let through to the next backend, where
    Axes' own backend would raise."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit for the client address of its own.

    An account has one owner: AXES_FAILURE_LIMIT failures lock it. An address may be a whole
    office behind one router: LOGIN_FAILURE_LIMIT_PER_CLIENT failures, over any accounts, lock
    it. Axes has one limit for both, so the client's count is reported as "at the limit" once it
    reaches its own.
    """

    def get_failures(self, request, credentials=None):
        # One queryset per AXES_LOCKOUT_PARAMETERS entry: ["username", "ip_address"].
        by_account, by_client = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_client >= settings.LOGIN_FAILURE_LIMIT_PER_CLIENT:
            return max(by_account, settings.AXES_FAILURE_LIMIT)
        return by_account

    def reset_user_attempts(self, request, credentials=None):
        """After a successful sign-in, forget this account's failures from this address only:
        Axes would forget every failure of the address too, so that anyone with an account could
        wipe the count of guesses made against others from the same address."""
        count, _deleted = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return count


def cool_off_minutes():
    return math.ceil(get_cool_off().total_seconds() / 60)


def lockout_message():
    minutes = cool_off_minutes()
    return ngettext(
        "Too many failed sign-in attempts: signing in to this account, or from your network, is "
        "paused for %(minutes)d minute. Try again then, or ask an administrator of this site to "
        "unlock your account.",
        "Too many failed sign-in attempts: signing in to this account, or from your network, is "
        "paused for %(minutes)d minutes. Try again then, or ask an administrator of this site to "
        "unlock your account.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE. The admin's login form has already put the lockout message on the
    page (accounts.forms.LoginForm): keep that page, with 429 and when to come back."""
    if original_response is None:
        original_response = HttpResponse(lockout_message(), content_type="text/plain")
    original_response.status_code = 429
    original_response["Retry-After"] = str(int(get_cool_off().total_seconds()))
    return original_response
