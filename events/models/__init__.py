from events.choices import EVENT_TYPES, EventStatus
from events.models.event import EventPage
from events.models.index import EventIndexPage

__all__ = ["EVENT_TYPES", "EventIndexPage", "EventPage", "EventStatus"]
