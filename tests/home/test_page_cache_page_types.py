"""The page cache on every page type of the demo site (home.page_cache): a second anonymous
request runs no SQL, and an uncached one stays within its query budget. The test settings turn
the cache off; each test here turns it on."""

import factory
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home import page_cache
from tests.demo_site import load_demo_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STALE_SECONDS = 60


# Every page type, as the demo site has them -------------------------------------------------------


def public_page_models():
    """Every concrete page type of the site (BasePage's subclasses): a new page type is in this
    list without anyone adding it here."""
    from wagtail.models import get_page_models

    from home.models import BasePage

    return sorted(
        (m for m in get_page_models() if issubclass(m, BasePage) and not m._meta.abstract),
        key=lambda m: m._meta.label,
    )


class EveryPageTypeTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_site(cls)

    def pages(self):
        for model in public_page_models():
            found = {}
            for page in model.objects.live().public().select_related("locale"):
                found.setdefault(page.locale.language_code, page)
            if not found:
                found["en"] = self.make_page(model)
            for language in ("en", "ar"):
                if language in found:
                    yield model, found[language]

    def make_page(self, model):
        """A page type the demo site has none of: made by its factory (tests/factories), under
        a live English page of a type it may be created under."""
        import importlib
        import pkgutil

        import tests.factories

        modules = [tests.factories] + [
            importlib.import_module(f"tests.factories.{info.name}")
            for info in pkgutil.iter_modules(tests.factories.__path__)
        ]
        factories = [
            value
            for module in modules
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, factory.base.BaseFactory)
            and value._meta.model is model
        ]
        self.assertTrue(factories, f"{model._meta.label}: no demo page and no factory")
        parent = (
            Page.objects.live()
            .filter(
                locale__language_code="en",
                content_type__in=[
                    ContentType.objects.get_for_model(parent_model)
                    # Its own parent_page_types (whether the parent lists it back or not).
                    for parent_model in model.clean_parent_page_models()
                ],
            )
            .first()
        )
        self.assertIsNotNone(parent, f"{model._meta.label}: nowhere to create one")
        return factories[0](parent=parent.specific)

    @override_settings(PAGE_CACHE_SECONDS=600)
    def test_a_second_anonymous_request_runs_no_sql_for_every_page_type(self):
        for model, page in self.pages():
            with self.subTest(page_type=model._meta.label, url=page.url):
                first = self.client.get(page.url)
                self.assertEqual(first.status_code, 200)
                with CaptureQueriesContext(connection) as queries:
                    second = self.client.get(page.url)
                self.assertEqual(second["X-Page-Cache"], "hit")
                self.assertEqual(len(queries), 0, [q["sql"] for q in queries])

    @override_settings(PAGE_CACHE_SECONDS=600)
    def test_uncached_pages_run_at_most_twelve_queries(self):
        """What a page costs when it is not in the page cache, as in production: its entry
        purged, the navigation and footer fragments warm (home.fragments)."""
        counts = {}
        for model, page in self.pages():
            self.client.get(page.url)  # renditions made, Wagtail's site cache warm
            page_cache.new_versions([page.pk])
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(page.url)
            self.assertEqual(response["X-Page-Cache"], "miss")
            counts[(model._meta.label, page.url)] = len(queries)
        print("QUERY COUNTS", counts)
        self.assertEqual({key: count for key, count in counts.items() if count > 12}, {})
