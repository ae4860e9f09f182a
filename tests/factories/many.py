"""Making hundreds of pages quickly, for the tests that count a listing's queries with 10 and
with 500 items: what the listing does not read is not kept up to date while they are made."""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import signal_handlers as search_signals
from modelsearch.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def without_indexing(*models):
    """Saves of `models` update neither Wagtail's reference index (where an object is used,
    for editors) nor the search index; `index_now` indexes them afterwards in one go where the
    test searches."""
    with disable_reference_index_auto_update():
        for model in models:
            post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
        try:
            yield
        finally:
            for model in models:
                post_save.connect(search_signals.post_save_signal_handler, sender=model)


def index_now(model, objects):
    get_search_backend().add_bulk(model, list(objects))
