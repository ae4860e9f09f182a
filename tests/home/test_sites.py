"""home.sites: the site a request is for, from the shared cache, dropped when a site or a
site's root page changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from home import sites
from tests.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def site_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Wagtail's site lookup, not its (separately cached) site root paths.
    lookups = [q["sql"] for q in queries if '"wagtailcore_site"."hostname" =' in q["sql"]]
    return response, lookups


def test_the_site_is_looked_up_once_then_kept(client, english_home):
    StandardPageFactory(parent=english_home, slug="about")
    response, lookups = site_queries(
        client,
        "/en/about/",
    )
    assert response.status_code == 200 and len(lookups) == 1
    response, lookups = site_queries(client, "/en/about/")
    assert response.status_code == 200 and lookups == []


def test_a_site_changed_is_looked_up_again(client, english_home):
    client.get("/en/", HTTP_HOST="localhost")
    french = Locale.objects.get(language_code="fr")
    other_home = HomePageFactory(parent=english_home.get_parent(), slug="other", locale=french)
    site = Site.objects.get(is_default_site=True)
    site.root_page = other_home
    site.save()
    response = client.get("/en/", HTTP_HOST="localhost")
    assert response.context["page"].pk == other_home.pk


def test_a_root_page_saved_or_moved_drops_the_lookup(client, english_home):
    client.get("/en/")
    assert sites.SITES_KEY in sites.cache
    english_home.title = "WSIS"
    english_home.save()
    assert sites.SITES_KEY not in sites.cache
    client.get("/en/")
    page = StandardPageFactory(parent=english_home, slug="elsewhere")
    assert sites.SITES_KEY in sites.cache  # another page: the lookup stays
    page.move(english_home, pos="last-child")
    assert sites.SITES_KEY not in sites.cache
