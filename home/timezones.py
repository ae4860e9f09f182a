"""Wall-clock times at a place, as editors enter them, and the UTC instants we store."""

import datetime
import math
import zoneinfo

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

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

    from home import page_cache

    seconds = (instant - (now or timezone.now())).total_seconds()
    days = max(0, math.ceil(seconds / 86400))
    if days:
        # "3 days left" becomes "2 days left" then: a page showing it is not kept longer.
        page_cache.changes_at(instant - datetime.timedelta(days=days - 1))
    return days


# Where a time zone's clock is read, as readers know it: Geneva, not "Europe/Zurich". Zones
# not listed are named by their IANA city ("America/New_York" → "New York"). The context lets
# a language give the form "<place> time" needs (Russian: "время Женевы").
ZONE_PLACES = {
    "Europe/Zurich": pgettext_lazy("time zone of", "Geneva"),
    "Europe/Paris": pgettext_lazy("time zone of", "Paris"),
    "Europe/London": pgettext_lazy("time zone of", "London"),
    "Europe/Moscow": pgettext_lazy("time zone of", "Moscow"),
    "America/New_York": pgettext_lazy("time zone of", "New York"),
    "Asia/Seoul": pgettext_lazy("time zone of", "Seoul"),
    "Asia/Shanghai": pgettext_lazy("time zone of", "Beijing"),
    "Asia/Dubai": pgettext_lazy("time zone of", "Dubai"),
    "Africa/Tunis": pgettext_lazy("time zone of", "Tunis"),
    "Africa/Cairo": pgettext_lazy("time zone of", "Cairo"),
}


def utc_offset_label(offset: datetime.timedelta) -> str:
    """UTC+2, UTC-5, UTC+5:30, UTC."""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(zone_name: str, at: datetime.datetime | None = None) -> str:
    """ "Geneva time (CEST, UTC+2)" in the active language, for the clock of `zone_name` at the
    instant `at` (summer or winter time; now when not given)."""
    from django.utils import timezone

    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zone_name
    local = (at or timezone.now()).astimezone(zone)
    offset = utc_offset_label(local.utcoffset())
    if zone_name == "UTC":
        return str(_("Coordinated Universal Time (UTC)"))
    place = ZONE_PLACES.get(zone_name) or zone_name.rsplit("/", 1)[-1].replace("_", " ")
    abbreviation = local.tzname() or ""
    # Zones without a letter abbreviation give their offset ("+04"): say it once.
    if not abbreviation or abbreviation[0] in "+-":
        return _("%(place)s time (%(offset)s)") % {"place": place, "offset": offset}
    return _("%(place)s time (%(abbreviation)s, %(offset)s)") % {
        "place": place,
        "abbreviation": abbreviation,
        "offset": offset,
    }
