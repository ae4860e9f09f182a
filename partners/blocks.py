"""Blocks showing partners: a partnership tier of an event, and a strip of partner logos."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale

from home.choosers import LocalizedPageChooserBlock, PrefetchingSnippetChooserBlock


class PartnerChooserBlock(PrefetchingSnippetChooserBlock):
    """Chooses a partner; loads every partner of a stream with its logo in fixed queries."""

    snippet_model = "partners.Partner"


def preview_partners(count):
    """Live partners with a logo, in the active language, for block previews (none in an
    empty library: the previews then show the tier or the strip without logos)."""
    partner_model = apps.get_model("partners", "Partner")
    return list(
        partner_model.prefetch_queryset()
        .filter(live=True, logo__isnull=False, locale=Locale.get_active())
        .order_by("name")[:count]
    )


class TierValue(blocks.StructValue):
    def holders(self):
        """The partners visitors may see: live ones."""
        return [partner for partner in self.get("partners") or [] if partner and partner.live]

    def is_available(self):
        """Free slots remain: never typed by hand, always counted."""
        slots = self.get("slots")
        return slots is None or len(self.holders()) < slots


class PartnershipTierBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=255, label=_("Name"))
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


class PartnerStripBlock(blocks.StructBlock):
    """A row of partner logos (strategic partners, media partners…)."""

    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    partners = blocks.ListBlock(PartnerChooserBlock(), min_num=1, label=_("Partners"))

    def get_preview_value(self):
        return self.normalize({"heading": "Strategic partners", "partners": preview_partners(6)})

    class Meta:
        icon = "group"
        label = _("Partner strip")
        template = "partners/blocks/partner_strip.html"
        description = _("A row of partner logos, each linking to the partner's site.")
