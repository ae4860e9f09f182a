"""Production: every secret from the environment, HTTPS only, SMTP e-mail, shared cache."""

from .base import *  # noqa: F403
from .env import read_environment

ENV = read_environment(require_secret_key=True)
SECRET_KEY = ENV.secret_key
DEBUG = False

if ENV.email:
    globals().update(ENV.email)
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

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
