"""When a call takes submissions: its state is computed from the clock, never stored."""

from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.timezones import days_left


class CallState(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Not yet open")
    OPEN = "open", _("Open")
    FULL = "full", _("Full")
    CLOSED = "closed", _("Closed")


@dataclass(frozen=True)
class Window:
    opens_at: object  # aware datetime or None: open from publication
    closes_at: object  # aware datetime or None: no deadline

    def state(self, now=None, full=False):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return CallState.NOT_YET_OPEN
        if self.closes_at and now >= self.closes_at:
            return CallState.CLOSED
        if full:
            return CallState.FULL
        return CallState.OPEN

    def days_left(self, now=None):
        """Whole days left before closing, counting a started day (None without deadline)."""
        return days_left(self.closes_at, now) if self.closes_at else None
