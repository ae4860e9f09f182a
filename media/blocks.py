from django.utils.translation import gettext_lazy as _

from home.choosers import PrefetchingSnippetChooserBlock


class PhotoChooserBlock(PrefetchingSnippetChooserBlock):
    """A contest photo; all of a gallery's photos and their images load in fixed queries."""

    snippet_model = "media.PhotoEntry"

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Photo"))
        super().__init__(**kwargs)
