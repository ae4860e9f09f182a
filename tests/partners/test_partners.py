"""Partners, partnership tiers and partner strips."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventPage
from partners.blocks import PartnershipTierBlock
from partners.models import Partner, PartnershipPage
from tests.conftest import as_committed, make_english_home
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    PartnerFactory,
    PartnershipPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def item_list(values):
    return [{"type": "item", "value": v, "id": f"i{n}"} for n, v in enumerate(values)]


def tier(name, slots, partners, enquiry_page=None):
    return {
        "type": "tier",
        "value": {
            "name": name,
            "benefits": f"Benefits of {name}",
            "slots": slots,
            "partners": item_list([p.pk for p in partners]),
            "enquiry_page": enquiry_page.pk if enquiry_page else None,
        },
    }


@pytest.fixture
def event(english_home):
    index = EventIndexPageFactory(parent=english_home)
    return EventPageFactory(parent=index, title="WSIS+10 High-Level Event", slug="wsis-10")


@pytest.fixture
def enquiry(english_home):
    return StandardPageFactory(parent=english_home, title="Partnership enquiries", slug="enquire")


# Availability is counted, never typed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("slots", "holders", "available"),
    [(1, 0, True), (1, 1, False), (None, 4, True), (0, 0, False), (3, 2, True)],
)
def test_a_tier_is_available_while_it_has_free_slots(slots, holders, available):
    block = PartnershipTierBlock()
    partners = [PartnerFactory() for _ in range(holders)]
    value = block.to_python(tier("Gold", slots, partners)["value"])
    assert value.is_available() is available


def test_unpublished_partners_neither_show_nor_count(english_home):
    block = PartnershipTierBlock()
    draft = PartnerFactory(live=False)
    value = block.to_python(tier("Gold", 1, [draft])["value"])
    assert value.holders() == []
    assert value.is_available()


def test_a_tier_cannot_hold_more_partners_than_its_slots():
    block = PartnershipTierBlock()
    value = block.to_python(tier("Gold", 1, [PartnerFactory(), PartnerFactory()])["value"])
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert "partners" in raised.value.block_errors


# What visitors see ----------------------------------------------------------------------------


def test_partnership_page_shows_tiers_available_or_held(client, event, enquiry):
    intel = PartnerFactory(name="Intel Corporation", website="https://www.intel.com/")
    kuwait = PartnerFactory(name="State of Kuwait", website="")
    page = PartnershipPageFactory(
        parent=event,
        acknowledgement="The organisers thank their partners.",
        tiers=[
            tier("Strategic Partner: Platinum", 1, [], enquiry),
            tier("Strategic Partner: Gold (Private Sector)", 1, [intel], enquiry),
            tier("Partner for Specific Activities", None, [kuwait], enquiry),
        ],
    )
    html = client.get(page.url).content.decode()
    platinum, gold, specific = html.split('<li class="tier')[1:4]
    assert "Available" in platinum and 'href="/en/enquire/"' in platinum
    assert "Available" not in gold and "/en/enquire/" not in gold
    assert 'alt="Intel Corporation"' in gold
    assert 'href="https://www.intel.com/" rel="noopener" target="_blank"' in gold
    assert "(opens in a new tab)" in gold
    assert "Available" in specific and 'alt="State of Kuwait"' in specific
    assert 'loading="lazy"' in gold
    assert "The organisers thank their partners." in html
    # And the event page groups them by tier too.
    event_html = client.get(event.url).content.decode()
    assert "Strategic Partner: Gold (Private Sector)" in event_html
    assert 'alt="Intel Corporation"' in event_html


def test_partner_strip_on_an_event_page(client, event):
    partners = [PartnerFactory(name=f"Media {i}") for i in range(3)]
    event.body = [
        {
            "type": "partners",
            "value": {"heading": "Media partners", "partners": item_list([p.pk for p in partners])},
        }
    ]
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "<h2>Media partners</h2>" in html
    assert html.count('class="partner-logo"') == 3


def three_logos():
    return [PartnerFactory().logo for _ in range(3)]


def many_partners(count, logos):
    """`count` partners in one insert, their logos the three images `logos`: the tests count
    queries, not the time it takes to make 500 logos' renditions."""
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    first = Partner.objects.count()
    return Partner.objects.bulk_create(
        Partner(
            name=f"Partner {first + n}",
            logo=logos[n % 3],
            logo_alt_text=f"Partner {first + n}",
            website="https://www.example.org/",
            stakeholder_type="government",
            country="CH",
            locale=english,
        )
        for n in range(count)
    )


def test_tier_listing_query_count_does_not_grow_with_partners(client, event):
    logos = three_logos()

    def queries_with(count, warm=False):
        PartnershipPage.objects.all().delete()
        partners = many_partners(count, logos)
        page = PartnershipPageFactory(
            parent=event, slug=f"partners-{count}", tiers=[tier("Specific", None, partners)]
        )
        if warm:  # the logos' renditions are made on the first visit, the caches warmed
            client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.url).content.decode()
        assert html.count('class="partner-logo"') == count
        return len(queries)

    assert queries_with(10, warm=True) == queries_with(500)


def test_partner_strip_query_count_does_not_grow_with_partners(client, event):
    logos = three_logos()

    def queries_with(count, warm=False):
        partners = many_partners(count, logos)
        event.body = [
            {
                "type": "partners",
                "value": {"heading": "Partners", "partners": item_list([p.pk for p in partners])},
            }
        ]
        event.save_revision().publish()
        if warm:  # the logos' renditions are made on the first visit, the caches warmed
            client.get(event.url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(event.url).content.decode()
        assert html.count('class="partner-logo"') == count
        return len(queries)

    assert queries_with(10, warm=True) == queries_with(500)


# Admin ----------------------------------------------------------------------------------------


class PartnersAdminTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_english_home()
        cls.event = EventPageFactory(parent=EventIndexPageFactory(parent=cls.home))
        with as_committed():
            PartnerFactory(
                name="Intel Corporation", stakeholder_type="private_sector", country="US"
            )
            PartnerFactory(name="State of Kuwait", stakeholder_type="government", country="KW")

    def setUp(self):
        self.login()

    def test_programme_lives_under_an_event_once(self):
        self.assertAllowedParentPageTypes(PartnershipPage, {EventPage})
        self.assertCanCreateAt(EventPage, PartnershipPage)
        PartnershipPageFactory(parent=self.event)
        self.assertFalse(PartnershipPage.can_create_at(self.event))

    def test_partners_listing_filters_and_searches(self):
        url = "/admin/snippets/partners/partner/"
        self.assertContains(
            self.client.get(url, {"stakeholder_type": "government"}), "State of Kuwait"
        )
        self.assertNotContains(
            self.client.get(url, {"stakeholder_type": "government"}), "Intel Corporation"
        )
        self.assertNotContains(self.client.get(url, {"country": "US"}), "State of Kuwait")
        response = self.client.get(url, {"q": "Intel"})
        self.assertContains(response, "Intel Corporation")
        self.assertNotContains(response, "State of Kuwait")

    def test_partners_and_tiers_share_one_menu(self):
        html = self.client.get("/admin/").content.decode()
        assert "/admin/snippets/partners/partner/" in html
        assert self.client.get("/admin/partnership_programmes/").status_code == 200

    def test_partner_preview_renders(self):
        partner = Partner.objects.get(name="Intel Corporation")
        response = partner.make_preview_request()
        self.assertContains(response, "<h1>Intel Corporation</h1>", html=False)
        self.assertContains(response, 'alt="Intel Corporation"')

    def test_a_partner_without_logo_alt_text_is_refused(self):
        partner = Partner.objects.get(name="Intel Corporation")
        partner.logo_alt_text = ""
        with pytest.raises(Exception, match="logo_alt_text"):
            partner.full_clean()


def upload(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type)},
    )


def png_bytes(size=(400, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client_logged_in(client, db):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("logo.png", b"%PDF-1.4 not an image at all"),
        ("logo.png", b""),
    ],
)
def test_logo_uploads_are_checked_by_content(admin_client_logged_in, name, content):
    response = upload(admin_client_logged_in, name, content)
    assert response.status_code == 200  # the form again, with its error
    assert not get_image_model().objects.filter(title=name).exists()


def test_oversized_logos_are_refused(admin_client_logged_in, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = upload(admin_client_logged_in, "big.png", png_bytes((800, 800)))
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="big.png").exists()


def test_a_real_png_logo_is_accepted(admin_client_logged_in):
    response = upload(admin_client_logged_in, "logo.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="logo.png").exists()
