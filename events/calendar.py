"""Events for other software: iCalendar files, Google Calendar links, schema.org JSON-LD."""

import datetime
import json
from urllib.parse import urlencode

import icalendar
from django.utils.html import strip_tags

PRODUCT_ID = "-//ITU//WSIS site//EN"
ORGANIZER = {"@type": "Organization", "name": "ITU", "url": "https://www.itu.int/"}


def _description(event, url):
    return f"{event.summary}\n\n{url}" if event.summary else url


def ical_event(event, request):
    url = event.get_full_url(request)
    item = icalendar.Event()
    # One UID for every language version: a calendar that has the event keeps one copy.
    item.add("uid", f"{event.translation_key}@wsis")
    item.add("summary", event.title)
    item.add("description", _description(event, url))
    item.add("url", url)
    if event.place:
        item.add("location", event.place)
    if event.latitude is not None and event.longitude is not None:
        item.add("geo", (float(event.latitude), float(event.longitude)))
    if event.all_day:
        item.add("dtstart", event.start_date)
        # DTEND of an all-day event is the day after the last one (RFC 5545, 3.6.1).
        item.add("dtend", event.end_date + datetime.timedelta(days=1))
    else:
        item.add("dtstart", event.starts_at.astimezone(event.zone))
        item.add("dtend", event.ends_at.astimezone(event.zone))
    item.add(
        "dtstamp", event.last_published_at or event.latest_revision_created_at or event.starts_at
    )
    item.add("status", "CONFIRMED")
    return item


def event_calendar(events, request, name=None):
    """An iCalendar (RFC 5545) file with the events and the time zones they need."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(ical_event(event, request))
    cal.add_missing_timezones()
    return cal.to_ical()


def google_calendar_url(event, request):
    if event.all_day:
        dates = "/".join(
            d.strftime("%Y%m%d")
            for d in (event.start_date, event.end_date + datetime.timedelta(days=1))
        )
    else:
        dates = "/".join(d.strftime("%Y%m%dT%H%M%SZ") for d in (event.starts_at, event.ends_at))
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "details": _description(event, event.get_full_url(request)),
        "location": event.place,
        "ctz": event.time_zone,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def json_ld(event, request):
    """schema.org Event, for search engines."""
    if event.all_day:
        start, end = event.start_date.isoformat(), event.end_date.isoformat()
    else:
        start = event.starts_at.astimezone(event.zone).isoformat()
        end = event.ends_at.astimezone(event.zone).isoformat()
    url = event.get_full_url(request)
    places = []
    if not event.online_only:
        places.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street_address,
                    "postalCode": event.postal_code,
                    "addressLocality": event.city,
                    "addressCountry": event.country.code if event.country else "",
                },
            }
        )
        if event.latitude is not None and event.longitude is not None:
            places[0]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.latitude),
                "longitude": float(event.longitude),
            }
    if event.offers_remote_participation:
        places.append({"@type": "VirtualLocation", "url": event.remote_participation_url or url})
    if event.online_only:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    elif event.remote_participation:
        mode = "https://schema.org/MixedEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.summary),
        "url": url,
        "inLanguage": event.locale.language_code,
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "location": places[0] if len(places) == 1 else places,
        "organizer": ORGANIZER,
    }
    # Safe inside <script>: no "</" can close the element early.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
