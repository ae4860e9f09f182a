from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.choosers import LocalizedPageChooserBlock


class ConsultationPhaseBlock(blocks.StructBlock):
    """A phase of an open consultation process, with its dates and its meeting."""

    name = blocks.CharBlock(max_length=255, label=_("Name"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    starts = blocks.DateBlock(required=False, label=_("Starts"))
    ends = blocks.DateBlock(required=False, label=_("Ends"))
    meeting = LocalizedPageChooserBlock(
        page_type="events.EventPage", required=False, label=_("Meeting")
    )

    class Meta:
        icon = "list-ol"
        label = _("Phase")
        description = _("A phase of the consultation: its dates and its meeting, if any.")
