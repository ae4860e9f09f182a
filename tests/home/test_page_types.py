from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from calls.models import CallIndexPage, CallPage
from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from media.models import GalleryPage, PhotoContestPage
from news.models import NewsIndexPage
from newsletter.models import FlashArchivePage
from prizes.models import PrizesContestPage
from publications.models import PublicationIndexPage
from tests.conftest import make_english_home


class PageTreeRulesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_english_home()

    def setUp(self):
        self.login()

    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                EventIndexPage,
                CallIndexPage,
                PhotoContestPage,
                GalleryPage,
                PrizesContestPage,
                PublicationIndexPage,
                NewsIndexPage,
                FlashArchivePage,
            },
        )
        self.assertAllowedSubpageTypes(
            StandardPage, {StandardPage, CallPage, PhotoContestPage, GalleryPage, PrizesContestPage}
        )
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_an_editor_creates_a_standard_page_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "WSIS Stocktaking",
                    "slug": "stocktaking",
                    "introduction": "Projects that implement the Action Lines.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Reports", "level": "h2"}),
                            ("paragraph", rich_text("<p>The 2014 report is out.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="stocktaking")
        self.assertEqual(page.body[0].value["text"], "Reports")

    def test_a_second_home_page_in_the_same_language_is_refused(self):
        from django.core.exceptions import ValidationError

        duplicate = HomePage(title="Another home", slug="another-home", locale=self.home.locale)
        with self.assertRaisesMessage(ValidationError, "This language already has a home page."):
            Page.get_first_root_node().add_child(instance=duplicate)

    def test_hero_image_needs_alternative_text(self):
        from django.core.exceptions import ValidationError

        from tests.factories import ImageFactory

        self.home.hero_image = ImageFactory()
        self.home.hero_image_alt_text = ""
        with self.assertRaises(ValidationError) as raised:
            self.home.full_clean()
        self.assertIn("hero_image_alt_text", raised.exception.message_dict)
