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
    neither index while the block runs; the caller indexes them afterwards. Yields the models
    paused, {handler: models}: the handlers connected on entry are disconnected, and only they
    are connected again at the end, so that a pause inside another changes nothing (Wagtail's
    `disable_reference_index_auto_update` cannot be nested: the inner block's end turned the
    index back on for the rest of the outer one)."""
    models = models or {*index.get_indexed_models(), *ReferenceIndex.tracked_models}
    paused = {
        handler: {model for model in models if post_save.disconnect(handler, sender=model)}
        for handler in (post_save_signal_handler, update_reference_index_on_save)
    }
    try:
        yield paused
    finally:
        for handler, paused_models in paused.items():
            for model in paused_models:
                post_save.connect(handler, sender=model)


@contextmanager
def indexed_once_each():
    """Saves in the block enqueue no index updates; at its end, where it ended without an
    error, each object saved in it gets one search- and one reference-index update (the
    tasks its saves would have enqueued, for its last state), as many as there were objects
    saved, not saves. Inside another pause, nothing: the outer block's caller indexes."""
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault(type(instance), set()).add(str(instance.pk))

    post_save.connect(remember, weak=False, dispatch_uid="home.indexing.remember")
    try:
        with indexing_paused() as paused:
            yield
    finally:
        post_save.disconnect(dispatch_uid="home.indexing.remember")
    tasks = {
        insert_or_update_object_task: paused[post_save_signal_handler],
        update_reference_index_task: paused[update_reference_index_on_save],
    }
    for model, pks in saved.items():
        wanted = [task for task, models in tasks.items() if model in models]
        if not wanted:  # revisions, log entries, translation strings…: in neither index
            continue
        label = (model._meta.app_label, model._meta.model_name)
        # Not those deleted since (the tasks would fail to find them).
        kept = model._default_manager.filter(pk__in=pks).values_list("pk", flat=True)
        for pk in sorted(str(pk) for pk in kept):
            for task in wanted:
                task.enqueue(*label, pk)
