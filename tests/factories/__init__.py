"""Factories for the test suite (wagtail-factories and factory_boy)."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from calls.models import CallFormField, CallIndexPage, CallPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from media.models import GalleryPage, PhotoContestPage
from partners.models import Partner, PartnershipPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "World Summit on the Information Society"
    slug = "home"
    hero_text = "ICTs for sustainable development"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = factory.Sequence(lambda n: f"standard-page-{n}")
    introduction = "An introduction."

    class Meta:
        model = StandardPage


ImageFactory = wagtail_factories.ImageFactory
DocumentFactory = wagtail_factories.DocumentFactory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Global Events Calendar"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    event_type = "forum"
    summary = "An event of the WSIS process."
    time_zone = "Europe/Zurich"
    start_date = datetime.date(2017, 6, 12)
    end_date = datetime.date(2017, 6, 16)
    start_time = datetime.time(9)
    end_time = datetime.time(18)
    venue_name = "ITU Headquarters"
    street_address = "Place des Nations"
    postal_code = "1211"
    city = "Geneva"
    country = "CH"

    class Meta:
        model = EventPage


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner {n}")
    logo = factory.SubFactory(wagtail_factories.ImageFactory)
    logo_alt_text = factory.LazyAttribute(lambda partner: partner.name)
    website = "https://www.example.org/"
    stakeholder_type = "government"
    country = "CH"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))

    class Meta:
        model = Partner


class PartnershipPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnershipPage


class CallIndexPageFactory(wagtail_factories.PageFactory):
    title = "Calls for contributions"
    slug = "calls"

    class Meta:
        model = CallIndexPage


class CallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Call {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    kind = "contributions"
    time_zone = "Europe/Zurich"
    to_address = "wsis-staff@itu.int"

    class Meta:
        model = CallPage


def add_form_fields(page, *fields):
    """Adds form fields: (label, field_type, required[, extra options])."""
    for order, (label, field_type, required, *extra) in enumerate(fields):
        CallFormField.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            locale=page.locale,
            **(extra[0] if extra else {}),
        )
    return page


class PhotoContestPageFactory(wagtail_factories.PageFactory):
    title = "WSIS Photo Contest 2017"
    slug = "photo-contest-2017"
    theme = "Information and Knowledge Societies for achieving the SDGs"
    opens_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=5))
    closes_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=20))
    entries_per_entrant = 5
    number_of_winners = 3
    min_long_side = 1600

    class Meta:
        model = PhotoContestPage


class GalleryPageFactory(wagtail_factories.PageFactory):
    title = "Photos of the WSIS Forum"
    slug = "gallery"

    class Meta:
        model = GalleryPage


def member_of(group_name, username):
    """A staff user in one of the groups translations.roles creates (run setup_roles first)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, f"{username}@itu.int", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user
