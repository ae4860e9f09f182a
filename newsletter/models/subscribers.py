"""Who receives WSIS Flash: an address, confirmed by its owner (double opt-in), in the
languages they chose; every consent given or withdrawn, with its time and the exact words
the person was shown."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_secret():
    return secrets.token_hex(16)


class SubscriberQuerySet(models.QuerySet):
    def receiving(self, language=None):
        """Confirmed and not unsubscribed: nobody else is ever sent an issue."""
        receiving = self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        if language is not None:
            receiving = receiving.filter(languages__language=language)
        return receiving


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        SUBSCRIBED = "subscribed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(max_length=254, unique=True, verbose_name=_("e-mail address"))
    # The language the person signed up in: e-mails about the subscription itself use it.
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, verbose_name=_("language")
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed up"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("confirmed"))
    unsubscribed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("unsubscribed"))
    # In every link sent to this person; a new secret makes every earlier link worthless.
    secret = models.CharField(max_length=32, default=new_secret, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @staticmethod
    def normalise(address):
        """One row per mailbox whatever the letter case it is typed in (mail providers ignore
        case before the "@" too), so that nobody is subscribed, and sent an issue, twice."""
        return (address or "").strip().lower()

    @property
    def status(self):
        if self.unsubscribed_at:
            return self.Status.UNSUBSCRIBED
        if self.confirmed_at:
            return self.Status.SUBSCRIBED
        return self.Status.PENDING

    def get_status_display(self):
        return self.Status(self.status).label

    @property
    def is_receiving(self):
        return self.status == self.Status.SUBSCRIBED

    def language_codes(self):
        order = [code for code, _name in settings.LANGUAGES]
        codes = {row.language for row in self.languages.all()}
        return [code for code in order if code in codes]

    def set_languages(self, codes):
        self.languages.exclude(language__in=codes).delete()
        for code in codes:
            SubscriberLanguage.objects.get_or_create(subscriber=self, language=code)

    def record_consent(self, action, wording, language, languages=None):
        return ConsentRecord.objects.create(
            subscriber=self,
            action=action,
            wording=str(wording),
            language=language,
            languages=list(languages if languages is not None else self.language_codes()),
        )


class SubscriberLanguage(models.Model):
    """One language a subscriber receives WSIS Flash in."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "language"], name="newsletter_one_row_per_language"
            )
        ]

    def __str__(self):
        return self.language


class ConsentRecord(models.Model):
    class Action(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        CONFIRMED = "confirmed", _("Confirmed")
        CHANGED = "changed", _("Changed languages")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    at = models.DateTimeField(default=timezone.now, verbose_name=_("time"))
    action = models.CharField(max_length=16, choices=Action.choices, verbose_name=_("action"))
    # The words on the screen when the person acted, in the language they read them in.
    wording = models.TextField(verbose_name=_("wording shown"))
    language = models.CharField(max_length=10, verbose_name=_("language of the wording"))
    languages = models.JSONField(default=list, verbose_name=_("languages chosen"))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("consent record")

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"
