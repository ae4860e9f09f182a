"""Chooser blocks that fetch what they point to in bulk (see home.prefetch)."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

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
