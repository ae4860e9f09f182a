"""Production: every secret from the environment, HTTPS only, SMTP e-mail, shared cache."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import read_environment

ENV = read_environment(require_secret_key=True, default_admin_two_factor_required=True)
SECRET_KEY = ENV.secret_key
DEBUG = False
# Administrators (superusers) sign in with a TOTP code too; they set up their app at the first
# sign-in. ADMIN_TWO_FACTOR_REQUIRED=false turns this off (e.g. for a scripted check).
ADMIN_TWO_FACTOR_REQUIRED = ENV.admin_two_factor_required

# Never guess where mail goes: an SMTP server on localhost:25 would swallow it silently.
if not ENV.email_url:
    raise ImproperlyConfigured(
        "EMAIL_URL must be set in production, e.g. smtp+tls://user:password@smtp.example.org:587"
        " (or EMAIL_URL=console:// to print e-mails to the log instead of sending them)."
    )

# TLS ends at the proxy/CDN in front of the app servers, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ENV.secure_ssl_redirect
SECURE_HSTS_SECONDS = ENV.secure_hsts_seconds
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The health check is probed over plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
