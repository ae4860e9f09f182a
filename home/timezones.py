"""Wall-clock times at a place, as editors enter them, and the UTC instants we store."""

import datetime
import math
import zoneinfo

# Every IANA zone, for the editor's choice; Geneva (Europe/Zurich) is the usual one.
TIME_ZONE_CHOICES = [
    (name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())
]
DEFAULT_TIME_ZONE = "Europe/Zurich"
# A deadline given as a day only lasts until this time of that day, at the place: what
# visitors are told ("closes on 10 May at 23:59"), the same for calls, contests and key dates.
END_OF_DAY = datetime.time(23, 59)


def local_instant(day, time, zone_name):
    """The UTC instant of a wall-clock `time` on `day` in `zone_name`."""
    zone = zoneinfo.ZoneInfo(zone_name)
    return datetime.datetime.combine(day, time, tzinfo=zone).astimezone(datetime.UTC)


def days_left(instant, now=None):
    """Whole days left before `instant`, counting a started day (0 once it has passed)."""
    from django.utils import timezone

    seconds = (instant - (now or timezone.now())).total_seconds()
    return max(0, math.ceil(seconds / 86400))
