"""Demo events from the WSIS Flash newsletters of April 2014 and March 2017."""

import datetime
from decimal import Decimal

from demo.helpers import items, link, multilingual_document, paragraph, publish, stream
from demo.pages import upsert_page
from events.models import EventIndexPage, EventPage
from home.models import SiteSettings

ITU = {
    "venue_name": "ITU Headquarters",
    "street_address": "Place des Nations",
    "postal_code": "1211",
    "city": "Geneva",
    "country": "CH",
    "latitude": Decimal("46.210500"),
    "longitude": Decimal("6.142100"),
    "time_zone": "Europe/Zurich",
}


def time(hour, minute=0):
    return datetime.time(hour, minute)


def session(day, starts, ends, title, room="", description=""):
    return {
        "day": day.isoformat(),
        "starts": starts.isoformat(),
        "ends": ends.isoformat(),
        "room": room,
        "title": title,
        "description": description,
    }


def track(name, sessions, description=""):
    return ("track", {"name": name, "description": description, "sessions": items(name, sessions)})


def key_date(kind, day, label="", at=None):
    return ("key_date", {"kind": kind, "label": label, "date": day.isoformat(), "time": at})


def event(index, slug, **fields):
    fields.setdefault("all_day", False)
    return upsert_page(index, EventPage, slug, **fields)


def build_2014(index, clock):
    d = clock.date
    hle = event(
        index,
        "wsis-10-high-level-event",
        title="WSIS+10 High-Level Event",
        event_type="high_level_event",
        summary="An extended edition of the WSIS Forum, hosted by ITU, expected to endorse "
        "the WSIS+10 Statement on Implementation of WSIS Outcomes and the WSIS+10 Vision for "
        "WSIS Beyond 2015.",
        all_day=True,
        start_date=d(2014, 6, 10),
        end_date=d(2014, 6, 13),
        **ITU,
        key_dates=stream(
            key_date(
                "speaking_slot_requests_close",
                d(2014, 5, 10),
                label="Requests for a High-Level Track speaking slot (non-extendable)",
            ),
        ),
        programme=stream(
            track(
                "High-Level Track",
                [
                    session(d(2014, 6, 10), time(9), time(10), "Opening of the High-Level Track"),
                    session(d(2014, 6, 10), time(10), time(13), "Policy statements"),
                    session(d(2014, 6, 10), time(18), time(19, 30), "WSIS Project Prizes ceremony"),
                    session(d(2014, 6, 11), time(9), time(13), "Policy statements"),
                    session(
                        d(2014, 6, 11),
                        time(15),
                        time(17),
                        "Endorsement of the outcome documents",
                    ),
                ],
                description="Formal statements by high-ranking officials of governments, the "
                "private sector, civil society and international organisations (three minutes "
                "each), the prize ceremony and the endorsement of the outcome documents.",
            ),
            track(
                "Forum Track",
                [
                    session(d(2014, 6, 12), time(9), time(18), "Thematic workshops"),
                    session(d(2014, 6, 13), time(9), time(18), "Thematic workshops"),
                ],
                description="Workshops whose themes and format came out of the open "
                "consultation with all WSIS stakeholders.",
            ),
        ),
        body=stream(
            (
                "document",
                multilingual_document(
                    "Invitation letter",
                    "WSIS+10 High-Level Event: invitation letter",
                    "ITU, UNESCO, UNCTAD and UNDP invite you to the WSIS+10 High-Level Event.",
                    "wsis10-invitation",
                ),
            ),
            paragraph(
                "Registration is required for every participant. Speakers in the High-Level "
                "Track have three minutes; a longer version of a statement can be published "
                "on the event website."
            ),
        ),
    )
    event(
        index,
        "wsis-10-pre-events",
        title="WSIS+10 pre-events",
        event_type="other",
        summary="Meetings held the day before the WSIS+10 High-Level Event.",
        all_day=True,
        start_date=d(2014, 6, 9),
        end_date=d(2014, 6, 9),
        main_event=hle,
        **ITU,
    )
    briefing = event(
        index,
        "wsis-10-final-briefing",
        title="Final Briefing on the WSIS+10 High-Level Event",
        event_type="briefing",
        summary="A last briefing for participants before the WSIS+10 High-Level Event.",
        start_date=d(2014, 5, 19),
        end_date=d(2014, 5, 19),
        start_time=time(9),
        end_time=time(12),
        **{**ITU, "venue_name": "International Telecommunication Union"},
        room="Room K",
    )
    event(
        index,
        "wsis-10-ocp-fourth-physical-meeting",
        title="WSIS+10 open consultation: fourth physical meeting",
        event_type="consultation_meeting",
        summary="The fourth physical meeting of the Multistakeholder Preparatory Platform, "
        "chaired by the Russian Federation with Egypt, Saudi Arabia and Switzerland as vice "
        "chairs, on the two draft outcome documents.",
        all_day=True,
        start_date=d(2014, 4, 14),
        end_date=d(2014, 4, 17),
        **ITU,
    )
    return hle, briefing


def build_2017(index, clock):
    d = clock.date
    forum = event(
        index,
        "wsis-forum-2017",
        title="WSIS Forum 2017",
        event_type="forum",
        summary="The yearly gathering of the WSIS community, designed with stakeholders through "
        "an open consultation that received more than 160 submissions.",
        all_day=True,
        start_date=d(2017, 6, 12),
        end_date=d(2017, 6, 16),
        **ITU,
        key_dates=stream(
            key_date("other", d(2017, 3, 16), label="WSIS Prizes 2017: online voting opens"),
            key_date(
                "voting_closes", d(2017, 4, 16), label="WSIS Prizes 2017: online voting closes"
            ),
        ),
        programme=stream(
            track(
                "High-Level Track",
                [
                    session(d(2017, 6, 13), time(9), time(10, 30), "Opening segment"),
                    session(d(2017, 6, 13), time(11), time(13), "Interactive policy dialogues"),
                    session(d(2017, 6, 13), time(14, 30), time(18), "Policy statements"),
                    session(d(2017, 6, 14), time(9), time(11), "Ministerial round table"),
                    session(d(2017, 6, 14), time(11, 30), time(13), "Policy statements"),
                    session(d(2017, 6, 14), time(18), time(20), "High-level networking programme"),
                ],
                description="Policy statements by high-ranking officials of governments, the "
                "private sector, civil society, academia and international organisations, "
                "moderated by High-Level Track Facilitators.",
            ),
            track(
                "Special tracks",
                [
                    session(
                        d(2017, 6, 12), time(9), time(18), "Hackathon on ICTs for SDGs: e-health"
                    ),
                    session(d(2017, 6, 14), time(14), time(18), "Virtual Reality for SDGs"),
                    session(d(2017, 6, 15), time(17), time(19), "TEDxGeneva at the WSIS Forum"),
                ],
            ),
        ),
    )
    phase_five = event(
        index,
        "wsis-forum-2017-ocp-phase-v",
        title="WSIS Forum 2017 open consultation: Phase V final review meeting",
        event_type="consultation_meeting",
        summary="The final review meeting of the open consultation process on the themes and "
        "format of the WSIS Forum 2017.",
        start_date=d(2017, 3, 14),
        end_date=d(2017, 3, 14),
        start_time=time(15),
        end_time=time(18),
        **ITU,
        room="Room A",
        remote_participation=True,
        remote_participation_details="Interactive remote participation is available: follow "
        "the meeting and take the floor online.",
    )
    specials = {}
    for slug, title, kind, summary in [
        (
            "hackathon-icts-for-sdgs-2017",
            "Hackathon on ICTs for SDGs: Hack for Health",
            "hackathon",
            "Teams of three to seven students aged 18 to 35 build technology for health and "
            "wellness in low- and middle-income countries.",
        ),
        (
            "virtual-reality-for-sdgs-2017",
            "Virtual Reality for SDGs",
            "exhibition",
            "A new track with the World VR Forum: high-level speakers, virtual reality "
            "experiences and a focus on education.",
        ),
        (
            "tedxgeneva-wsis-forum-2017",
            "TEDxGeneva at the WSIS Forum 2017",
            "other",
            "After its debut in 2016, TEDxGeneva hosts another event during the Forum.",
        ),
    ]:
        specials[slug] = event(
            index,
            slug,
            title=title,
            event_type=kind,
            summary=summary,
            all_day=True,
            start_date=d(2017, 6, 12),
            end_date=d(2017, 6, 16),
            **ITU,
        )
    event(
        index,
        "itu-telecom-world-2017",
        title="ITU Telecom World 2017",
        event_type="exhibition",
        summary="Exhibition, networking and debate with key players of the digital economy, "
        "on creative tech innovation and the growth of small and medium enterprises.",
        start_date=d(2017, 9, 25),
        end_date=d(2017, 9, 28),
        start_time=time(9),
        end_time=time(18),
        venue_name="BEXCO",
        street_address="55 APEC-ro, Haeundae-gu",
        city="Busan",
        country="KR",
        latitude=Decimal("35.169000"),
        longitude=Decimal("129.136000"),
        time_zone="Asia/Seoul",
        key_dates=stream(
            key_date("other", d(2017, 2, 15), label="Book exhibition space early and save"),
        ),
    )
    return forum, phase_five, specials["hackathon-icts-for-sdgs-2017"]


def build(home, clock):
    """Builds the calendar under the English home page; returns the pages to translate."""
    index = upsert_page(
        home,
        EventIndexPage,
        "events",
        title="Global Events Calendar",
        introduction="Forums, high-level events, briefings and consultation meetings of the "
        "WSIS process, and events of its partners.",
        listing_summary="Every WSIS event, upcoming and past.",
    )
    hle, briefing = build_2014(index, clock)
    forum, phase_five, hackathon = build_2017(index, clock)
    settings = SiteSettings.objects.get(site__root_page=home)
    if not any(
        block.value["page"] and block.value["page"].pk == index.pk for block in settings.navigation
    ):
        settings.navigation.append(("link", {"page": index, "url": "", "label": ""}))
        settings.save()
    return [index, forum, hle], {
        "final_briefing": briefing,
        "forum_2017": forum,
        "ocp_phase_v": phase_five,
        "hackathon": hackathon,
    }


def link_contest(forum, contest):
    """The WSIS Forum 2017 leads to the photo contest whose winners it presents."""
    raw = [block for block in forum.body.raw_data if block.get("id") != "demo-contest-cta"]
    raw.append(
        {
            "type": "call_to_action",
            "id": "demo-contest-cta",
            "value": {
                "heading": "WSIS Photo Contest 2017",
                "links": items(
                    "contest-actions",
                    [link(contest, label="Enter the WSIS Photo Contest 2017")],
                ),
            },
        }
    )
    forum.body = raw
    publish(forum)
