"""The e-mails of WSIS Flash: an issue (HTML and plain text, images and links by absolute
URL, rendered once per language and sending, then given each recipient's own links), and the
messages about a subscription (confirmation, "already subscribed")."""

import re

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from newsletter import tokens
from newsletter.cards import issue_sections, root_url_of

PREFERENCES = "@@preferences_url@@"
UNSUBSCRIBE = "@@unsubscribe_url@@"
_RELATIVE_HREF = re.compile(r'(href|src)="/(?!/)')


def absolute_links(html, root_url):
    """Links written in rich text point at "/fr/…": in an e-mail they need the site."""
    return _RELATIVE_HREF.sub(lambda m: f'{m.group(1)}="{root_url}/', html)


def link(root_url, name, language, token):
    with translation.override(language):
        return root_url + reverse(name, args=[token])


def live_version(issue, language):
    """The live issue in `language`, or None."""
    locale = Locale.objects.filter(language_code=language).first()
    version = issue.get_translation_or_none(locale) if locale else None
    return version if version is not None and version.live else None


def render_issue(version, root_url):
    """(subject, text, html) of one language version, with placeholders for the links that
    differ per recipient. The cards are built now: titles are the pages' current ones."""
    language = version.locale.language_code
    with translation.override(language):
        context = {
            "issue": version,
            "sections": issue_sections(version, root_url=root_url),
            "web_url": version.get_full_url(),
            "root_url": root_url,
            "preferences_url": PREFERENCES,
            "unsubscribe_url": UNSUBSCRIBE,
            "language": language,
            "bidi": translation.get_language_bidi(),
        }
        html = render_to_string("newsletter/email/issue.html", context)
        text = render_to_string("newsletter/email/issue.txt", context)
    return version.title, text, absolute_links(html, root_url)


def issue_message(rendered, to, language, root_url, token, headers=None):
    subject, text, html = rendered
    preferences = link(root_url, "newsletter_preferences", language, token)
    unsubscribe = link(root_url, "newsletter_unsubscribe", language, token)

    def personal(content):
        return content.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe)

    message = EmailMultiAlternatives(
        subject=subject,
        body=personal(text),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[to],
        headers={
            # RFC 2369 and RFC 8058: mail programs show "Unsubscribe", which POSTs to the URL.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": language,
            **(headers or {}),
        },
    )
    message.attach_alternative(personal(html), "text/html")
    return message


class IssueMessages:
    """The messages of one sending: each language rendered once, for all its recipients."""

    def __init__(self, dispatch):
        self.dispatch = dispatch
        self.root_url = root_url_of(dispatch.issue)
        self._rendered = {}

    def rendered(self, language):
        if language not in self._rendered:
            version = live_version(self.dispatch.issue, language)
            if version is None:  # unpublished since staff sent it: the original instead
                version = self.dispatch.issue
            self._rendered[language] = render_issue(version, self.root_url)
        return self._rendered[language]

    def for_delivery(self, delivery):
        return issue_message(
            self.rendered(delivery.language),
            delivery.subscriber.email,
            delivery.language,
            self.root_url,
            tokens.subscriber_token(delivery.subscriber),
            headers={"Message-ID": delivery.message_id},
        )

    @staticmethod
    def for_test(version, address):
        """A staff member's test copy: real content, links that lead nowhere harmful."""
        root_url = root_url_of(version)
        subject, text, html = render_issue(version, root_url)
        language = version.locale.language_code
        with translation.override(language):
            prefix = _("[Test]")
        rendered = (f"{prefix} {subject}", text, html)
        return issue_message(rendered, address, language, root_url, "test")


def subscription_message(subscriber, root_url, already=False):
    """In the language the person signed up in: the confirmation link, or (to an address
    already subscribed, so that the form tells nobody who is) a link to the preferences."""
    language = subscriber.language
    with translation.override(language):
        if already:
            url = link(
                root_url, "newsletter_preferences", language, tokens.subscriber_token(subscriber)
            )
            template, subject = (
                "newsletter/email/already_subscribed.txt",
                _("Your WSIS Flash subscription"),
            )
        else:
            url = link(
                root_url, "newsletter_confirm", language, tokens.confirmation_token(subscriber)
            )
            template, subject = (
                "newsletter/email/confirm.txt",
                _("Confirm your subscription to WSIS Flash"),
            )
        body = render_to_string(template, {"url": url, "subscriber": subscriber})
    return EmailMessage(subject, body, settings.NEWSLETTER_FROM_EMAIL, [subscriber.email])
