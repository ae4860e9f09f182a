"""A few news stories and press releases from the facts of the two newsletters, in our own
words."""

from demo import assets
from demo.helpers import paragraph, publish, stream
from demo.pages import upsert_page
from news.models import NewsIndexPage, NewsPage

# (slug, kind, (year, month, day), tags, title, summary, body, image's alt text)
STORIES = [
    (
        "trend-micro-e-guides-on-mobile-privacy",
        "press_release",
        (2014, 3, 31),
        ["cybersecurity"],
        "Two Trend Micro e-guides on mobile privacy for ITU's members",
        "Under its 2013 agreement with ITU, Trend Micro has made two e-guides available to "
        "ITU Member States and partners: one on privacy, one on the data kept in phones and "
        "tablets.",
        "We do nearly everything on our phones now, from e-mail to banking, and much of who we "
        "are is stored on them. The first guide explains how to keep one's privacy safe from "
        "mobile threats; the second lists the steps that protect the data on a mobile device.",
        "A smartphone with a padlock on its screen",
    ),
    (
        "partnership-on-measuring-ict-turns-ten",
        "news",
        (2014, 4, 7),
        ["measurement"],
        "The Partnership on Measuring ICT for Development turns ten",
        "The Partnership celebrates its tenth anniversary at the WSIS+10 High-Level Event, "
        "where it launches a final assessment of the ten WSIS targets.",
        "Led by ITU, the Partnership is preparing a quantitative report that reviews what has "
        "been achieved on each of the ten targets set by the World Summit. The report will be "
        "launched in Geneva in June.",
        "Bar charts rising over a map of the world",
    ),
    (
        "itu-chairs-ungis",
        "news",
        (2014, 4, 8),
        ["UNGIS"],
        "ITU chairs the United Nations Group on the Information Society",
        "This year ITU chairs UNGIS and works with the other UN agencies on a work plan for "
        "system-wide coordination on ICT matters.",
        "UNGIS brings together the UN agencies whose work touches the information society. "
        "Under ITU's chairmanship it will draw up a joint work plan for the year.",
        "Flags of the United Nations agencies in a row",
    ),
    (
        "record-476-projects-wsis-prizes-2017",
        "press_release",
        (2017, 3, 2),
        ["WSIS Prizes"],
        "A record 476 projects for the WSIS Prizes 2017",
        "When submissions closed on 1 March, 476 projects from governments, civil society, "
        "business and academia had entered the WSIS Prizes 2017.",
        "The nominated projects will be listed on 16 March, when the month of online voting "
        "begins. Teams who entered are encouraged to prepare their campaigns for the vote now.",
        "Trophies of the WSIS Prizes on a stage",
    ),
    (
        "virtual-reality-track-wsis-forum-2017",
        "news",
        (2017, 3, 9),
        ["WSIS Forum"],
        "A Virtual Reality track at the WSIS Forum 2017",
        "WSIS and the World VR Forum join forces again: the WSIS Forum 2017 will have a "
        "Virtual Reality track focused on education.",
        "After a first partnership in 2016, the track brings high-level speakers and "
        "world-class VR experiences to Geneva, to show what virtual reality can do for "
        "development.",
        "A visitor wearing a virtual reality headset",
    ),
]


def build(home, clock):
    """The news under the English home page; returns the pages to translate."""
    index = upsert_page(
        home,
        NewsIndexPage,
        "news",
        title="News",
        introduction="News and press releases of the WSIS process.",
        listing_summary="The latest news of WSIS.",
    )
    pages = [index]
    for seed, (slug, kind, day, tags, title, summary, body, alt) in enumerate(STORIES):
        picture = assets.image(
            f"{title} (demo picture)",
            assets.draw_banner(title, size=(1200, 675), seed=seed + 3),
            f"news-{slug}",
        )
        page = upsert_page(
            index,
            NewsPage,
            slug,
            title=title,
            kind=kind,
            date=clock.date(*day),
            summary=summary,
            body=stream(paragraph(body)),
            image=picture,
            image_alt_text=alt,
        )
        page.tags.set(tags)
        publish(page)
        pages.append(page)
    return pages
