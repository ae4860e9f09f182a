"""The English (source) tree of the demo site, from the facts of the WSIS Flash newsletters
of April 2014 and March 2017 (shared/seeds/), told in our own words."""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from wagtail.models import Locale, Page, Site

from demo import assets
from demo.helpers import heading, link, multilingual_document, paragraph, publish, stream
from demo.home_sections import build_home_sections
from home.models import HomePage, SiteSettings, StandardPage

# The privacy notice every consent box of the demo links to.
PRIVACY_SLUG = "privacy"


def upsert_page(parent, model, slug, **fields):
    """Creates the page under `parent`, or updates the one that is there, and publishes it."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    publish(page)
    page.refresh_from_db()
    return page


def build_home():
    """The English home page, set as the root of the default site."""
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    hero = assets.image(
        "Delegates at the WSIS Forum (demo banner)",
        assets.draw_banner("WSIS Forum", seed=1, subtitle="Geneva"),
        "wsis-hero",
    )
    home = HomePage.objects.filter(locale=english).first()
    fields = {
        "title": "World Summit on the Information Society",
        "hero_image": hero,
        "hero_image_alt_text": "Delegates gathered in a conference hall in Geneva",
        "hero_text": "Information and communication technologies for sustainable development",
        "introduction": (
            "<p>WSIS brings governments, the private sector, civil society, academia and "
            "international organisations together to build inclusive information and knowledge "
            "societies. ITU organises it jointly with UNESCO, UNCTAD and UNDP.</p>"
        ),
        "listing_summary": "The home of the WSIS process, its Forum, Prizes and Stocktaking.",
        "search_description": (
            "WSIS: events, open consultations, prizes and stocktaking of ICT for development."
        ),
        # The footer's contact block, translated with the page.
        "contact_organisation": "International Telecommunication Union (ITU)",
        "contact_address": "Place des Nations\n1211 Geneva 20\nSwitzerland",
    }
    if home is None:
        # Wagtail's first migration makes a placeholder page (and a site on it) in the place
        # the home page takes.
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        home = HomePage(slug="home", locale=english, **fields)
        root.add_child(instance=home)
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # The site's address is the one the admin is reached at, so full URLs (calendar files,
    # sitemap) work where the demo runs.
    base_url = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.site_name, site.root_page = "WSIS", home
    site.save()
    return home


def build_standard_pages(home):
    about = upsert_page(
        home,
        StandardPage,
        "about-wsis",
        title="About WSIS",
        introduction=(
            "The World Summit on the Information Society is a United Nations process that puts "
            "information and communication technologies to work for development."
        ),
        listing_summary="Who organises WSIS and how the process works.",
        body=stream(
            paragraph(
                "ITU, UNESCO, UNCTAD and UNDP organise the WSIS process together. Every year "
                "the WSIS Forum gathers the stakeholders who implement the WSIS Action Lines.",
                "The WSIS Forum 2017 was designed with stakeholders through an open "
                "consultation process that began in September 2016 and ran in six phases, "
                "with online submissions and physical meetings. The secretariat received more "
                "than 160 submissions on the themes and format of the Forum.",
            ),
            heading("United Nations Group on the Information Society"),
            paragraph(
                "In 2014 ITU chaired the United Nations Group on the Information Society "
                "(UNGIS) and worked with all UN agencies on a work plan for system-wide "
                "coordination on ICT matters."
            ),
            (
                "quote",
                {
                    "quote": "ICTs are a cross-cutting enabler of all the Sustainable "
                    "Development Goals.",
                    "attribution": "WSIS Overall Review",
                    "role": "United Nations General Assembly, December 2015",
                },
            ),
        ),
    )
    stocktaking = upsert_page(
        home,
        StandardPage,
        "stocktaking",
        title="WSIS Stocktaking",
        introduction=(
            "A global record of ICT projects that carry forward the WSIS Action Lines and the "
            "Sustainable Development Goals."
        ),
        listing_summary="More than 8,000 ICT projects, searchable and open to new entries.",
        body=stream(
            paragraph(
                "The WSIS Stocktaking database holds more than 8,000 entries and serves a "
                "community of some 200,000 stakeholders. Governments, international "
                "organisations, business, civil society and academia report their projects "
                "under the 11 WSIS Action Lines.",
                "Since the WSIS Overall Review of December 2015, stocktaking also shows how "
                "each project contributes to the 2030 Agenda for Sustainable Development.",
            ),
            heading("The embeddable interface"),
            paragraph(
                "Any website can now embed the WSIS Stocktaking interface, free of charge. "
                "Its visitors can view entries in real time, search projects by Action Line, "
                "Sustainable Development Goal or region, and submit their own projects, "
                "including to the WSIS Prizes contest."
            ),
            heading("Reports"),
            paragraph(
                "The WSIS Stocktaking Report 2014 was released at the WSIS+10 High-Level "
                "Event. Regional reports cover Africa, Latin America, the Arab States, and "
                "Europe and the CIS."
            ),
        ),
    )
    prizes = upsert_page(
        home,
        StandardPage,
        "prizes",
        title="WSIS Prizes",
        introduction=(
            "A contest that recognises excellence in putting the outcomes of WSIS into practice."
        ),
        listing_summary="476 projects competed in 2017, a new record.",
        body=stream(
            heading("WSIS Prizes 2017"),
            paragraph(
                "Submissions closed on 1 March 2017 with a record 476 projects. The nominated "
                "projects were published on 16 March 2017, when a month of public online "
                "voting began.",
                "Nominees are encouraged to campaign within their networks and communities "
                "during the voting phase.",
            ),
            heading("WSIS Project Prizes 2014"),
            paragraph(
                "Public online voting in the third phase of the 2014 contest ran until 18 April "
                "2014 at 23:00 Geneva time. The winners received their prizes at a ceremony on "
                "10 June 2014, during the WSIS+10 High-Level Event."
            ),
        ),
    )
    fund = upsert_page(
        home,
        StandardPage,
        "fund-in-trust",
        title="WSIS Fund in Trust",
        introduction="Contributions that make the WSIS Forum and its activities possible.",
        listing_summary="The 2014 call for contributions, with its letter in six languages.",
        body=stream(
            paragraph(
                "The WSIS Fund in Trust pools voluntary contributions from governments, "
                "companies and organisations. It finances the Forum, the Stocktaking "
                "platform and the Prizes."
            ),
            (
                "document",
                multilingual_document(
                    "Call for contributions 2014",
                    "WSIS Fund in Trust: call for contributions 2014",
                    "ITU invites all stakeholders to contribute to the WSIS Fund in Trust.",
                    "fund-in-trust-letter-2014",
                ),
            ),
        ),
    )
    measuring = upsert_page(
        home,
        StandardPage,
        "measuring-ict",
        title="Partnership on Measuring ICT for Development",
        introduction="Ten years of statistics on the information society, led by ITU.",
        listing_summary="Celebrating ten years with an assessment of the ten WSIS targets.",
        body=stream(
            paragraph(
                "The Partnership on Measuring ICT for Development celebrated its tenth "
                "anniversary at the WSIS+10 High-Level Event in June 2014.",
                "Under the leadership of ITU it prepared a final quantitative assessment of "
                "the achievements on each of the ten WSIS targets, launched at the event.",
            ),
        ),
    )
    privacy = upsert_page(
        home,
        StandardPage,
        PRIVACY_SLUG,
        title="Privacy notice",
        introduction="What ITU does with what you send through the forms of this site.",
        listing_summary="How the WSIS site handles registrations, submissions and entries.",
        body=stream(
            heading("What we keep"),
            paragraph(
                "When you register, submit a contribution, request a speaking slot or enter a "
                "contest, ITU keeps the answers you give and the files you send, with the time "
                "they arrived and the language you used.",
                "We use them only to handle your registration or submission: to review it, to "
                "answer you and to organise the event or the contest.",
            ),
            heading("Who sees it"),
            paragraph(
                "Only the WSIS Secretariat staff who review submissions see your answers. "
                "Nothing you send is published unless a reviewer approves it for publication, "
                "such as a winning photo.",
            ),
            heading("How long we keep it, and your rights"),
            paragraph(
                "We keep your answers for as long as the call, event or contest needs them, and "
                "at most two years after it ends.",
                "To see, correct or delete what we hold about you, write to wsis-info@itu.int.",
            ),
        ),
    )
    return {
        "about": about,
        "stocktaking": stocktaking,
        "prizes": prizes,
        "fund": fund,
        "measuring": measuring,
        "privacy": privacy,
    }


def build_settings(home, pages):
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    settings.organisation = "International Telecommunication Union (ITU)"
    settings.contact_email = "wsis-info@itu.int"
    settings.contact_phone = "+41 22 730 5111"
    settings.postal_address = "Place des Nations\n1211 Geneva 20\nSwitzerland"
    settings.navigation = stream(
        *[("link", link(pages[key])) for key in ["about", "stocktaking", "prizes", "fund"]]
    )
    settings.footer_links = stream(
        *[("link", link(pages[key])) for key in ["about", "measuring", "fund", "privacy"]]
    )
    settings.social_links = stream(("social", {"network": "x", "url": "https://x.com/WSISprocess"}))
    settings.save()


def build(partners):
    """Builds the English tree; returns the pages to translate, parents first."""
    home = build_home()
    pages = build_standard_pages(home)
    build_home_sections(home, pages, partners)
    build_settings(home, pages)
    return [home, *pages.values()]
