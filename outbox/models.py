"""Every e-mail the site sends, recorded in the transaction that caused it, sent by a task."""

import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from outbox import composition

# Seconds to wait before each retry: a minute, five, half an hour, two hours, six, a day.
RETRY_DELAYS = [60, 300, 1800, 7200, 21600, 86400]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# A message "sending" for longer than this was being sent by a worker that died.
STALE_AFTER = timedelta(minutes=10)


class OutboxMessage(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Failed, will retry")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=pgettext_lazy("site", "created")
    )
    state = models.CharField(
        max_length=16,
        choices=State.choices,
        default=State.QUEUED,
        db_index=True,
        verbose_name=_("state"),
    )
    from_email = models.CharField(max_length=255, verbose_name=_("from"))
    to = models.JSONField(default=list, verbose_name=_("to"))
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=10, blank=True, verbose_name=_("language"))
    subject = models.CharField(max_length=998, verbose_name=pgettext_lazy("site", "subject"))
    body = models.TextField(verbose_name=_("body"))
    # [[content, mimetype]], e.g. the HTML version of Wagtail's notifications.
    alternatives = models.JSONField(default=list, blank=True)
    # [{"name", "path", "mimetype"}]: the files themselves are in private storage.
    attachments = models.JSONField(default=list, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("next attempt"))
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent"))

    class Meta:
        verbose_name = _("e-mail message")
        verbose_name_plural = _("e-mail outbox")
        ordering = ["-created_at"]
        permissions = [("resend_outboxmessage", "Can resend e-mails from the outbox")]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def recipients(self):
        return ", ".join(self.to + self.cc + self.bcc)

    @classmethod
    def record(cls, message):
        """Stores a Django EmailMessage as it is, attachments in private storage."""
        attachments = []
        for attachment in message.attachments:
            if isinstance(attachment, tuple | list):
                name, content, mimetype = attachment
            else:  # a MIMEBase part
                name = attachment.get_filename() or "attachment"
                content, mimetype = (
                    attachment.get_payload(decode=True),
                    attachment.get_content_type(),
                )
            data = content.encode() if isinstance(content, str) else content
            path = storages["private"].save(
                f"outbox/{uuid.uuid4().hex}/{name}", ContentFile(data, name=name)
            )
            attachments.append({"name": name, "path": path, "mimetype": mimetype or ""})
        language = translation.get_language() or ""
        subject = composition.clean_subject(message.subject)[:998]
        alternatives = [[str(c), m] for c, m in getattr(message, "alternatives", [])]
        if message.content_subtype == "html":
            # An HTML-only message: the HTML becomes the alternative of a plain text.
            alternatives.append([str(message.body), "text/html"])
            body = strip_tags(str(message.body))
        else:
            body = str(message.body)
        if not composition.has_html(alternatives):
            alternatives.append([composition.html_version(subject, body, language), "text/html"])
        return cls.objects.create(
            from_email=message.from_email,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            headers=composition.headers_for(message),
            language=language,
            subject=subject,
            body=body,
            alternatives=alternatives,
            attachments=attachments,
        )

    def retry_delay(self):
        """Seconds until the next attempt after `attempts` failures, or None to give up."""
        if self.attempts >= MAX_ATTEMPTS:
            return None
        return RETRY_DELAYS[min(self.attempts, len(RETRY_DELAYS)) - 1]

    def due(self, now=None):
        return self.next_attempt_at is None or self.next_attempt_at <= (now or timezone.now())
