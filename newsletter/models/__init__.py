from newsletter.models.issue import FlashArchivePage, FlashIssuePage
from newsletter.models.sending import Delivery, Dispatch
from newsletter.models.subscribers import ConsentRecord, Subscriber, SubscriberLanguage

__all__ = [
    "ConsentRecord",
    "Delivery",
    "Dispatch",
    "FlashArchivePage",
    "FlashIssuePage",
    "Subscriber",
    "SubscriberLanguage",
]
