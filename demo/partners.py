"""Demo partners and the WSIS+10 High-Level Event's partnership programme (April 2014)."""

from wagtail.models import Locale

from demo import assets
from demo.helpers import items, publish, stream
from demo.pages import upsert_page
from partners.models import Partner, PartnershipPage

PARTNERS = [
    # key, name, stakeholder type, country, website, description
    (
        "intel",
        "Intel Corporation",
        "private_sector",
        "US",
        "https://www.intel.com/",
        "Technology company, Strategic Partner Gold (Private Sector) of the WSIS+10 "
        "High-Level Event.",
    ),
    ("kuwait", "State of Kuwait", "government", "KW", "", "Partner for Specific Activities."),
    ("oman", "Sultanate of Oman", "government", "OM", "", "Partner for Specific Activities."),
    ("poland", "Republic of Poland", "government", "PL", "", "Partner for Specific Activities."),
    ("rwanda", "Republic of Rwanda", "government", "RW", "", "Partner for Specific Activities."),
    (
        "connect-the-world",
        "Connect the World",
        "international_organisation",
        "",
        "",
        "Media partner of the WSIS process.",
    ),
]


def build_partners():
    """The partners, live, in English; {key: partner}."""
    english = Locale.objects.get(language_code="en")
    partners = {}
    for seed, (key, name, stakeholder_type, country, website, description) in enumerate(PARTNERS):
        logo = assets.image(f"{name} (demo logo)", assets.draw_logo(name, seed), f"logo-{key}")
        partner = Partner.objects.filter(locale=english, name=name).first() or Partner(
            locale=english, name=name
        )
        partner.logo, partner.logo_alt_text = logo, name
        partner.stakeholder_type, partner.country, partner.website = (
            stakeholder_type,
            country,
            website,
        )
        partner.description = description
        partner.save()
        publish(partner)
        partners[key] = partner
    return partners


def tier(name, benefits, slots, holders, enquiry_page=None):
    return (
        "tier",
        {
            "name": name,
            "benefits": benefits,
            "slots": slots,
            "partners": items(name, [partner.pk for partner in holders]),
            "enquiry_page": enquiry_page.pk if enquiry_page else None,
        },
    )


def build_programme(event, partners, enquiry_page=None):
    """The WSIS+10 High-Level Event's partnership programme, under the event."""
    return upsert_page(
        event,
        PartnershipPage,
        "partners",
        title="Partners of the WSIS+10 High-Level Event",
        introduction="The partnership categories of the event, and who holds them.",
        acknowledgement="The organisers thank the Strategic Partners Gold and the Partners for "
        "Specific Activities for their significant contribution to every activity of the event.",
        tiers=stream(
            tier(
                "Strategic Partner: Platinum",
                "The highest visibility across the event and its communications.",
                1,
                [],
                enquiry_page,
            ),
            tier(
                "Strategic Partner: Gold (Government)",
                "Visibility for a government supporting the event as a whole.",
                1,
                [],
                enquiry_page,
            ),
            tier(
                "Strategic Partner: Gold (Private Sector)",
                "Visibility for a company supporting the event as a whole.",
                1,
                [partners["intel"]],
                enquiry_page,
            ),
            tier(
                "Partner for Specific Activities",
                "Support for a chosen activity of the event, acknowledged where it takes place.",
                None,
                [partners[key] for key in ("kuwait", "oman", "poland", "rwanda")],
                enquiry_page,
            ),
        ),
    )
