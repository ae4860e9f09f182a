"""Blocks of an event page: its programme (tracks of sessions) and its key dates."""

import datetime

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from events import schedule
from home.blocks import BodyBlock
from home.section_blocks import PartnerChooserBlock, PartnerStripBlock, preview_partners

# Samples for the block picker's previews.
OPENING_SESSION = {
    "day": datetime.date(2017, 6, 13),
    "starts": datetime.time(9, 0),
    "ends": datetime.time(10, 30),
    "room": "Popov Room, ITU headquarters",
    "title": "Opening ceremony of the WSIS Forum 2017",
    "description": "Welcome by the heads of ITU, UNESCO, UNCTAD and UNDP.",
}


class SessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("Day"))
    starts = blocks.TimeBlock(label=_("Starts"), help_text=_("Local time at the venue."))
    ends = blocks.TimeBlock(label=_("Ends"))
    room = blocks.CharBlock(required=False, max_length=255, label=_("Room"))
    title = blocks.CharBlock(max_length=255, label=pgettext_lazy("site", "Title"))
    description = blocks.TextBlock(required=False, label=pgettext_lazy("site", "Description"))

    def clean(self, value):
        value = super().clean(value)
        if value["starts"] and value["ends"] and value["ends"] <= value["starts"]:
            raise StructBlockValidationError(
                {"ends": ErrorList([ValidationError(_("A session must end after it starts."))])}
            )
        return value

    class Meta:
        icon = "time"
        label = _("Session")
        description = _("A session of a track: its day, time, room and title.")
        preview_value = OPENING_SESSION


class TrackBlock(blocks.StructBlock):
    """A track of the programme, e.g. the High-Level Track or the Forum Track."""

    name = blocks.CharBlock(max_length=255, label=pgettext_lazy("site", "Name"))
    description = blocks.TextBlock(required=False, label=pgettext_lazy("site", "Description"))
    sessions = blocks.ListBlock(SessionBlock(), label=pgettext_lazy("site", "Sessions"))

    class Meta:
        icon = "list-ol"
        label = _("Track")
        description = _("A track of the programme with its sessions.")
        preview_value = {
            "name": "High-Level Track",
            "description": "Policy statements by ministers and heads of delegation from "
            "governments, the private sector, civil society and international organizations.",
            "sessions": [
                OPENING_SESSION,
                {
                    "day": datetime.date(2017, 6, 13),
                    "starts": datetime.time(11, 0),
                    "ends": datetime.time(12, 30),
                    "room": "Popov Room, ITU headquarters",
                    "title": "WSIS Prizes 2017 ceremony",
                    "description": "The winners of the WSIS Prizes 2017 receive their awards.",
                },
            ],
        }
        # As the event page shows its programme (events/event_page.html).
        preview_template = "events/blocks/previews/track.html"


KEY_DATE_KINDS = [
    ("registration_closes", _("Registration closes")),
    ("speaking_slot_requests_close", _("Speaking-slot requests close")),
    ("submissions_close", _("Submissions close")),
    ("voting_closes", _("Online voting closes")),
    ("other", _("Other")),
]


class KeyDateBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=KEY_DATE_KINDS, default="other", label=_("Kind"))
    label = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Label"),
        help_text=_("Leave empty to use the kind's name."),
    )
    date = blocks.DateBlock(label=_("Date"))
    time = blocks.TimeBlock(
        required=False,
        label=pgettext_lazy("site", "Time"),
        help_text=_("Local time at the venue. Leave empty for the end of the day."),
    )

    def get_preview_context(self, value, parent_context=None):
        # What the event page lists (EventPage.key_date_list), at a Geneva venue.
        context = super().get_preview_context(value, parent_context=parent_context)
        label = value.get("label") or dict(KEY_DATE_KINDS).get(value.get("kind"), "")
        context["key_date"] = schedule.key_date(
            value.get("kind"), label, value["date"], value.get("time"), schedule.DEFAULT_TIME_ZONE
        )
        return context

    class Meta:
        icon = "date"
        label = _("Key date")
        description = _("A deadline or milestone, shown with a countdown while in the future.")
        preview_value = {
            "kind": "other",
            "label": "The WSIS Forum 2017 opens in Geneva",
            "date": datetime.date(2017, 6, 13),
            "time": datetime.time(9, 0),
        }
        preview_template = "events/blocks/previews/key_date.html"


class EventBodyBlock(BodyBlock):
    """The shared body blocks, and a strip of partner logos."""

    partners = PartnerStripBlock()


class CoOrganiserBlock(PartnerChooserBlock):
    """An organisation that organises the event with ITU (schema.org organizer)."""

    def get_preview_value(self):
        partners = preview_partners(1)
        return partners[0] if partners else None

    class Meta:
        icon = "group"
        label = _("Co-organiser")
        description = _("An organisation that organises the event with ITU.")
        preview_template = "events/blocks/previews/co_organiser.html"
