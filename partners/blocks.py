"""The block of a partnership tier (the partner strip and chooser are in home.blocks: the home
page shows them too)."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.choosers import LocalizedPageChooserBlock
from home.section_blocks import PartnerChooserBlock, preview_partners


class TierValue(blocks.StructValue):
    def holders(self):
        """The partners visitors may see: live ones."""
        return [partner for partner in self.get("partners") or [] if partner and partner.live]

    def is_available(self):
        """Free slots remain: never typed by hand, always counted."""
        slots = self.get("slots")
        return slots is None or len(self.holders()) < slots


class PartnershipTierBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=255, label=pgettext_lazy("site", "Name"))
    benefits = blocks.TextBlock(required=False, label=_("Benefits"))
    slots = blocks.IntegerBlock(
        required=False,
        min_value=0,
        label=_("Number of slots"),
        help_text=_("Leave empty for an unlimited number of partners."),
    )
    partners = blocks.ListBlock(PartnerChooserBlock(), default=[], label=_("Partners holding it"))
    enquiry_page = LocalizedPageChooserBlock(
        required=False,
        label=_("Enquiry form"),
        help_text=_("Where to ask about this tier while slots are free."),
    )

    def get_preview_value(self):
        return self.normalize(
            {
                "name": "Platinum",
                "benefits": "Logo on the WSIS Forum 2017 website and at the venue in Geneva, a "
                "speaking slot in the High-Level Track and an exhibition stand.",
                "slots": 2,
                "partners": preview_partners(1),
                "enquiry_page": None,
            }
        )

    def get_preview_context(self, value, parent_context=None):
        # The partnership page's own markup (partners/includes/tiers.html), with this one tier.
        context = super().get_preview_context(value, parent_context=parent_context)
        context["partnership"] = {"tiers": [context["bound_block"]]}
        return context

    def clean(self, value):
        value = super().clean(value)
        slots = value.get("slots")
        if slots is not None and len([p for p in value.get("partners") if p]) > slots:
            message = _("This tier has %(slots)s slot(s) but more partners than that.") % {
                "slots": slots
            }
            raise StructBlockValidationError({"partners": ErrorList([ValidationError(message)])})
        return value

    class Meta:
        value_class = TierValue
        icon = "pick"
        label = _("Partnership tier")
        description = _("A tier with its benefits, slots and the partners who hold it.")
        preview_template = "partners/blocks/previews/tier.html"
