"""What the public may type: the input policy every public form applies (through
public_forms.forms.PublicFormMixin) and the query parameters of every page (through
public_forms.middleware).

- Lengths: a one-line answer at most 255 characters, a long answer (a textarea) at most 10,000,
  a number at most 255 characters; an e-mail address at most 254 characters, 64 before the "@"
  (RFC 5321: what a mail server accepts).
- Control characters (C0, DEL, C1: NUL, escape, backspace…) are refused everywhere, except tab
  and line breaks in long answers.
- A one-line answer (a name, a title, an address: what lands in e-mail headers, admin listings
  and spreadsheet cells) holds no line break or tab, and none of the explicit text-direction
  controls (embeddings, overrides, isolates: U+202A–U+202E, U+2066–U+2069), which can make
  “photo‮gpj.exe” read as “photoexe.jpg”. They are refused, not removed: the visitor sees why,
  and what we store is what was typed. The implicit marks (U+200E, U+200F, U+061C) that
  Arabic text needs are accepted. A long answer may hold direction controls too: mixed Arabic
  and Latin paragraphs can need them, and a paragraph ends whatever they started.
"""

import re

import idna
from django.core.exceptions import ValidationError
from django.core.mail.message import sanitize_address
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 10_000
EMAIL_MAX_LENGTH = 254
EMAIL_LOCAL_PART_MAX_LENGTH = 64

# C0 controls but tab, line feed and carriage return; DEL; C1 controls.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_BREAKS_AND_TABS = re.compile("[\t\n\r\u2028\u2029]")
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def has_control_characters(value):
    return bool(CONTROL_CHARACTERS.search(value))


@deconstructible
class TextPolicyValidator:
    """No control character; in a one-line answer, no line break, tab or direction control."""

    def __init__(self, multiline=False):
        self.multiline = multiline

    def __call__(self, value):
        if not isinstance(value, str):
            return
        if has_control_characters(value):
            raise ValidationError(
                _("Remove the invisible control characters from this answer."),
                code="control_characters",
            )
        if self.multiline:
            return
        if LINE_BREAKS_AND_TABS.search(value):
            raise ValidationError(_("This answer must fit on one line."), code="line_break")
        if DIRECTION_CONTROLS.search(value):
            raise ValidationError(
                _("Remove the invisible text-direction characters from this answer."),
                code="direction_controls",
            )

    def __eq__(self, other):
        return isinstance(other, TextPolicyValidator) and other.multiline == self.multiline


@deconstructible
class MaxTextLengthValidator(MaxLengthValidator):
    """The length of a value once written out (a number, say), worded as Django words it."""

    def clean(self, x):
        return len(str(x))


def validate_email_length(value):
    """What a mail server accepts (RFC 5321): 254 characters in all, 64 before the "@"."""
    if not value:
        return
    local_part = value.rpartition("@")[0]
    if len(value) > EMAIL_MAX_LENGTH or len(local_part) > EMAIL_LOCAL_PART_MAX_LENGTH:
        raise ValidationError(
            _(
                "An e-mail address has at most %(total)s characters, and at most %(local)s "
                "before the “@”."
            ),
            code="email_too_long",
            params={"total": EMAIL_MAX_LENGTH, "local": EMAIL_LOCAL_PART_MAX_LENGTH},
        )


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
