"""An issue's sections, ready for the web version and the e-mail: its headings and text as
written, and each chosen page as a card made from that page's own fields as they are NOW
(title, listing summary, listing image, type and dates), in the issue's language. A fixed
number of queries whatever the number of cards."""

import datetime
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urljoin

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from calls.models import CallPage
from events.models import EventPage
from home import prefetch
from media.models import PhotoContestPage
from prizes.models import PrizesContestPage

CARD_IMAGE = "fill-560x280"


@dataclass
class Card:
    title: str
    url: str
    kind: str = ""
    when: str = ""
    summary: str = ""
    image_url: str = ""


@dataclass
class Section:
    type: str  # "heading", "text" or "cards"
    value: object = None
    heading: str = ""
    level: str = "h2"
    cards: list = None


def _card_ids(issue):
    ids = []
    for block in issue.body.raw_data:
        if block.get("type") == "cards":
            for item in block.get("value", {}).get("pages", []):
                value = item.get("value") if isinstance(item, dict) else item
                if isinstance(value, int):
                    ids.append(value)
    return ids


def _day(value, zone=None):
    if value is None:
        return ""
    local = timezone.localtime(value, zone) if zone else value
    return date_format(local.date(), "DATE_FORMAT")


def _span(starts, ends, zone):
    first, last = _day(starts, zone), _day(ends, zone)
    return first if not last or first == last else f"{first} – {last}"


def _zone(page):
    try:
        return zoneinfo.ZoneInfo(page.time_zone)
    except (AttributeError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def _kind_and_when(page, now):
    """What the card says the page is, and when, in the active language."""
    zone = _zone(page)
    if isinstance(page, EventPage):
        when = _span(page.starts_at, page.ends_at, zone)
        place = page.city or (_("Online") if page.offers_remote_participation else "")
        return page.get_event_type_display(), " · ".join(p for p in (when, place) if p)
    if isinstance(page, CallPage):
        if page.closes_at:
            return page.get_kind_display(), _("Closes on %(date)s") % {
                "date": _day(page.closes_at, zone)
            }
        return page.get_kind_display(), ""
    if isinstance(page, PrizesContestPage):
        phases = [(label, start, end) for label, start, end in page.phases() if start]
        current = next((p for p in phases if p[2] and p[1] <= now < p[2]), None)
        upcoming = next((p for p in phases if p[1] > now), None)
        # Over: the last phase that began (the results, usually).
        past = [p for p in phases if p[1] <= now]
        label, start, end = current or upcoming or (past[-1] if past else (None, None, None))
        when = f"{label}: {_span(start, end, zone)}" if label else ""
        return _("WSIS Prizes"), when
    if isinstance(page, PhotoContestPage):
        return _("Photo contest"), _span(page.opens_at, page.closes_at, zone)
    if hasattr(page, "card_facts"):  # publications, news: their type, then a year or date
        kind, *rest = page.card_facts
        when = rest[0] if rest else ""
        if isinstance(when, datetime.date):
            when = date_format(when, "DATE_FORMAT")
        return str(kind), str(when)
    # Whatever joins later: its type's name and the day it was first published.
    date = getattr(page, "date", None) or page.first_published_at
    when = date_format(date, "DATE_FORMAT") if date else ""
    return str(page.specific_class._meta.verbose_name).capitalize(), when


def _image_id(page):
    """The card's image: the listing image, else the page's own (a cover, a news photo)."""
    for name in ("listing_image_id", "cover_image_id", "image_id"):
        if getattr(page, name, None):
            return getattr(page, name)
    return None


def _absolute(url, root_url):
    return urljoin(root_url + "/", url) if url else ""


def cards_for(ids, language, root_url, request=None):
    """{chosen page id: Card} for the live pages among `ids`, each in `language` where it has
    a live translation."""
    with translation.override(language):
        chosen = prefetch.localized_pages_known(ids)
        targets = {pk: page.localized_for_reader for pk, page in chosen.items()}
        specific = prefetch.specific_pages([page for page in targets.values() if page.live])
        image_ids = {_image_id(p) for p in specific.values()}
        images = (
            get_image_model().objects.prefetch_renditions(CARD_IMAGE).in_bulk(image_ids - {None})
        )
        now = timezone.now()
        cards = {}
        for chosen_id, target in targets.items():
            page = specific.get(target.pk)
            if page is None:
                continue
            kind, when = _kind_and_when(page, now)
            card = Card(
                title=page.title,
                url=page.get_full_url(request),
                kind=kind,
                when=when,
                summary=page.listing_summary or getattr(page, "summary", "") or "",
            )
            image = images.get(_image_id(page))
            if image is not None:
                rendition = image.get_rendition(CARD_IMAGE)
                # Decorative beside the card's title (alt=""), so it needs no text of its own.
                card.image_url = _absolute(rendition.url, root_url)
            cards[chosen_id] = card
        return cards


def root_url_of(page, request=None):
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    site = page.get_site()
    return site.root_url if site else ""


def issue_sections(issue, request=None, root_url=None):
    """The issue's body as Sections; cards in the issue's language."""
    language = issue.locale.language_code
    root_url = root_url or root_url_of(issue, request)
    cards = cards_for(_card_ids(issue), language, root_url, request)
    sections = []
    for block in issue.body.raw_data:
        kind, value = block.get("type"), block.get("value")
        if kind == "heading":
            sections.append(
                Section("heading", heading=value.get("text", ""), level=value.get("level", "h2"))
            )
        elif kind == "text":
            sections.append(
                Section("text", value=issue.body.stream_block.child_blocks["text"].to_python(value))
            )
        elif kind == "cards":
            chosen = [
                item.get("value") if isinstance(item, dict) else item
                for item in value.get("pages", [])
            ]
            section_cards = [cards[pk] for pk in chosen if pk in cards]
            if section_cards:
                sections.append(
                    Section("cards", heading=value.get("heading", ""), cards=section_cards)
                )
    return sections
