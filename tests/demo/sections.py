"""`load_demo_content`, its sections: the Global Repository and the news, the WSIS+10
partnership programme, the photo contest, the calendar, and what a visitor must be able to
reach from the home page, in six languages."""

import datetime

from wagtail.models import Locale

from calls.models import CallPage
from events.models import EventIndexPage, EventPage
from home.languages import html_lang
from home.models import HomePage, StandardPage
from media.models import PhotoContestPage
from partners.models import Partner, PartnershipPage

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]


class DemoSections:
    """Mixed into DemoSiteTest (test_demo_site.py): one class, so the demo is copied (and on
    PostgreSQL, built) once for both modules' tests."""

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
