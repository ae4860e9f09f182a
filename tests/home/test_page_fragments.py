"""A page's own sections kept with {% page_fragment %} (home.fragments): the home page's hero,
sections and latest news, rendered once per language and reused by every uncached render until
a purge makes them stale. A change shows on the next request: a story published (a descendant),
a translation going live, the page's own edit; a preview never reads nor keeps them; what
changes by itself (page_cache.changes_at) is told again on reuse and bounds the lifetime."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from home import fragments, page_cache
from home.current_request import _request
from tests.conftest import translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_page_rendered_again_reuses_its_sections(client, home, news_index, settings):
    NewsPageFactory(parent=news_index, title="Forum opens")
    first = html_of(client, home.url)
    computed = []
    original = fragments._compute_noting_changes
    fragments._compute_noting_changes = lambda *a: computed.append(1) or original(*a)
    try:
        second = html_of(client, home.url)
    finally:
        fragments._compute_noting_changes = original
    assert computed == []  # nothing computed again: the sections came from the cache
    settings.PAGE_FRAGMENTS = False
    assert second == first == html_of(client, home.url)
    assert "Forum opens" in second


def test_a_story_published_shows_on_the_home_page_at_once(
    client, home, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=news_index, title="Forum opens")
    assert "Forum opens" in html_of(client, home.url)
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=news_index, title="Prizes announced").save_revision().publish()
    assert "Prizes announced" in html_of(client, home.url)


def test_the_home_page_edited_and_a_translation_going_live_show_at_once(
    client, home, news_index, django_capture_on_commit_callbacks
):
    story = NewsPageFactory(parent=news_index, title="Forum opens")
    with django_capture_on_commit_callbacks(execute=True):
        french_home = translate(home, "fr", slug="accueil", hero_text="Les TIC")
        translate(news_index, "fr", slug="actualites")
    # Not yet translated: the French home lists the English story.
    assert "Forum opens" in html_of(client, french_home.url)
    with django_capture_on_commit_callbacks(execute=True):
        translate(story, "fr", slug="ouverture", title="Ouverture du Forum")
    html = html_of(client, french_home.url)
    assert "Ouverture du Forum" in html and "Forum opens" not in html
    home.hero_text = "ICTs for everyone"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "ICTs for everyone" in html_of(client, home.url)


def test_a_preview_neither_reads_nor_keeps_the_sections(home, client):
    html_of(client, home.url)  # kept
    home.hero_text = "A draft hero"
    assert "A draft hero" in home.make_preview_request().content.decode()
    assert "A draft hero" not in html_of(client, home.url)


def sections_request(home):
    request = RequestFactory().get(home.url)
    request._wagtail_site = home.get_site()
    return request


def test_a_section_with_a_per_visitor_input_is_never_kept(home):
    request = sections_request(home)
    form = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
    first = fragments.page_fragment(request, home, "form", lambda: form.format("one"))
    second = fragments.page_fragment(request, home, "form", lambda: form.format("two"))
    assert (first, second) == (form.format("one"), form.format("two"))


def test_what_changes_by_itself_is_told_again_and_bounds_the_lifetime(home):
    request = sections_request(home)
    token = _request.set(request)
    try:
        soon = timezone.now() + datetime.timedelta(hours=1)

        def compute():
            page_cache.changes_at(soon)
            return "upcoming"

        assert fragments.page_fragment(request, home, "status", compute) == "upcoming"
        assert request._page_cache_changes_at == soon
        reused = sections_request(home)
        _request.set(reused)
        assert fragments.page_fragment(reused, home, "status", lambda: "recomputed") == "upcoming"
        assert reused._page_cache_changes_at == soon  # the reusing page lives no longer
        past = sections_request(home)
        _request.set(past)
        later = timezone.now() + datetime.timedelta(hours=2)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(timezone, "now", lambda: later)
            assert fragments.page_fragment(past, home, "status", lambda: "now on") == "now on"
    finally:
        _request.reset(token)
