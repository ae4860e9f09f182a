from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from accounts.two_factor import ENROL, VERIFY, pending_step

# What a user between the password and the second factor may still reach (the rest of the
# admin's URLs redirect to the step; static files never get this far).
ALWAYS_ALLOWED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
ALLOWED = {
    VERIFY: ALWAYS_ALLOWED | {"accounts_two_factor_verify"},
    ENROL: ALWAYS_ALLOWED | {"accounts_two_factor_enrol"},
}
STEP_URLS = {VERIFY: "accounts_two_factor_verify", ENROL: "accounts_two_factor_enrol"}


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware. A signed-in user who owes a second factor is sent to
    it from every admin URL, and is a visitor like any other everywhere else (no userbar, no
    private pages or documents) until the code is given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: leave the session (and `Vary: Cookie`)
        # untouched for the public's requests.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        step = pending_step(request.user)
        if step and self._url_name(request) not in ALLOWED[step]:
            if request.path_info.startswith(reverse("wagtailadmin_home")):
                return redirect_to_login(
                    request.get_full_path(), login_url=reverse(STEP_URLS[step])
                )
            request.user = AnonymousUser()
        return self.get_response(request)

    @staticmethod
    def _url_name(request):
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
