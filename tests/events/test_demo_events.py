"""The demo calendar built from the newsletters' facts, and --shift-to-today."""

import datetime

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from events.models import EventIndexPage, EventPage
from home.demo.clock import DemoClock

LANGUAGES = {"ar", "en", "es", "fr", "ru", "zh-hans"}


class DemoEventsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content", verbosity=0)

    def event(self, slug):
        return EventPage.objects.get(slug=slug, locale__language_code="en")

    def test_the_newsletters_events_are_there_with_their_facts(self):
        hle = self.event("wsis-10-high-level-event")
        self.assertEqual(
            (hle.start_date, hle.end_date), (datetime.date(2014, 6, 10), datetime.date(2014, 6, 13))
        )
        self.assertEqual(
            [t.value["name"] for t in hle.programme], ["High-Level Track", "Forum Track"]
        )
        pre = self.event("wsis-10-pre-events")
        self.assertEqual((pre.start_date, pre.main_event_id), (datetime.date(2014, 6, 9), hle.pk))
        briefing = self.event("wsis-10-final-briefing")
        self.assertEqual(
            (briefing.room, briefing.starts_at.hour, briefing.ends_at.hour), ("Room K", 7, 10)
        )
        phase_five = self.event("wsis-forum-2017-ocp-phase-v")
        self.assertTrue(phase_five.remote_participation)
        self.assertEqual(
            (phase_five.room, phase_five.start_date.weekday()), ("Room A", 1)
        )  # a Tuesday
        busan = self.event("itu-telecom-world-2017")
        self.assertEqual(
            (busan.city, busan.time_zone, busan.country.code), ("Busan", "Asia/Seoul", "KR")
        )
        self.assertEqual(EventPage.objects.filter(locale__language_code="en").count(), 10)

    def test_the_wsis_forum_2017_and_the_calendar_exist_in_six_languages(self):
        for page in (
            self.event("wsis-forum-2017"),
            EventIndexPage.objects.get(locale__language_code="en"),
        ):
            languages = set(
                page.get_translations(inclusive=True)
                .live()
                .values_list("locale__language_code", flat=True)
            )
            self.assertEqual(languages, LANGUAGES, page)

    def test_the_french_forum_page_reads_in_french(self):
        french = EventPage.objects.get(slug="forum-du-smsi-2017", locale__language_code="fr")
        response = self.client.get(french.url)
        self.assertContains(response, "Forum du SMSI 2017")
        self.assertContains(response, "12 juin 2017")
        self.assertContains(response, "Genève")

    def test_the_calendar_is_in_the_main_navigation(self):
        self.assertContains(
            self.client.get("/en/"), '<a href="/en/events/">Global Events Calendar</a>'
        )


class DemoClockTest(SimpleTestCase):
    def test_without_shift_dates_are_the_newsletters(self):
        self.assertEqual(DemoClock().date(2017, 3, 14), datetime.date(2017, 3, 14))

    def test_shift_makes_the_2017_newsletters_now_today_keeping_weekdays(self):
        today = datetime.date(2026, 11, 23)
        clock = DemoClock(shift_to_today=True, today=today)
        self.assertLessEqual(abs((clock.date(2017, 3, 10) - today).days), 3)
        phase_five = clock.date(2017, 3, 14)
        self.assertEqual(phase_five.weekday(), datetime.date(2017, 3, 14).weekday())
        self.assertGreater(phase_five, today - datetime.timedelta(days=3))
        # Every date moves by the same offset.
        self.assertEqual(
            clock.date(2017, 6, 12) - clock.date(2014, 6, 10),
            datetime.date(2017, 6, 12) - datetime.date(2014, 6, 10),
        )


class DemoShiftedToTodayTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", shift_to_today=True, verbosity=0)

    def test_the_2017_newsletters_events_are_upcoming_and_their_countdowns_run(self):
        phase_five = EventPage.objects.get(
            slug="wsis-forum-2017-ocp-phase-v", locale__language_code="en"
        )
        forum = EventPage.objects.get(slug="wsis-forum-2017", locale__language_code="en")
        self.assertEqual(phase_five.start_date.weekday(), 1)  # still a Tuesday
        self.assertLess(abs((phase_five.start_date - datetime.date.today()).days), 10)
        self.assertEqual(forum.status, "upcoming")
        response = self.client.get(forum.url)
        self.assertContains(response, "days left")
        self.assertContains(self.client.get("/en/events/"), "Upcoming and current events")
