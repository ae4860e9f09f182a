"""Sending an issue: one Dispatch per issue, one Delivery row per subscriber and language.

The Delivery row is what makes a crash harmless: it exists once (unique constraint), is
claimed by one conditional UPDATE before its SMTP conversation begins, and moves to
`handing_over` just before the message's final "." is sent, the moment after which the mail
server may have accepted it. See newsletter/delivery.py and the README's delivery guarantee."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Dispatch(models.Model):
    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")
        CANCELLED = "cancelled", pgettext_lazy("site", "Cancelled")

    issue = models.ForeignKey(
        "newsletter.FlashIssuePage",
        on_delete=models.CASCADE,
        related_name="dispatches",
        verbose_name=_("issue"),
    )
    state = models.CharField(
        max_length=16, choices=State.choices, default=State.SCHEDULED, verbose_name=_("state")
    )
    send_at = models.DateTimeField(default=timezone.now, verbose_name=_("send at"))
    # The language versions that were live when staff sent it: each goes to its subscribers.
    languages = models.JSONField(default=list, verbose_name=_("languages"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished"))

    class Meta:
        verbose_name = _("sending")
        verbose_name_plural = _("sendings")
        ordering = ["-send_at", "-pk"]
        permissions = [("send_dispatch", "Can send WSIS Flash issues")]
        constraints = [
            # An issue goes out once: a second "Send" cannot start a second round of copies.
            models.UniqueConstraint(
                fields=["issue"],
                condition=~Q(state="cancelled"),
                name="newsletter_one_dispatch_per_issue",
            )
        ]

    def __str__(self):
        return f"{self.issue} ({self.get_state_display()})"

    def counts(self):
        """{state: number of deliveries} and the total."""
        rows = self.deliveries.values("state").annotate(n=models.Count("pk")).order_by()
        counts = {state: 0 for state in Delivery.State.values}
        counts.update({row["state"]: row["n"] for row in rows})
        counts["total"] = sum(counts[state] for state in Delivery.State.values)
        return counts


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CLAIMED = "claimed", _("Being sent")
        HANDING_OVER = "handing_over", _("Handed to the mail server")
        SENT = "sent", _("Sent")
        UNCERTAIN = "uncertain", _("Uncertain (worker stopped while the server answered)")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent: unsubscribed meanwhile")

    dispatch = models.ForeignKey(Dispatch, on_delete=models.CASCADE, related_name="deliveries")
    # Deleting a subscriber (a data-protection request) deletes their deliveries too.
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    language = models.CharField(max_length=10, verbose_name=_("language"))
    state = models.CharField(
        max_length=16, choices=State.choices, default=State.PENDING, verbose_name=_("state")
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["dispatch", "subscriber", "language"],
                name="newsletter_one_delivery_per_recipient",
            )
        ]
        indexes = [models.Index(fields=["dispatch", "state"])]

    def __str__(self):
        return f"{self.subscriber_id}/{self.language}"

    @property
    def message_id(self):
        """The same Message-ID whenever this delivery is sent: mailbox providers that drop
        duplicates drop a copy staff chose to send again."""
        return f"<flash-{self.dispatch_id}-{self.pk}@{settings.NEWSLETTER_MESSAGE_ID_DOMAIN}>"
