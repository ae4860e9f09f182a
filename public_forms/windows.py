"""When a public form takes submissions: its window (opening and closing instants, entered as
local dates and times in a chosen time zone) and its state, computed from the clock, never
stored. Calls, registrations and contests share it, so 23:59 means the same everywhere."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home import page_cache
from home.timezones import END_OF_DAY, days_left, local_instant


class WindowState(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Not yet open")
    OPEN = "open", _("Open")
    FULL = "full", _("Full")
    CLOSED = "closed", _("Closed")


@dataclass(frozen=True)
class Window:
    opens_at: datetime.datetime | None  # aware; None: open from publication
    closes_at: datetime.datetime | None  # aware; None: no deadline

    @classmethod
    def from_local(
        cls, time_zone, opens_on=None, opens_time=None, closes_on=None, closes_time=None
    ):
        """Opening at the start of its day unless a time is given; closing at 23:59 unless a
        time is given (the last minute a visitor can still send, in the window's time zone)."""
        opens = closes = None
        if opens_on:
            opens = local_instant(opens_on, opens_time or datetime.time.min, time_zone)
        if closes_on:
            closes = local_instant(closes_on, closes_time or END_OF_DAY, time_zone)
        return cls(opens, closes)

    def state(self, now=None, full=False):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            page_cache.changes_at(self.opens_at)
            return WindowState.NOT_YET_OPEN
        if self.closes_at and now >= self.closes_at:
            return WindowState.CLOSED
        # The page showing it (here or in a listing) is not kept past its closing.
        page_cache.changes_at(self.closes_at)
        if full:
            return WindowState.FULL
        return WindowState.OPEN

    def days_left(self, now=None):
        """Whole days left before closing, counting a started day (None without deadline)."""
        return days_left(self.closes_at, now) if self.closes_at else None
