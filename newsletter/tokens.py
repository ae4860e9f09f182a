"""The links in e-mails: signed, so only who received them can use them; each carries the
subscriber's secret, so a deleted (or re-created) subscriber's old links lead nowhere."""

from django.core import signing

from newsletter.models import Subscriber

SUBSCRIBER_SALT = "newsletter.subscriber"
CONFIRM_SALT = "newsletter.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for a week


def subscriber_token(subscriber):
    """Preferences and unsubscribing: works as long as the subscriber exists."""
    return signing.dumps([subscriber.pk, subscriber.secret], salt=SUBSCRIBER_SALT)


def confirmation_token(subscriber):
    return signing.dumps([subscriber.pk, subscriber.secret], salt=CONFIRM_SALT)


def _read(token, salt, max_age=None):
    try:
        pk, secret = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Subscriber.objects.filter(pk=pk, secret=secret).first()


def read_subscriber_token(token):
    return _read(token, SUBSCRIBER_SALT)


def read_confirmation_token(token):
    return _read(token, CONFIRM_SALT, CONFIRM_MAX_AGE)
