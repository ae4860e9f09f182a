"""The sections of the English home page: highlights, call for action, news, partners."""

import datetime

from demo import assets
from demo.helpers import items, link, multilingual_document, publish, stream


def build_home_sections(home, pages, partners):
    card = {
        key: assets.image(
            f"{title} (demo picture)", assets.draw_banner(title, (960, 540), seed), f"card-{key}"
        )
        for seed, (key, title) in enumerate(
            [
                ("stocktaking", "WSIS Stocktaking"),
                ("prizes", "WSIS Prizes 2017"),
                ("fund", "WSIS Fund in Trust"),
                ("measuring", "Measuring ICT"),
            ],
            start=2,
        )
    }
    alt = {
        "stocktaking": "A world map of ICT projects reported to WSIS Stocktaking",
        "prizes": "The WSIS Prizes trophy on a stage",
        "fund": "Hands joined around a globe",
        "measuring": "Charts of ICT statistics",
    }
    featured_items = [
        {
            "title": pages[key].title,
            "summary": pages[key].listing_summary,
            "image": {"image": card[key].pk, "alt_text": alt[key]},
            "link": link(pages[key]),
        }
        for key in ["stocktaking", "prizes", "fund", "measuring"]
    ]
    home.body = stream(
        (
            "featured",
            {"heading": "Highlights", "items": items("featured", featured_items)},
        ),
        (
            "call_to_action",
            {
                "heading": "Call for action",
                "links": items(
                    "actions",
                    [
                        link(pages["fund"], label="Contribute to the WSIS Fund in Trust"),
                        link(pages["stocktaking"], label="Submit your project to WSIS Stocktaking"),
                        link(pages["prizes"], label="Follow the WSIS Prizes"),
                    ],
                ),
            },
        ),
        (
            "document",
            multilingual_document(
                "Invitation letter to the WSIS+10 High-Level Event",
                "WSIS+10 High-Level Event: invitation letter",
                "ITU, UNESCO, UNCTAD and UNDP invite you to the WSIS+10 High-Level Event, "
                "10-13 June 2014, Geneva.",
                "wsis10-invitation",
            ),
        ),
        (
            "news",
            {
                "heading": "News",
                "items": items(
                    "news",
                    [
                        {
                            "title": "A record 476 projects for the WSIS Prizes 2017",
                            "date": datetime.date(2017, 3, 1),
                            "text": "<p>Submissions closed on 1 March with more projects than "
                            "ever. Online voting on the nominated projects opens on 16 March.</p>",
                            "image": {"image": None, "alt_text": ""},
                            "link": link(pages["prizes"], label="Read about the WSIS Prizes"),
                        },
                        {
                            "title": "WSIS Stocktaking on your own website",
                            "date": datetime.date(2017, 3, 1),
                            "text": "<p>The new embeddable interface lets any site show, search "
                            "and collect ICT projects from the WSIS Stocktaking database.</p>",
                            "image": {"image": None, "alt_text": ""},
                            "link": link(pages["stocktaking"], label="Discover WSIS Stocktaking"),
                        },
                        {
                            "title": "Two e-guides on mobile privacy from Trend Micro",
                            "date": datetime.date(2014, 3, 31),
                            "text": "<p>Following its 2013 agreement with ITU, Trend Micro "
                            "released two e-guides for ITU Member States and partners: one on "
                            "mobile privacy, one on protecting the data kept on mobile "
                            "devices.</p>",
                            "image": {"image": None, "alt_text": ""},
                            "link": {"page": None, "url": "", "label": ""},
                        },
                        {
                            "title": "Ten years of measuring ICT for development",
                            "date": datetime.date(2014, 4, 1),
                            "text": "<p>The Partnership on Measuring ICT for Development marks "
                            "its tenth anniversary with a final assessment of the ten WSIS "
                            "targets.</p>",
                            "image": {"image": card["measuring"].pk, "alt_text": alt["measuring"]},
                            "link": link(pages["measuring"], label="About the Partnership"),
                        },
                    ],
                ),
            },
        ),
        (
            "partners",
            {
                "heading": "Partners of the WSIS+10 High-Level Event",
                "partners": items(
                    "partners",
                    [partners[key].pk for key in ("intel", "kuwait", "oman", "poland", "rwanda")],
                ),
            },
        ),
        (
            "partners",
            {
                "heading": "Media partners",
                "partners": items("media-partners", [partners["connect-the-world"].pk]),
            },
        ),
    )
    # Published by link_actions, once the pages its call for action leads to exist: one
    # revision per run, and none when a second run builds the same page.


def link_actions(home, stocktaking_database, team_registration, contest):
    """The call for action's links to pages built after the home page: the Stocktaking
    database's submission form, the Hack for Health's team registration and the photo contest.
    Safe to run again: the list is rebuilt from the same links."""
    raw = list(home.body.raw_data)
    for block in raw:
        if block["type"] != "call_to_action":
            continue
        actions = [
            link(pages_by_label(block)["fund"], label="Contribute to the WSIS Fund in Trust"),
            link(
                stocktaking_database,
                label="Submit your project to WSIS Stocktaking",
                route="submit",
            ),
            link(pages_by_label(block)["prizes"], label="Follow the WSIS Prizes"),
            link(team_registration, label="Register your team for the Hack for Health"),
            link(contest, label="Enter the WSIS Photo Contest 2017"),
        ]
        block["value"]["links"] = items("actions", actions)
    home.body = raw
    publish(home)


def pages_by_label(block):
    from wagtail.models import Page

    labels = {
        "Contribute to the WSIS Fund in Trust": "fund",
        "Follow the WSIS Prizes": "prizes",
    }
    found = {}
    for item in block["value"]["links"]:
        value = item.get("value", item)
        key = labels.get(value.get("label"))
        if key and value.get("page"):
            found[key] = Page.objects.get(pk=value["page"])
    return found
