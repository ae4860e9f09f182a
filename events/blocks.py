"""Blocks of an event page: its programme (tracks of sessions) and its key dates."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import BodyBlock
from partners.blocks import PartnerStripBlock


class SessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("Day"))
    starts = blocks.TimeBlock(label=_("Starts"), help_text=_("Local time at the venue."))
    ends = blocks.TimeBlock(label=_("Ends"))
    room = blocks.CharBlock(required=False, max_length=255, label=_("Room"))
    title = blocks.CharBlock(max_length=255, label=_("Title"))
    description = blocks.TextBlock(required=False, label=_("Description"))

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


class TrackBlock(blocks.StructBlock):
    """A track of the programme, e.g. the High-Level Track or the Forum Track."""

    name = blocks.CharBlock(max_length=255, label=_("Name"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    sessions = blocks.ListBlock(SessionBlock(), label=_("Sessions"))

    class Meta:
        icon = "list-ol"
        label = _("Track")
        description = _("A track of the programme with its sessions.")


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
        label=_("Time"),
        help_text=_("Local time at the venue. Leave empty for the end of the day."),
    )

    class Meta:
        icon = "date"
        label = _("Key date")
        description = _("A deadline or milestone, shown with a countdown while in the future.")


class EventBodyBlock(BodyBlock):
    """The shared body blocks, and a strip of partner logos."""

    partners = PartnerStripBlock()
