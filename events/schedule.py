"""Event time: dates and times entered in the venue's time zone, instants stored in UTC."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from home import page_cache
from home.timezones import (
    DEFAULT_TIME_ZONE,
    END_OF_DAY,
    TIME_ZONE_CHOICES,
    days_left,
    local_instant,
)

__all__ = ["DEFAULT_TIME_ZONE", "TIME_ZONE_CHOICES", "event_bounds", "key_date", "local_instant"]


def event_bounds(start_date, end_date, start_time, end_time, all_day, zone_name):
    """(starts_at, ends_at) in UTC. All-day events run from midnight of the first day to
    midnight after the last one, as calendars count them."""
    if all_day or start_time is None or end_time is None:
        return (
            local_instant(start_date, datetime.time.min, zone_name),
            local_instant(end_date + datetime.timedelta(days=1), datetime.time.min, zone_name),
        )
    return (
        local_instant(start_date, start_time, zone_name),
        local_instant(end_date, end_time, zone_name),
    )


@dataclass(frozen=True)
class KeyDate:
    kind: str
    label: str
    at: datetime.datetime  # UTC
    local: datetime.datetime  # in the venue's time zone
    has_time: bool

    @property
    def is_future(self):
        page_cache.changes_at(self.at)
        return self.at > timezone.now()

    @property
    def days_left(self):
        return days_left(self.at)


def key_date(kind, label, day, time, zone_name):
    has_time = time is not None
    # Without a time, a deadline lasts until the end of that day at the venue.
    at = local_instant(day, time or END_OF_DAY, zone_name)
    return KeyDate(kind, label, at, at.astimezone(zoneinfo.ZoneInfo(zone_name)), has_time)
