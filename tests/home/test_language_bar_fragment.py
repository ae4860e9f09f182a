"""A page's language versions (its language bar, hreflang and og:locale alternates) are kept in
the shared cache per page and language (home.fragments.remembered) until the page or the site's
home is purged: a page rendered again skips looking up its translations, and a translation
published (or unpublished) shows at once."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from home import fragments, languages, page_cache
from tests.conftest import translate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def rendered(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_page_rendered_again_skips_looking_up_its_translations(client, about, monkeypatch):
    looked_up = []
    lookup = languages._page_translations
    monkeypatch.setattr(
        languages, "_page_translations", lambda *a: looked_up.append(1) or lookup(*a)
    )
    first, cold = rendered(client, about.url)
    assert looked_up == [1]
    second, warm = rendered(client, about.url)
    assert looked_up == [1]
    assert second == first
    assert warm < cold
    assert 'hreflang="fr"' in second  # the bar still lists every language


def test_a_translation_published_shows_in_the_bar_at_once(
    client, home, about, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(home, "fr", slug="accueil")
    html, _ = rendered(client, about.url)
    assert '<link rel="alternate" hreflang="fr"' not in html  # no French page yet
    with django_capture_on_commit_callbacks(execute=True):
        french = translate(about, "fr", slug="a-propos-du-smsi")
    html, _ = rendered(client, about.url)
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{french.url}">' in html
    with django_capture_on_commit_callbacks(execute=True):
        french.unpublish()
    html, _ = rendered(client, about.url)
    assert '<link rel="alternate" hreflang="fr"' not in html


def test_a_purge_while_computing_leaves_what_is_kept_stale(about):
    request = RequestFactory().get("/en/about-wsis/")

    def purged_meanwhile():
        page_cache.new_versions([about.pk])  # a purge commits during the computation
        return "old"

    assert fragments.remembered(request, "test", [about.pk], purged_meanwhile) == "old"
    assert fragments.remembered(request, "test", [about.pk], lambda: "new") == "new"
    assert fragments.remembered(request, "test", [about.pk], lambda: "newer") == "new"  # kept
    page_cache.new_generation()
    assert fragments.remembered(request, "test", [about.pk], lambda: "newer") == "newer"
