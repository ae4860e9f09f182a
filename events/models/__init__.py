from events.models.event import EVENT_TYPES, EventPage, EventStatus
from events.models.index import EventIndexPage

__all__ = ["EVENT_TYPES", "EventIndexPage", "EventPage", "EventStatus"]
