from wagtail import hooks

from events.models import EventPage
from home.cache_purge import PAGES_SHOWING_HOOK


@hooks.register(PAGES_SHOWING_HOOK)
def main_events_listing_pre_events(page_ids):
    """A main event lists its pre-events, in every language it has."""
    main_events = EventPage.objects.filter(pk__in=page_ids, main_event__isnull=False).values(
        "main_event__translation_key"
    )
    return EventPage.objects.filter(translation_key__in=main_events).values_list("pk", flat=True)
