"""Event JSON-LD complete for search engines (issue 20, item 3): no empty property, the
listing image, ITU and the co-organisers as organizer, registration as a free offer valid over
the registration window."""

import datetime
import json
import re

import pytest
import wagtail_factories

from tests.factories import CallPageFactory, PartnerFactory

pytestmark = pytest.mark.django_db
NEXT_YEAR = datetime.date.today().year + 1


def json_ld(client, url):
    html = client.get(url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def empty_values(data, path=""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from empty_values(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from empty_values(value, f"{path}[{index}]")
    elif data in ("", None):
        yield path


def test_empty_properties_are_left_out(client, make_event):
    event = make_event(postal_code="", street_address="", country="")
    data = json_ld(client, event.url)
    assert list(empty_values(data)) == []
    address = data["location"]["address"]
    assert "postalCode" not in address and "addressCountry" not in address
    assert address["addressLocality"] == "Geneva"
    assert "offers" not in data  # no registration


def test_the_event_has_its_listing_image(client, make_event):
    image = wagtail_factories.ImageFactory()
    event = make_event(listing_image=image)
    data = json_ld(client, event.url)
    rendition = image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    assert data["image"] == ["http://testserver" + rendition.url]


def test_itu_and_the_co_organisers_organise(client, make_event):
    unesco = PartnerFactory(name="UNESCO", website="https://www.unesco.org/")
    event = make_event(co_organisers=[("partner", unesco)])
    organizers = json_ld(client, event.url)["organizer"]
    assert organizers == [
        {"@type": "Organization", "name": "ITU", "url": "https://www.itu.int/"},
        {"@type": "Organization", "name": "UNESCO", "url": "https://www.unesco.org/"},
    ]
    # Without co-organisers, ITU alone.
    alone = make_event(slug="alone")
    assert json_ld(client, alone.url)["organizer"]["name"] == "ITU"


def test_registration_is_a_free_offer_over_the_registration_window(client, make_event):
    event = make_event(
        start_date=datetime.date(NEXT_YEAR, 6, 12), end_date=datetime.date(NEXT_YEAR, 6, 16)
    )
    registration = CallPageFactory(
        parent=event,
        title="Register",
        slug="register",
        kind="registration",
        opens_on=datetime.date.today() - datetime.timedelta(days=3),
        closes_on=datetime.date(NEXT_YEAR, 6, 1),
    )
    event.registration_page = registration
    event.save_revision().publish()
    offer = json_ld(client, event.url)["offers"]
    assert offer["@type"] == "Offer"
    assert offer["price"] == 0 and offer["priceCurrency"]
    assert offer["url"] == registration.full_url
    assert offer["availability"] == "https://schema.org/InStock"
    registration.refresh_from_db()
    assert datetime.datetime.fromisoformat(offer["validFrom"]) == registration.opens_at
    assert datetime.datetime.fromisoformat(offer["validThrough"]) == registration.closes_at


def test_registration_elsewhere_is_an_offer_until_registration_closes(client, make_event):
    event = make_event(
        start_date=datetime.date(NEXT_YEAR, 6, 12),
        end_date=datetime.date(NEXT_YEAR, 6, 16),
        registration_url="https://register.example.org/wsis",
    )
    offer = json_ld(client, event.url)["offers"]
    assert offer["url"] == "https://register.example.org/wsis"
    assert datetime.datetime.fromisoformat(offer["validThrough"]) == event.ends_at
    assert "validFrom" not in offer


def test_no_offer_once_registration_has_closed(client, make_event):
    event = make_event(registration_url="https://register.example.org/wsis")  # in 2017
    assert "offers" not in json_ld(client, event.url)
