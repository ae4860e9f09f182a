"""`load_demo_content`: the six-language site built from the newsletters' facts (its pages and
translations, a second run, the site settings, the WSIS Flash issues), and its --shift-to-today
variant; the tests of its sections are in sections.py (mixed into the same class).

The demo is built once per session into a template database (tests/demo_site.py); a class
copies it in `setUpTestData` (each test then runs in a transaction rolled back at its end, so
tests cannot see each other's changes, whatever their order). (`make test` distributes by
scope, `--dist loadscope`: a class's tests run on one worker.)
"""

import datetime

from django.core.management import call_command
from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from calls.models import CallPage
from demo.clock import DemoClock
from events.models import EventPage
from home.models import HomePage, SiteSettings, StandardPage
from prizes.models import PrizeCategory, PrizesContestPage
from tests.demo.sections import LANGUAGES, DemoSections
from tests.demo_site import load_demo_site


class DemoSiteTest(DemoSections, TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_site(cls)

    # The pages and their translations.

    def test_every_page_exists_live_in_all_six_languages(self):
        for model in (HomePage, StandardPage, EventPage, CallPage):
            source_pages = model.objects.filter(locale__language_code="en")
            self.assertTrue(source_pages.exists())
            for page in source_pages:
                languages = set(
                    page.get_translations(inclusive=True)
                    .live()
                    .values_list("locale__language_code", flat=True)
                )
                self.assertEqual(languages, set(LANGUAGES), page)

    def test_ordered_children_keep_the_order_they_were_given(self):
        # Without a sort order, PostgreSQL lists a contest's categories (and a report's
        # language versions) in whatever order it finds the rows: the page changed order after
        # an update, and a second run of the loader published it again in six languages.
        from django.apps import apps
        from wagtail.models import Orderable

        ordered = [
            m for m in apps.get_models() if issubclass(m, Orderable) and not m._meta.abstract
        ]
        self.assertIn(PrizeCategory, ordered)
        for model in ordered:
            with self.subTest(model=model.__name__):
                self.assertFalse(model.objects.filter(sort_order__isnull=True).exists())
        contest = PrizesContestPage.objects.get(locale__language_code="en", slug="wsis-prizes-2017")
        codes = [category.name.split()[0] for category in contest.categories.all()]
        self.assertEqual(codes[:7], ["C1", "C2", "C3", "C4", "C5", "C6", "C7.1"])
        self.assertEqual(codes[-1], "C11")

    def test_translations_go_through_wagtail_localize(self):
        page = StandardPage.objects.get(locale__language_code="en", slug="about-wsis")
        translations = Translation.objects.filter(source__object_id=page.translation_key)
        self.assertEqual(
            {t.target_locale.language_code for t in translations}, set(LANGUAGES) - {"en"}
        )
        french = Locale.objects.get(language_code="fr")
        self.assertTrue(
            StringTranslation.objects.filter(locale=french, data="À propos du SMSI").exists()
        )

    def test_translated_pages_carry_real_translations_and_slugs(self):
        french = StandardPage.objects.get(locale__language_code="fr", slug="a-propos-du-smsi")
        self.assertEqual(french.title, "À propos du SMSI")
        self.assertIn("UIT", french.body.raw_data[0]["value"])
        arabic = HomePage.objects.get(locale__language_code="ar")
        self.assertEqual(arabic.title, "القمة العالمية لمجتمع المعلومات")
        self.assertEqual(arabic.slug, "home-ar")

    def test_the_newsletters_facts_are_there(self):
        response = self.client.get("/en/prizes/")
        self.assertContains(response, "476 projects")
        self.assertContains(response, "18 April 2014 at 23:00 Geneva time")
        response = self.client.get("/en/")
        for partner in ["Intel Corporation", "State of Kuwait", "Sultanate of Oman"]:
            self.assertContains(response, partner)
        self.assertContains(response, "[ZH]")

    def test_the_wsis_prizes_2014_and_2017_with_their_results_in_six_languages(self):
        from prizes.models import PrizesContestPage

        for slug in ("wsis-project-prizes-2014", "wsis-prizes-2017"):
            original = PrizesContestPage.objects.get(locale__language_code="en", slug=slug)
            versions = original.get_translations(inclusive=True).live()
            self.assertEqual(
                set(versions.values_list("locale__language_code", flat=True)), set(LANGUAGES)
            )
        cases = {
            "en": ("/en/prizes/wsis-prizes-2017/", "Winners and champions", "C7.4 E-health"),
            "fr": ("/fr/prix/prix-smsi-2017/", "Lauréats et champions", "C7.4 Cybersanté"),
            "es": ("/es/premios/premios-cmsi-2017/", "Ganadores y campeones", "C7.4 "),
            "ar": ("/ar/prizes/wsis-prizes-2017/", "الفائزون والأبطال", "C7.4 "),
            "ru": ("/ru/prizes/wsis-prizes-2017/", "Победители и чемпионы", "C7.4 "),
            "zh-hans": ("/zh-hans/prizes/wsis-prizes-2017/", "获奖者和冠军", "C7.4 "),
        }
        for code, (url, heading, category) in cases.items():
            response = self.client.get(f"{url}results/")
            self.assertContains(response, heading, msg_prefix=code)
            self.assertContains(response, category, msg_prefix=code)
            self.assertContains(response, 'class="prizes__winner"', count=18, msg_prefix=code)
        contest = PrizesContestPage.objects.get(locale__language_code="fr", slug="prix-smsi-2017")
        self.assertEqual(contest.title, "Prix du SMSI 2017")
        self.assertIn("476 projets", contest.introduction)
        old = PrizesContestPage.objects.get(
            locale__language_code="ru", slug="wsis-project-prizes-2014"
        )
        self.assertEqual(old.title, "Премии ВВУИО за проекты 2014 года")
        self.assertContains(self.client.get(f"{old.url}results/"), "Победители и чемпионы")

    def test_running_it_again_changes_nothing_that_matters(self):
        def counts():
            return (
                Page.objects.count(),
                Translation.objects.count(),
                Site.objects.count(),
                # Nothing published again: a page whose content is the same, or a translation
                # whose source and catalogue are, is left as it is (and it is quick).
                Revision.objects.count(),
            )

        # A translator's string changed since the last run: that translation alone is made and
        # published again, from the catalogue.
        english = StandardPage.objects.get(locale__language_code="en", slug="privacy")
        french = english.get_translation(Locale.objects.get(language_code="fr"))
        title = StringTranslation.objects.get(
            locale__language_code="fr",
            translation_of__segments__source__object_id=english.translation_key,
            translation_of__segments__context__path="title",
        )
        wanted = title.data
        title.data = "Ancien titre"
        title.save()
        before, french_revisions = counts(), french.revisions.count()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content", verbosity=0)
        after = counts()
        self.assertEqual(after[:3], before[:3])
        self.assertEqual(after[3], before[3] + 1)  # the French notice's revision
        self.assertEqual(french.revisions.count(), french_revisions + 1)
        title.refresh_from_db()
        french.refresh_from_db()
        self.assertEqual((title.data, french.title), (wanted, wanted))
        self.assertEqual(french.latest_revision, french.live_revision)

    def test_if_empty_leaves_a_loaded_site_alone(self):
        home = HomePage.objects.get(locale__language_code="en")
        revisions = home.revisions.count()
        call_command("load_demo_content", if_empty=True, verbosity=0)
        self.assertEqual(home.revisions.count(), revisions)

    def test_site_settings_give_navigation_and_footer(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        # Four pages, the calendar, the calls, the Global Repository.
        self.assertEqual(len(settings.navigation), 7)
        response = self.client.get("/ru/")
        self.assertContains(response, 'class="main-nav"')
        self.assertContains(response, "wsis-info@itu.int")

    def test_every_language_home_renders_within_the_query_budget(self):
        for code in LANGUAGES:
            self.client.get(f"/{code}/")  # renditions are made on the first visit
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(f"/{code}/")
            self.assertEqual(response.status_code, 200)
            # 12 for the page, 4 for its latest news (the news index; the stories with their
            # images; the images' renditions; view restrictions), whatever their number.
            self.assertLessEqual(len(queries), 16, f"/{code}/: {len(queries)} queries")
            lang = "zh-Hans" if code == "zh-hans" else code
            direction = "rtl" if code == "ar" else "ltr"
            self.assertContains(response, f'<html lang="{lang}" dir="{direction}">')

    # WSIS Flash: the seeds themselves, rebuilt as issues of the demo pages.

    def test_the_two_seed_newsletters_are_wsis_flash_issues_in_six_languages(self):
        from newsletter.models import FlashIssuePage

        for slug in ("april-2014", "march-2017"):
            issue = FlashIssuePage.objects.get(locale__language_code="en", slug=slug)
            languages = set(
                issue.get_translations(inclusive=True)
                .live()
                .values_list("locale__language_code", flat=True)
            )
            self.assertEqual(languages, set(LANGUAGES), slug)
        archive = self.client.get("/fr/wsis-flash/")
        self.assertContains(archive, "WSIS Flash, mars 2017")
        self.assertContains(archive, "WSIS Flash, avril 2014")
        # The French issue's cards are the French pages, with their own titles and links.
        issue = self.client.get("/fr/wsis-flash/mars-2017/")
        self.assertContains(issue, "Forum du SMSI 2017")
        from prizes.models import PrizesContestPage

        prizes = PrizesContestPage.objects.get(slug="wsis-prizes-2017", locale__language_code="en")
        french = prizes.get_translation_or_none(Locale.objects.get(language_code="fr"))
        self.assertContains(issue, (french or prizes).title)  # in French where it exists
        self.assertContains(issue, 'class="card"', count=10)
        april = self.client.get("/en/wsis-flash/april-2014/")
        self.assertContains(april, "WSIS+10 High-Level Event")
        self.assertContains(april, "Requests for a High-Level Track speaking slot (WSIS+10)")
        self.assertContains(april, "WSIS Project Prizes 2014")


class DemoShiftedToTodayTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_site(cls, shift_to_today=True)

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
