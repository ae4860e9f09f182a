import idna
from django.core.exceptions import ValidationError
from django.core.mail.message import sanitize_address
from django.utils.translation import gettext_lazy as _


def validate_deliverable_email(value):
    """Refuses an address mail cannot be sent to, before anything is stored: a domain that is
    not a valid internet domain name as typed (IDNA 2008, e.g. a typographic ligature such as
    “ﬃ”), or an address Django cannot put in a message."""
    if not value:
        return
    domain = value.rpartition("@")[2]
    try:
        if not domain.isascii():
            idna.encode(domain, uts46=False)
        sanitize_address(("", value), "utf-8")
    except (idna.IDNAError, UnicodeError, ValueError):
        raise ValidationError(
            _("We cannot send e-mail to “%(domain)s”: check the address for typing errors."),
            code="undeliverable",
            params={"domain": domain},
        ) from None
