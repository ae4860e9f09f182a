"""Batches of saves that bring the search index and Wagtail's reference index up to date once,
at their end: each save otherwise enqueues an update of its own, and a page saved again by each
translation and publish is indexed as many times (the demo content: about 1,800 search and
3,100 reference updates for some 700 objects, a fifth of its load time)."""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task


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
def indexed_once_each():
    """Saves in the block enqueue no index updates; at its end, where it ended without an
    error, each object saved in it gets one search- and one reference-index update (the
    tasks its saves would have enqueued, for its last state), as many as there were objects
    saved, not saves."""
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault(type(instance), set()).add(str(instance.pk))

    searched = {
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    }
    post_save.connect(remember, weak=False, dispatch_uid="home.indexing.remember")
    try:
        with indexing_paused():
            yield
    finally:
        post_save.disconnect(dispatch_uid="home.indexing.remember")
    for model, pks in saved.items():
        label = (model._meta.app_label, model._meta.model_name)
        # Not those deleted since (the tasks would fail to find them).
        kept = model._default_manager.filter(pk__in=pks).values_list("pk", flat=True)
        for pk in sorted(str(pk) for pk in kept):
            if model in searched:
                insert_or_update_object_task.enqueue(*label, pk)
            if model in ReferenceIndex.tracked_models:
                update_reference_index_task.enqueue(*label, pk)
