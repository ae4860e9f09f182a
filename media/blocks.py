from django.apps import apps
from django.utils.translation import gettext_lazy as _

from home.choosers import PrefetchingSnippetChooserBlock


class PhotoChooserBlock(PrefetchingSnippetChooserBlock):
    """A contest photo; all of a gallery's photos and their images load in fixed queries."""

    snippet_model = "media.PhotoEntry"

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Photo"))
        super().__init__(**kwargs)

    def get_preview_value(self):
        """The latest approved photo, or None while no contest has one (the preview then says
        where the photo will appear)."""
        entry_model = apps.get_model("media", "PhotoEntry")
        return (
            entry_model.prefetch_queryset()
            .filter(status=entry_model.Status.APPROVED, public_image__isnull=False)
            .order_by("-decided_at", "-pk")
            .first()
        )

    class Meta:
        description = _("An approved photo from a photo contest.")
        # As the gallery page shows its photos (media/gallery_page.html).
        preview_template = "media/blocks/previews/photo.html"
