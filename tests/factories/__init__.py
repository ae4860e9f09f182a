"""Factories for the test suite (wagtail-factories and factory_boy)."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HomePage, StandardPage


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
