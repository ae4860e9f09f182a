"""Who a voter is: one normalised e-mail address per person, as far as an address can tell,
and the domains of throwaway mailboxes, refused. Imports no model (the form uses it too)."""

from django.conf import settings

# Providers that ignore dots in the part before the "@" (and are one provider).
DOTS_IGNORED = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}

# A small list of throwaway-mailbox domains; PRIZES_DISPOSABLE_EMAIL_DOMAINS (a setting) adds more.
DISPOSABLE_DOMAINS = frozenset(
    {
        "10minutemail.com",
        "discard.email",
        "dispostable.com",
        "getnada.com",
        "guerrillamail.com",
        "maildrop.cc",
        "mailinator.com",
        "mintemail.com",
        "sharklasers.com",
        "temp-mail.org",
        "throwawaymail.com",
        "trashmail.com",
        "yopmail.com",
    }
)


def normalise_email(address):
    """One spelling per mailbox: lower case, "+tag" removed, dots removed where the provider
    ignores them. `Name+x@Example.org` and `name@example.org` are the same voter."""
    local, _at, domain = (address or "").strip().rpartition("@")
    local, domain = local.casefold(), domain.casefold().rstrip(".")
    local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        domain = DOTS_IGNORED[domain]
        local = local.replace(".", "")
    return f"{local}@{domain}"


def is_disposable(address):
    domain = (address or "").rpartition("@")[2].casefold().rstrip(".")
    extra = {d.casefold() for d in getattr(settings, "PRIZES_DISPOSABLE_EMAIL_DOMAINS", ())}
    listed = DISPOSABLE_DOMAINS | extra
    # A subdomain of a listed domain is as disposable as the domain.
    return any(domain == d or domain.endswith(f".{d}") for d in listed)
