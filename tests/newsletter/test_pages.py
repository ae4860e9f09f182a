"""The issue's web version and the archive: where they may be created, what they show, and
query counts that do not grow with the number of cards or issues."""

import datetime
import json
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from newsletter.models import FlashArchivePage, FlashIssuePage
from tests.conftest import make_english_home
from tests.factories import (
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    StandardPageFactory,
)
from tests.factories.many import add_pages
from tests.factories.newsletter import FlashArchivePageFactory, FlashIssuePageFactory

pytestmark = pytest.mark.django_db


class TestWhereIssuesLive(WagtailPageTestCase):
    def test_parents_and_children(self):
        self.assertAllowedParentPageTypes(FlashArchivePage, {HomePage})
        self.assertAllowedParentPageTypes(FlashIssuePage, {FlashArchivePage})
        self.assertAllowedSubpageTypes(FlashIssuePage, set())
        self.assertCanNotCreateAt(StandardPage, FlashIssuePage)
        self.assertCanNotCreateAt(EventIndexPage, FlashIssuePage)


def issue_with_cards(archive, events, slug):
    body = [
        {
            "type": "cards",
            "value": {
                "heading": "Events",
                "pages": [
                    {"type": "item", "value": event.pk, "id": str(uuid.uuid4())} for event in events
                ],
            },
            "id": str(uuid.uuid4()),
        }
    ]
    return FlashIssuePageFactory(parent=archive, slug=slug, body=json.dumps(body))


def test_the_issue_page_query_count_does_not_grow_with_its_cards(client):
    home = make_english_home()
    calendar = EventIndexPageFactory(parent=home)
    archive = FlashArchivePageFactory(parent=home)
    image = ImageFactory()
    events = add_pages(
        calendar,
        [EventPageFactory.build(listing_image=image if i % 10 == 0 else None) for i in range(200)],
    )

    def queries_with(count, warm=False):
        issue = issue_with_cards(archive, events[:count], f"issue-{count}")
        if warm:  # makes the one image's rendition, which the larger issue shows too
            client.get(issue.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(issue.url)
        assert response.status_code == 200
        assert response.content.decode().count('class="card"') == count
        return len(queries)

    assert queries_with(10, warm=True) == queries_with(200)


def test_the_issue_page_query_count_does_not_grow_with_the_types_of_its_pages(client):
    """Cards of four page types cost what cards of one type cost: the chosen pages are fetched
    as their own classes in one query (home.prefetch.specific_pages), not one per type."""
    home = make_english_home()
    calendar = EventIndexPageFactory(parent=home)
    archive = FlashArchivePageFactory(parent=home)
    events = [EventPageFactory(parent=calendar) for _ in range(4)]
    others = [
        events[0],
        CallPageFactory(parent=events[1], slug="register"),
        StandardPageFactory(parent=home, slug="about"),
        FlashIssuePageFactory(parent=archive, slug="older"),
    ]

    def queries_with(pages, slug):
        issue = issue_with_cards(archive, pages, slug)
        client.get(issue.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(issue.url)
        assert response.content.decode().count('class="card"') == len(pages)
        return len(queries)

    assert queries_with(events, "one-type") == queries_with(others, "four-types")


def test_the_archive_query_count_does_not_grow_with_its_issues(client):
    home = make_english_home()
    archive = FlashArchivePageFactory(parent=home)

    def queries_with(count, warm=False):
        # The issues the archive has so far, and as many more as it takes.
        issues = [
            FlashIssuePageFactory.build(
                slug=f"issue-{i}",
                issue_date=datetime.date(2014, 1, 1) + datetime.timedelta(days=i),
                listing_summary="In this issue.",
            )
            for i in range(FlashIssuePage.objects.count(), count)
        ]
        add_pages(archive, issues)
        archive.refresh_from_db()
        if warm:  # the site's caches, once: adding issues keeps them
            client.get(archive.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(archive.url)
        assert response.status_code == 200
        return len(queries)

    assert queries_with(10, warm=True) == queries_with(500)


def test_the_archive_lists_newest_first_and_offers_the_signup_in_its_language(client):
    home = make_english_home()
    archive = FlashArchivePageFactory(parent=home)
    FlashIssuePageFactory(parent=archive, title="Older", issue_date=datetime.date(2014, 4, 1))
    FlashIssuePageFactory(parent=archive, title="Newer", issue_date=datetime.date(2017, 3, 1))
    html = client.get(archive.url).content.decode()
    assert html.index("Newer") < html.index("Older")
    (english,) = re.findall(r'<input type="checkbox" name="languages" value="en"[^>]*>', html)
    assert "checked" in english
    assert 'action="/en/newsletter/subscribe/"' in html


def test_the_web_version_renders_right_to_left_in_arabic(client, shared_flash):
    from tests.conftest import translate

    translate(shared_flash["home"], "ar")
    translate(shared_flash["archive"], "ar")
    issue = translate(shared_flash["issue"], "ar", title="WSIS Flash مارس 2017")
    html = client.get(issue.url).content.decode()
    assert 'dir="rtl"' in html and "WSIS Forum 2017" in html
