"""Batches of saves that bring the search index and Wagtail's reference index up to date once,
at their end: each save otherwise enqueues an update of its own, and a page saved again by each
translation and publish is indexed as many times (the demo content: about 1,800 search and
3,100 reference updates for some 700 objects, a third of its load time)."""

from contextlib import contextmanager

from django.core.management import call_command
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save


@contextmanager
def indexing_paused(*models):
    """Saves of `models` (by default, of every model either index keeps up to date) update
    neither index while the block runs; the caller indexes them afterwards. (Its handlers are
    disconnected, where Wagtail's `disable_reference_index_auto_update` cannot be nested: the
    inner block's end turns the index back on for the rest of the outer one.)"""
    models = models or {*index.get_indexed_models(), *ReferenceIndex.tracked_models}
    handlers = (post_save_signal_handler, update_reference_index_on_save)
    for model in models:
        for handler in handlers:
            post_save.disconnect(handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            if getattr(model, "search_auto_update", True) and model in index.get_indexed_models():
                post_save.connect(post_save_signal_handler, sender=model)
            if model in ReferenceIndex.tracked_models:
                post_save.connect(update_reference_index_on_save, sender=model)


@contextmanager
def indexed_once_at_the_end():
    """`indexing_paused` for every model, then both indexes rebuilt whole, where the block
    ended without an error."""
    with indexing_paused():
        yield
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
