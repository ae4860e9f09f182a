"""`load_demo_content`: the six-language site built from the newsletters' facts (pages,
translations, partners, the photo contest, the calendar), and its --shift-to-today variant.

Building the demo takes most of this suite's time, so every test of the plain build is a method
of one class, which builds it once in `setUpTestData` (each test then runs in a transaction
rolled back at its end, so tests cannot see each other's changes, whatever their order); the
shifted build has a class of its own. (`make test` distributes by scope, `--dist loadscope`:
a class's tests run on one worker, so each tree is built once.)
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
from events.models import EventIndexPage, EventPage
from home.languages import html_lang
from home.models import HomePage, SiteSettings, StandardPage
from media.models import PhotoContestPage
from partners.models import Partner, PartnershipPage
from tests.demo_site import load_demo_site

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]


class DemoSiteTest(TestCase):
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

    # The Global Repository and the news (issue 17).

    def test_the_global_repository_of_the_april_2014_newsletter(self):
        from publications.models import PublicationPage

        english = PublicationPage.objects.filter(locale__language_code="en")
        self.assertEqual(english.count(), 8)
        for page in english:
            languages = set(
                page.get_translations(inclusive=True)
                .live()
                .values_list("locale__language_code", flat=True)
            )
            self.assertEqual(languages, set(LANGUAGES), page)
            for version in page.documents.all():
                with version.document.file.open("rb") as file:
                    self.assertEqual(file.read(5), b"%PDF-", version)
        europe = english.get(slug="regional-stocktaking-europe-cis")
        self.assertEqual({r.code for r in europe.regions.all()}, {"europe", "cis"})
        self.assertEqual(sorted(europe.documents.values_list("language", flat=True)), ["en", "ru"])
        response = self.client.get("/fr/publications/?language=fr")
        self.assertEqual(
            [p.title for p in response.context["publications"]],
            [
                "Inventaire régional du SMSI : Afrique",
                "Rapport 2014 sur l’inventaire du SMSI",
                "Mesurer la société de l’information, rapport 2013",
                "Rapport 2013 sur l’inventaire du SMSI",
            ],
        )
        french = PublicationPage.objects.get(
            locale__language_code="fr", slug="inventaire-regional-europe-cei"
        )
        response = self.client.get(french.url + "download/fr/")
        self.assertContains(
            response, "Cette publication n’existe pas en français.", status_code=404
        )
        response = self.client.get(french.url + "download/ru/")
        self.assertEqual(response["Content-Type"], "application/pdf")

    def test_news_in_six_languages_on_each_home_page_and_feed(self):
        import feedparser

        from news.models import NewsPage

        self.assertEqual(NewsPage.objects.filter(locale__language_code="en").count(), 5)
        response = self.client.get("/es/")
        self.assertContains(response, "Últimas noticias")
        self.assertContains(
            response, "Una vertiente de realidad virtual en el Foro de la CMSI 2017"
        )
        feed = feedparser.parse(self.client.get("/zh-hans/news/feed/").content)
        self.assertFalse(feed.bozo)
        self.assertEqual(len(feed.entries), 5)
        self.assertEqual(feed.entries[0].title, "2017年信息社会世界峰会论坛设立虚拟现实专题")

    # The WSIS+10 High-Level Event's partnership programme.

    def test_tiers_from_the_april_2014_newsletter(self):
        page = PartnershipPage.objects.get(locale__language_code="en")
        tiers = {t.value["name"]: t.value for t in page.tiers}
        self.assertTrue(tiers["Strategic Partner: Platinum"].is_available())
        self.assertEqual(
            [p.name for p in tiers["Strategic Partner: Gold (Private Sector)"].holders()],
            ["Intel Corporation"],
        )
        self.assertFalse(tiers["Strategic Partner: Gold (Private Sector)"].is_available())
        specific = tiers["Partner for Specific Activities"]
        self.assertEqual(
            sorted(p.name for p in specific.holders()),
            ["Republic of Poland", "Republic of Rwanda", "State of Kuwait", "Sultanate of Oman"],
        )
        self.assertTrue(specific.is_available())

    def test_partners_and_programme_exist_in_six_languages(self):
        page = PartnershipPage.objects.get(locale__language_code="en")
        languages = set(
            page.get_translations(inclusive=True)
            .live()
            .values_list("locale__language_code", flat=True)
        )
        self.assertEqual(languages, set(LANGUAGES))
        intel = Partner.objects.get(locale__language_code="en", name="Intel Corporation")
        self.assertEqual(
            set(
                intel.get_translations(inclusive=True).values_list(
                    "locale__language_code", flat=True
                )
            ),
            set(LANGUAGES),
        )

    def test_the_russian_programme_shows_russian_tiers_and_partners(self):
        russian = PartnershipPage.objects.get(locale__language_code="ru")
        response = self.client.get(russian.url)
        self.assertContains(response, 'lang="ru"')
        tiers = [t.value for t in russian.tiers]
        # Tier names are translated; holders point at the Russian versions of the partners.
        self.assertTrue(all(t["name"] != "Partner for Specific Activities" for t in tiers))
        self.assertEqual({p.locale.language_code for t in tiers for p in t.holders()}, {"ru"})
        self.assertContains(response, "Доступно")

    # The WSIS Photo Contest 2017.

    def test_the_contest_from_the_march_2017_newsletter(self):
        contest = PhotoContestPage.objects.get(locale__language_code="en")
        self.assertEqual(
            contest.theme, "Information and Knowledge Societies for achieving the SDGs"
        )
        self.assertEqual(
            (contest.opens_on.isoformat(), contest.closes_on.isoformat()),
            ("2017-03-02", "2017-05-02"),
        )
        self.assertEqual(contest.number_of_winners, 3)
        self.assertEqual(contest.presented_at.title, "WSIS Forum 2017")
        statuses = sorted(contest.entries().values_list("status", flat=True).distinct())
        self.assertEqual(statuses, ["approved", "pending", "rejected"])
        winners = contest.entries().exclude(winner_rank=None).order_by("winner_rank")
        self.assertEqual([w.winner_rank for w in winners], [1, 2, 3])

    def test_winners_lead_the_gallery_in_every_language(self):
        for contest in PhotoContestPage.objects.all():
            response = self.client.get(contest.url)
            self.assertEqual(response.status_code, 200)
            html = response.content.decode()
            first = html.split('class="gallery__item')[1]
            self.assertIn("gallery__rank", first)
        self.assertEqual(PhotoContestPage.objects.count(), 6)

    # The calendar.

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
            self.assertEqual(languages, set(LANGUAGES), page)

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

    # What a visitor must be able to reach (issue 18, item 7).

    def test_a_privacy_notice_in_six_languages_that_every_consent_box_links_to(self):
        notices = StandardPage.objects.filter(slug__in=["privacy", "privacidad", "confidentialite"])
        notice_urls = {n.locale.language_code: n.url for n in notices.live()}
        self.assertEqual(set(notice_urls), set(LANGUAGES))
        self.assertContains(self.client.get(notice_urls["fr"]), "Déclaration de confidentialité")
        consent_calls = CallPage.objects.live().filter(form_fields__field_type="consent").distinct()
        self.assertTrue(consent_calls.exists())
        for call in consent_calls.select_related("locale"):
            html = self.client.get(call.url).content.decode()
            if "call-form" not in html:  # closed: no form, no consent box
                continue
            expected = notice_urls[call.locale.language_code]
            self.assertIn(f'<a href="{expected}">', html, call.url)

    def test_the_hackathon_team_registration_is_linked_from_its_event_and_the_home_page(self):
        team = CallPage.objects.get(slug="register-your-team", locale__language_code="en")
        hackathon = team.get_parent().specific
        self.assertEqual(hackathon.registration_page_id, team.pk)
        # Translated too: the French event's Register button (while open) leads to the
        # French team registration.
        french = Locale.objects.get(language_code="fr")
        self.assertTrue(team.get_translation(french).live)
        self.assertTrue(hackathon.get_translation(french).live)
        self.assertContains(self.client.get("/en/"), f'href="{team.url}"')
        self.assertContains(self.client.get("/fr/"), "Inscrivez votre équipe au Hack for Health")

    def test_the_2017_photo_contest_is_linked_from_the_forum_and_the_home_page(self):
        contest = PhotoContestPage.objects.get(locale__language_code="en")
        forum = EventPage.objects.get(slug="wsis-forum-2017", locale__language_code="en")
        for url in ("/en/", forum.url):
            self.assertContains(self.client.get(url), f'href="{contest.url}"')
        french_contest = contest.get_translation(Locale.objects.get(language_code="fr"))
        self.assertContains(self.client.get("/fr/"), f'href="{french_contest.url}"')

    def test_submit_your_project_leads_to_the_submission_form_in_each_language(self):
        from stocktaking.models import StocktakingPage

        for language in LANGUAGES:
            database = StocktakingPage.objects.get(locale__language_code=language)
            form_url = f"{database.url}submit/"
            home = HomePage.objects.get(locale__language_code=language)
            html = self.client.get(home.url).content.decode()
            actions = html.split('class="call-to-action')[1].split("</ul>")[0]
            self.assertIn(f'<a href="{form_url}">', actions, language)
            response = self.client.get(form_url)
            self.assertEqual(response.status_code, 200, language)
            self.assertEqual(response.context["page"].locale.language_code, language)
            self.assertIn("form", response.context)
            self.assertContains(response, '<form class="call-form" method="post"')
            self.assertContains(response, f'<html lang="{html_lang(language)}"')


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
