from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail import hooks

from events.models import EventPage
from home.cache_purge import PAGES_SHOWING_HOOK, purge_pages, when_pages_are_kept


def _main_event_versions(main_event_keys):
    return EventPage.objects.filter(translation_key__in=main_event_keys).values_list(
        "pk", flat=True
    )


@hooks.register(PAGES_SHOWING_HOOK)
def main_events_listing_pre_events(page_ids):
    """A main event lists its pre-events, in every language it has."""
    main_events = EventPage.objects.filter(pk__in=page_ids, main_event__isnull=False).values(
        "main_event__translation_key"
    )
    return _main_event_versions(main_events)


@receiver(pre_save, sender=EventPage, dispatch_uid="events_pre_event_leaves_its_main_event")
@when_pages_are_kept
def pre_event_leaving_its_main_event(sender, instance, raw=False, **kwargs):
    """A pre-event given another main event (its row changes when it is published) leaves the
    first one's list: that main event, in every language, is purged too."""
    if raw or instance.pk is None:
        return
    before = EventPage.objects.filter(pk=instance.pk).values_list("main_event", flat=True).first()
    if before is not None and before != instance.main_event_id:
        left = EventPage.objects.filter(pk=before).values("translation_key")
        purge_pages(set(_main_event_versions(left)))
