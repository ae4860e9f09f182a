"""Load everything a page's StreamFields point to in a fixed number of queries.

Wagtail converts a StreamField lazily, one top-level block type at a time, so each chooser
nested in a different block makes its own query, and a page's query count grows with the
variety of its sections. Before rendering, `PrefetchedReferences` walks the raw JSON of the
fields once, fetches every page (already localized to the reader's language), image (with its
renditions) and document in one query per model, and the chooser blocks in `home/blocks.py`
take their values from it.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.utils import translation
from wagtail import blocks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

_current: ContextVar[dict | None] = ContextVar("prefetched_references", default=None)
# The language the pages in _current were localized to.
_language: ContextVar[str | None] = ContextVar("prefetched_references_language", default=None)


def _collect(block, raw, found):
    if raw is None:
        return
    if isinstance(block, blocks.ChooserBlock):
        if isinstance(raw, int):
            found[block.model_class].add(raw)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _collect(child, raw.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # List items are stored as {"type": "item", "value": ..., "id": ...} since Wagtail 2.16.
            value = item["value"] if isinstance(item, dict) and "value" in item else item
            _collect(block.child_block, value, found)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                _collect(child, item.get("value"), found)


def collect_references(stream_values):
    """{model class: {ids}} for every chooser value in the given StreamValues."""
    found = defaultdict(set)
    for stream_value in stream_values:
        _collect(stream_value.stream_block, list(stream_value.raw_data), found)
    return found


def active_language_code():
    return get_supported_content_language_variant(translation.get_language())


def localized_pages(ids):
    """The pages with these ids, each carrying `localized_for_reader`: its live translation in
    the active language, or itself when there is none. One query."""
    if not ids:
        return {}
    language_code = active_language_code()
    translation_keys = Page.objects.filter(pk__in=ids).values("translation_key")
    rows = list(
        Page.objects.filter(
            Q(pk__in=ids)
            | Q(
                translation_key__in=translation_keys,
                locale__language_code=language_code,
                live=True,
            )
        ).select_related("locale")
    )
    in_language = {
        page.translation_key: page
        for page in rows
        if page.live and page.locale.language_code == language_code
    }
    sources = {page.pk: page for page in rows if page.pk in ids}
    for page in sources.values():
        page.localized_for_reader = in_language.get(page.translation_key, page)
    return sources


def fetch(found):
    """{model: {id: object}} for everything found. Images come last, in one query with their
    renditions, together with the images of the other objects (a partner's logo): models name
    those foreign keys in `prefetched_image_fields`."""
    image_model, document_model = get_image_model(), get_document_model()
    objects = {}
    image_ids = set(found.get(image_model, ()))
    for model, ids in found.items():
        if issubclass(model, Page):
            objects[Page] = localized_pages(ids)
        elif issubclass(model, image_model):
            continue
        elif issubclass(model, document_model):
            objects[document_model] = document_model.objects.in_bulk(ids)
        else:
            objects[model] = model.objects.in_bulk(ids)
            for field in getattr(model, "prefetched_image_fields", ()):
                image_ids.update(getattr(o, f"{field}_id") for o in objects[model].values())
    images = image_model.objects.prefetch_renditions().in_bulk(image_ids) if image_ids else {}
    objects[image_model] = images
    for model, by_id in objects.items():
        for field in getattr(model, "prefetched_image_fields", ()):
            for obj in by_id.values():
                setattr(obj, field, images.get(getattr(obj, f"{field}_id")))
    return objects


@contextmanager
def prefetched_references(stream_values, images=()):
    """Fetches what the StreamValues and the given image ids point to; yields the objects,
    {model: {id: object}}, for the caller to use for its own foreign keys."""
    found = collect_references(stream_values)
    if any(images):
        found[get_image_model()].update(pk for pk in images if pk)
    objects = fetch(found)
    token = _current.set(objects)
    language_token = _language.set(active_language_code())
    try:
        yield objects
    finally:
        _current.reset(token)
        _language.reset(language_token)


def lookup(model, ids):
    """Objects already fetched for this render, or None when nothing was prefetched or some
    id is missing (the caller then queries as usual)."""
    objects = _current.get()
    if objects is None:
        return None
    key = Page if issubclass(model, Page) else model
    known = objects.get(key, {})
    if any(pk not in known for pk in ids if pk is not None):
        return None
    return known


def localized_pages_known(ids):
    """`localized_pages(ids)`, taken from the page being rendered when it prefetched them in the
    active language (a newsletter issue's cards are its body's chosen pages), else fetched."""
    ids = set(ids)
    if _language.get() == active_language_code():
        known = lookup(Page, ids)
        if known is not None:
            return {pk: known[pk] for pk in ids}
    return localized_pages(ids)


def _joined_to_page(model):
    """True for a page type whose table links straight to Page's (every BasePage subclass)."""
    return model is not None and model is not Page and list(model._meta.parents) == [Page]


def specific_pages(pages):
    """{id: page as its own class} for these pages (fetched as Page), in ONE query whatever
    their types: each type's table joined through its link to Page (Wagtail's `.specific()`
    makes one query per type)."""
    joined = {page.specific_class for page in pages if _joined_to_page(page.specific_class)}
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).select_related(
        *(model._meta.model_name for model in joined)
    )
    found = {}
    for row in rows:
        model = row.specific_class
        found[row.pk] = getattr(row, model._meta.model_name) if model in joined else row.specific
    return found


class PrefetchedChooserMixin:
    """Takes the chosen objects from `home.prefetch` when the page prefetched them, and
    otherwise fetches all of one stream's values in one query."""

    def bulk_to_python(self, values):
        values = list(values)
        known = lookup(self.model_class, values)
        if known is None:
            known = self.fetch_in_bulk([value for value in values if value is not None])
        return [known.get(value) if value is not None else None for value in values]

    def fetch_in_bulk(self, ids):
        return self.model_class.objects.in_bulk(ids)
