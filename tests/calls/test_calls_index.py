"""The calls index, where calls belong, and capacity under concurrency."""

import datetime
import re
import threading

import pytest
from django.db import connection
from django.test import TransactionTestCase
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from calls.models import CallFull, CallIndexPage, CallPage
from events.models import EventPage
from home.models import HomePage, StandardPage
from tests.conftest import make_english_home
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
)
from tests.factories.many import add_pages

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def titles(html, section):
    part = html.split(f'id="{section}"')[1].split("</section>")[0]
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', part)


def test_open_calls_closing_soonest_first_then_upcoming_then_closed(client, calls_index):
    CallPageFactory(parent=calls_index, title="Closes later", closes_on=days(30))
    CallPageFactory(parent=calls_index, title="Closes soon", closes_on=days(3), non_extendable=True)
    CallPageFactory(parent=calls_index, title="No deadline")
    CallPageFactory(
        parent=calls_index, title="Opens next week", opens_on=days(7), closes_on=days(40)
    )
    CallPageFactory(parent=calls_index, title="Closed last year", closes_on=days(-365))
    CallPageFactory(parent=calls_index, title="Closed yesterday", closes_on=days(-1))
    html = client.get(calls_index.url).content.decode()
    assert titles(html, "open-calls") == ["Closes soon", "Closes later", "No deadline"]
    assert titles(html, "upcoming-calls") == ["Opens next week"]
    assert titles(html, "closed-calls") == ["Closed yesterday", "Closed last year"]
    assert "Non-extendable deadline" in html


def test_calls_index_query_count_does_not_grow_with_calls(client, calls_index):
    def queries_with(count, warm=False):
        # The calls the index has so far, and as many more as it takes.
        calls = [
            CallPageFactory.build(slug=f"c-{i}", closes_on=days(i % 60 - 30))
            for i in range(CallPage.objects.count(), count)
        ]
        add_pages(calls_index, calls)
        if warm:  # the site's caches, once: adding calls keeps them
            client.get(calls_index.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(calls_index.url).status_code == 200
        return len(queries)

    assert queries_with(10, warm=True) == queries_with(500)


class CallPageTreeTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_english_home()

    def test_where_calls_belong(self):
        self.assertAllowedParentPageTypes(CallIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CallPage, {CallIndexPage, EventPage, StandardPage})
        self.assertAllowedSubpageTypes(CallPage, set())
        self.assertCanCreateAt(HomePage, CallIndexPage)
        CallIndexPageFactory(parent=self.home)
        self.assertFalse(CallIndexPage.can_create_at(self.home))

    def test_a_call_must_close_after_it_opens(self):
        from django.core.exceptions import ValidationError

        index = CallIndexPageFactory(parent=self.home)
        call = CallPageFactory(parent=index)
        call.opens_on, call.closes_on = days(5), days(1)
        with self.assertRaises(ValidationError) as raised:
            call.full_clean()
        self.assertIn("closes_on", raised.exception.message_dict)

    def test_registration_for_an_event_is_a_call_under_the_event(self):
        event = EventPageFactory(parent=EventIndexPageFactory(parent=self.home))
        self.assertCanCreateAt(EventPage, CallPage)
        call = CallPageFactory(parent=event, kind="registration", capacity=100)
        self.assertEqual(call.get_parent().specific, event)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a real race needs PostgreSQL")
class CapacityRaceTest(TransactionTestCase):
    serialized_rollback = True

    def test_twenty_registrations_racing_for_the_last_five_seats(self):
        home = make_english_home()
        call = CallPageFactory(parent=CallIndexPageFactory(parent=home), capacity=5)
        barrier = threading.Barrier(20)
        results = []

        def register():
            page = CallPage.objects.get(pk=call.pk)
            barrier.wait()
            try:
                page.reserve_seat()
                results.append("seat")
            except CallFull:
                results.append("full")
            finally:
                connection.close()

        threads = [threading.Thread(target=register) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(results.count("seat"), 5)
        self.assertEqual(results.count("full"), 15)
        self.assertEqual(CallPage.objects.get(pk=call.pk).seats_taken, 5)
