"""A contest page shows its published scoring criteria, which reference it (not the other way
round): a criterion saved or deleted purges the contest's pages in every language
(home.cache_purge.purge_pages)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from home import cache_purge


@cache_purge.when_pages_are_kept
def _criterion_changed(sender, instance, **kwargs):
    contests = Page.objects.filter(pk=instance.contest_id).values("translation_key")
    cache_purge.purge_pages(
        Page.objects.filter(translation_key__in=contests).values_list("pk", flat=True)
    )


def connect():
    from juries.models import Criterion

    for signal in (post_save, post_delete):
        signal.connect(_criterion_changed, sender=Criterion, dispatch_uid="juries_criterion_purge")
