"""Staff sign-in settings (accounts/; README, "Staff accounts: login throttling and
two-factor"), read into base.py. Whether administrators need two-factor comes from the
environment, in base.py."""

from datetime import timedelta

# django-axes counts failed sign-ins in the database, per account and per client address
# (public_forms.clients: the real client behind TRUSTED_PROXIES), each with its own limit.
AUTHENTICATION_BACKENDS = [
    "accounts.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "accounts.throttle.LoginThrottleHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # in this order: LoginThrottleHandler
AXES_FAILURE_LIMIT = 5  # failures of one account, from anywhere
LOGIN_FAILURE_LIMIT_PER_CLIENT = 20  # failures from one address (an office), any accounts
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Failures while locked out do not extend the lockout: the owner gets in after the cool-off.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
AXES_ENABLE_ADMIN = False  # Django's admin is not mounted
AXES_VERBOSE = False  # no banner at every start; failures are still logged
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
