"""Wall-clock times at a place, as editors enter them, and the UTC instants we store."""

import datetime
import zoneinfo

# Every IANA zone, for the editor's choice; Geneva (Europe/Zurich) is the usual one.
TIME_ZONE_CHOICES = [
    (name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())
]
DEFAULT_TIME_ZONE = "Europe/Zurich"


def local_instant(day, time, zone_name):
    """The UTC instant of a wall-clock `time` on `day` in `zone_name`."""
    zone = zoneinfo.ZoneInfo(zone_name)
    return datetime.datetime.combine(day, time, tzinfo=zone).astimezone(datetime.UTC)
