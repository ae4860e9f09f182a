from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from media.blocks import PhotoChooserBlock
from media.models.entry import PhotoEntry


class GalleryPage(BasePage):
    """A curated set of approved photos, from one contest or several."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    photos = StreamField([("photo", PhotoChooserBlock())], blank=True, verbose_name=_("photos"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("photos")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        SynchronizedField("photos"),
    ]
    prefetched_stream_fields = ("photos",)
    parent_page_types = ["home.HomePage", "home.StandardPage", "media.PhotoContestPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("photo gallery")

    def approved_photos(self):
        """The chosen photos that are (still) approved, in the editor's order."""
        return [
            block.value
            for block in self.photos
            if block.value is not None
            and block.value.status == PhotoEntry.Status.APPROVED
            and block.value.public_image_id is not None
        ]
