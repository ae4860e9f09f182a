"""The two WSIS Flash issues of the seeds (April 2014, March 2017), rebuilt from the demo
site's own pages: each announcement is a card of the page it is about, with a few words of
our own around them; and the archive that lists them."""

from calls.models import CallPage
from demo.helpers import items, paragraph, stream
from demo.pages import upsert_page
from media.models import PhotoContestPage
from news.models import NewsPage
from newsletter.models import FlashArchivePage, FlashIssuePage
from prizes.models import PrizesContestPage
from publications.models import PublicationPage

GLOBAL_REPOSITORY_2014 = [
    "wsis-stocktaking-report-2014",
    "wsis-stocktaking-report-2013",
    "itu-contribution-wsis-implementation-2013",
    "measuring-the-information-society-2013",
    "regional-stocktaking-africa",
    "regional-stocktaking-latin-america",
    "regional-stocktaking-arab-states",
    "regional-stocktaking-europe-cis",
]


def cards(heading, *pages):
    chosen = [page.pk for page in pages if page is not None]
    return ("cards", {"heading": heading, "pages": items(heading, chosen)})


def _call(slug):
    return CallPage.objects.filter(slug=slug, locale__language_code="en").first()


def _contest(model, slug):
    return model.objects.filter(slug=slug, locale__language_code="en").first()


def _pages(model, *slugs):
    return [_contest(model, slug) for slug in slugs]


def build(home, hle, events, clock):
    """Returns the archive and the two issues, to translate (parents first)."""
    d = clock.date
    archive = upsert_page(
        home,
        FlashArchivePage,
        "wsis-flash",
        title="WSIS Flash",
        introduction="The newsletter of the WSIS process: events, open calls, contests and "
        "publications, in your inbox in the languages you choose.",
        listing_summary="Every issue of the WSIS newsletter, and how to subscribe.",
    )
    april_2014 = upsert_page(
        archive,
        FlashIssuePage,
        "april-2014",
        title="WSIS Flash, April 2014",
        issue_date=d(2014, 4, 1),
        introduction="Two months before the WSIS+10 High-Level Event in Geneva: how to take "
        "part, speak, partner and vote.",
        listing_summary="The WSIS+10 High-Level Event, speaking slots, the Project Prizes vote.",
        body=stream(
            paragraph(
                "The WSIS+10 High-Level Event extends the WSIS Forum this June and is expected "
                "to endorse the statement on the implementation of WSIS outcomes and the vision "
                "for WSIS beyond 2015. Registration is open."
            ),
            cards("WSIS+10 High-Level Event", hle, events["final_briefing"]),
            cards(
                "Speak, take part, contribute",
                _call("hlt-speaking-slots-2014"),
                _call("cwg-internet-consultation-2014"),
                _call("itu-strategic-plan-2016-2019"),
                _call("fund-in-trust-2014"),
            ),
            cards(
                "WSIS Project Prizes",
                _contest(PrizesContestPage, "wsis-project-prizes-2014"),
            ),
            cards("Global Repository", *_pages(PublicationPage, *GLOBAL_REPOSITORY_2014)),
            cards(
                "News",
                *_pages(
                    NewsPage,
                    "itu-chairs-ungis",
                    "partnership-on-measuring-ict-turns-ten",
                    "trend-micro-e-guides-on-mobile-privacy",
                ),
            ),
        ),
    )
    march_2017 = upsert_page(
        archive,
        FlashIssuePage,
        "march-2017",
        title="WSIS Flash, March 2017",
        issue_date=d(2017, 3, 10),
        introduction="The open consultation on the WSIS Forum 2017 reaches its last phase, "
        "the nominees of the WSIS Prizes 2017 are known, and the photo contest opens.",
        listing_summary="WSIS Forum 2017: final consultation meeting, prizes vote, hackathon.",
        body=stream(
            cards(
                "WSIS Forum 2017",
                events["ocp_phase_v"],
                events["forum_2017"],
                _call("wsis-forum-2017-open-consultation"),
            ),
            paragraph(
                "More than 160 submissions shaped the programme of the Forum. Nominate a "
                "facilitator for its High-Level Track, or offer to speak in Busan."
            ),
            cards(
                "Calls and registrations",
                _call("hltf-nominations-2017"),
                _call("telecom-world-2017-speakers"),
            ),
            cards(
                "Contests",
                _contest(PrizesContestPage, "wsis-prizes-2017"),
                _contest(PhotoContestPage, "photo-contest-2017"),
                events["hackathon"],
            ),
            cards(
                "News",
                *_pages(
                    NewsPage,
                    "virtual-reality-track-wsis-forum-2017",
                    "record-476-projects-wsis-prizes-2017",
                ),
            ),
        ),
    )
    return [archive, april_2014, march_2017]
