from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock

from home import prefetch


class PhotoChooserBlock(prefetch.PrefetchedChooserMixin, SnippetChooserBlock):
    """A contest photo; all of a gallery's photos and their images load in fixed queries."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Photo"))
        super().__init__("media.PhotoEntry", **kwargs)

    def fetch_in_bulk(self, ids):
        return (
            self.model_class.objects.select_related("public_image")
            .prefetch_related("public_image__renditions")
            .in_bulk(ids)
        )

    def deconstruct(self):
        path, _args, kwargs = super().deconstruct()
        return path, (), kwargs
