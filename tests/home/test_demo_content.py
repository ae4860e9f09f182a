"""`load_demo_content` builds the six-language site from the newsletters' facts."""

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation

from home.models import HomePage, SiteSettings, StandardPage

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]


class DemoContentTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        # wagtail-localize publishes translations on commit: run those callbacks here.
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content", verbosity=0)

    def test_every_page_exists_live_in_all_six_languages(self):
        for model in (HomePage, StandardPage):
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

    def test_running_it_again_changes_nothing_that_matters(self):
        counts = (Page.objects.count(), Translation.objects.count(), Site.objects.count())
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content", verbosity=0)
        self.assertEqual(
            (Page.objects.count(), Translation.objects.count(), Site.objects.count()), counts
        )

    def test_if_empty_leaves_a_loaded_site_alone(self):
        home = HomePage.objects.get(locale__language_code="en")
        revisions = home.revisions.count()
        call_command("load_demo_content", if_empty=True, verbosity=0)
        self.assertEqual(home.revisions.count(), revisions)

    def test_site_settings_give_navigation_and_footer(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.assertEqual(len(settings.navigation), 6)  # four pages, the calendar, the calls
        response = self.client.get("/ru/")
        self.assertContains(response, 'class="main-nav"')
        self.assertContains(response, "wsis-info@itu.int")

    def test_every_language_home_renders_within_the_query_budget(self):
        for code in LANGUAGES:
            self.client.get(f"/{code}/")  # renditions are made on the first visit
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(f"/{code}/")
            self.assertEqual(response.status_code, 200)
            self.assertLessEqual(len(queries), 12, f"/{code}/: {len(queries)} queries")
            lang = "zh-Hans" if code == "zh-hans" else code
            direction = "rtl" if code == "ar" else "ltr"
            self.assertContains(response, f'<html lang="{lang}" dir="{direction}">')
