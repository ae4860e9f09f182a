"""Events for other software: iCalendar files, Google Calendar links, schema.org JSON-LD."""

import datetime
from urllib.parse import urlencode

import icalendar
from django.utils import translation
from django.utils.html import strip_tags

from home import seo

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


_event_files = {}  # (event, its revision and publication, its URL, language) -> the file
_EVENT_FILES_KEPT = 256


def event_file(event):
    """One event's iCalendar file, as a registration's e-mail attaches it: the same for every
    registrant until the event is published again or moves, so each process keeps it (the
    time zone is built from the tz database and the file serialized anew each time: a fifth
    of a registration's CPU time)."""
    if event.last_published_at is None:  # never published through Wagtail: nothing to key on
        return event_calendar([event], None)
    key = (
        event.pk,
        event.latest_revision_id,
        event.last_published_at,
        event.get_full_url(),
        translation.get_language(),
    )
    found = _event_files.get(key)
    if found is None:
        found = event_calendar([event], None)
        if len(_event_files) >= _EVENT_FILES_KEPT:
            _event_files.clear()
        _event_files[key] = found
    return found


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


def _organizers(event):
    organizers = [ORGANIZER]
    for block in event.co_organisers:
        partner = block.value
        if partner is None or not getattr(partner, "live", True):
            continue
        partner = partner.get_translation_or_none(event.locale) or partner
        organizers.append({"@type": "Organization", "name": partner.name, "url": partner.website})
    return organizers[0] if len(organizers) == 1 else organizers


def _registration_offer(event, request):
    """Registration as a free Offer, valid from when registration opens to when it closes;
    none once it has closed (the page no longer links to it either)."""
    if not event.registration_is_open:
        return None
    page = event.registration_page
    if page is not None:
        page = page.localized.specific
        if not page.live:
            return None
        url = page.get_full_url(request)
        opens = getattr(page, "opens_at", None) or page.first_published_at
        closes = getattr(page, "closes_at", None) or event.registration_closes_at()
    elif event.registration_url:
        url = event.registration_url
        opens = None
        closes = event.registration_closes_at()
    else:
        return None
    return {
        "@type": "Offer",
        "url": url,
        "price": 0,
        "priceCurrency": "CHF",
        "availability": "https://schema.org/InStock",
        "validFrom": opens.astimezone(event.zone).isoformat() if opens else None,
        "validThrough": closes.astimezone(event.zone).isoformat() if closes else None,
    }


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
    image = None
    rendition = seo.share_rendition(event.listing_image)
    if rendition is not None:
        image = [request.build_absolute_uri(rendition.url) if request else rendition.url]
    offer = _registration_offer(event, request)
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
        "image": image,
        "organizer": _organizers(event),
        "isAccessibleForFree": True,
        "offers": offer,
    }
    return seo.json_ld(data)
