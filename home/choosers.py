"""Chooser blocks that fetch what they point to in bulk (see home.prefetch)."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home import prefetch


class PrefetchingImageChooserBlock(prefetch.PrefetchedChooserMixin, ImageChooserBlock):
    def fetch_in_bulk(self, ids):
        return self.model_class.objects.prefetch_renditions().in_bulk(ids)


class PrefetchingDocumentChooserBlock(prefetch.PrefetchedChooserMixin, DocumentChooserBlock):
    pass


class LocalizedPageChooserBlock(prefetch.PrefetchedChooserMixin, blocks.PageChooserBlock):
    """A page link that leads to the reader's language.

    wagtail-localize keeps page choosers synchronised (they point at the English page); the
    live translation in the active language is attached as `localized_for_reader` for all
    links at once, instead of one `page.localized` query per link. The stored value stays the
    chosen page, so the admin still edits what the editor chose.
    """

    def fetch_in_bulk(self, ids):
        return prefetch.localized_pages(ids)


class PrefetchingSnippetChooserBlock(prefetch.PrefetchedChooserMixin, SnippetChooserBlock):
    """A chooser for one snippet model, named by `snippet_model` on the subclass. Its values
    load in bulk through the model's `prefetch_queryset()` (with what rendering them needs)."""

    snippet_model = None

    def __init__(self, **kwargs):
        super().__init__(self.snippet_model, **kwargs)

    def fetch_in_bulk(self, ids):
        return self.model_class.prefetch_queryset().in_bulk(ids)

    def deconstruct(self):
        # The target is fixed by the class: migrations need not repeat it.
        path, _args, kwargs = super().deconstruct()
        return path, (), kwargs
