import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from home.choosers import LocalizedPageChooserBlock


class ConsultationPhaseBlock(blocks.StructBlock):
    """A phase of an open consultation process, with its dates and its meeting."""

    name = blocks.CharBlock(max_length=255, label=pgettext_lazy("site", "Name"))
    description = blocks.TextBlock(required=False, label=pgettext_lazy("site", "Description"))
    starts = blocks.DateBlock(required=False, label=_("Starts"))
    ends = blocks.DateBlock(required=False, label=_("Ends"))
    meeting = LocalizedPageChooserBlock(
        page_type="events.EventPage", required=False, label=_("Meeting")
    )

    class Meta:
        icon = "list-ol"
        label = _("Phase")
        description = _("A phase of the consultation: its dates and its meeting, if any.")
        preview_value = {
            "name": "Online submissions",
            "description": "Governments, the private sector, civil society, academia and "
            "international organizations propose themes and workshops for the WSIS Forum 2017.",
            "starts": datetime.date(2016, 10, 24),
            "ends": datetime.date(2017, 2, 6),
            "meeting": None,
        }
        # As the call page lists its phases (calls/call_page.html).
        preview_template = "calls/blocks/previews/phase.html"
