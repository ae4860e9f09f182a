"""What every e-mail the site sends carries, whoever wrote it (our forms, Wagtail's workflow
notifications, password resets, the newsletter), applied as the outbox records it:

- a subject without leading or trailing spaces, encoded so that mail clients read none either
  (Python's default folding put a line break, read as a space, before a long non-ASCII
  subject: every Arabic subject began with a space);
- `Auto-Submitted: auto-generated` (RFC 3834), so that out-of-office replies do not come back
  to the WSIS mailbox or to the person in Reply-To;
- a Message-ID in the site's own domain (the host of WAGTAILADMIN_BASE_URL), not the
  machine's name;
- a plain-text and an HTML part, the HTML one in the message's language (the language
  active when it was sent: each sender sends in its recipient's), right-to-left for Arabic.
"""

from email.header import Header
from email.message import Message
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

AUTO_SUBMITTED = "auto-generated"


def site_domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def clean_subject(subject):
    return " ".join(str(subject).split())


def headers_for(message):
    """The message's own headers, with those every site e-mail carries added."""
    headers = dict(message.extra_headers)
    names = {name.lower() for name in headers}
    if "message-id" not in names:
        headers["Message-ID"] = make_msgid(domain=site_domain())
    if "auto-submitted" not in names:
        headers["Auto-Submitted"] = AUTO_SUBMITTED
    return headers


def has_html(alternatives):
    return any(mimetype == "text/html" for _content, mimetype in alternatives)


def html_version(subject, text, language):
    """The plain text as an HTML part in `language`: paragraphs, links, direction."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return render_to_string(
            "outbox/email.html",
            {
                "subject": subject,
                "text": text,
                "language": translation.get_language(),
                "bidi": translation.get_language_bidi(),
            },
        )


class SiteEmailMessage(EmailMultiAlternatives):
    """Django's message, with the subject encoded for the "Subject: " that precedes it."""

    def message(self, *args, **kwargs):
        msg = super().message(*args, **kwargs)
        subject = clean_subject(self.subject)
        if not subject.isascii():
            del msg["Subject"]
            # Django refuses a folded value; the Header folds it knowing its name's length.
            Message.__setitem__(msg, "Subject", Header(subject, "utf-8", header_name="Subject"))
        return msg
