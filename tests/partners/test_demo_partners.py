"""The WSIS+10 High-Level Event's partnership programme in the demo content."""

from django.core.management import call_command
from django.test import TestCase

from partners.models import Partner, PartnershipPage

LANGUAGES = {"ar", "en", "es", "fr", "ru", "zh-hans"}


class DemoPartnersTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0)

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
        self.assertEqual(languages, LANGUAGES)
        intel = Partner.objects.get(locale__language_code="en", name="Intel Corporation")
        self.assertEqual(
            set(
                intel.get_translations(inclusive=True).values_list(
                    "locale__language_code", flat=True
                )
            ),
            LANGUAGES,
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
