"""home.routing: a request routed to its page in two queries (after the site), to the same page,
view and arguments as Wagtail's own routing, or to the same 404."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from home import routing
from tests.conftest import make_english_home, refetched, shared_data, translate
from tests.factories import (
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_tree(django_db_setup, django_db_blocker):
    # Built once: the tests only route through it, or change it and are rolled back.
    with shared_data(django_db_blocker):
        yield make_tree(make_english_home())


@pytest.fixture
def tree(shared_tree):
    return refetched(shared_tree)


def make_tree(english_home):
    about = StandardPageFactory(parent=english_home, title="About", slug="about")
    history = StandardPageFactory(parent=about, title="History", slug="history")
    StandardPageFactory(parent=history, title="Geneva", slug="geneva")
    draft = StandardPageFactory(parent=about, title="Draft", slug="draft", live=False)
    draft.save_revision()
    StandardPageFactory(parent=draft, title="Under a draft", slug="under")
    events = EventIndexPageFactory(parent=english_home)
    event = EventPageFactory(parent=events, slug="forum")
    CallPageFactory(parent=event, title="Register", slug="register")
    translate(english_home, "fr", slug="accueil")
    translate(about, "fr", title="À propos", slug="a-propos")
    translate(english_home, "ar", publish=False, slug="ar-home")
    return english_home


PATHS = [
    "",
    "about/",
    "about/history/",
    "about/history/geneva/",
    "about/history/geneva/deeper/",
    "about/nope/",
    "nope/",
    "about/draft/",
    "about/draft/under/",
    "events/",
    "events/feed/",
    "events/calendar/",
    "events/forum/",
    "events/forum/calendar/",
    "events/forum/register/",
    "events/forum/nope/",
    "a-propos/",
    "accueil/",
]


def wagtail_route(request, path):
    """Wagtail's own routing (Page.route_for_request's body), without our middleware."""
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    return site.root_page.localized.specific.route(request, components)


def outcome(route, request, path):
    try:
        result = route(request, path)
    except Http404:
        return "404"
    page, args, kwargs = result
    if args:  # a RoutablePageMixin sub-route: (view, args, kwargs)
        view, view_args, view_kwargs = args
        args = (view.__name__, view_args, view_kwargs)
    return (page.pk, type(page), args, kwargs)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_every_path_goes_where_wagtail_sends_it(tree, language):
    factory = RequestFactory()
    with translation.override(language):
        for path in PATHS:
            ours = outcome(routing.route, factory.get(f"/{language}/{path}"), path)
            theirs = outcome(wagtail_route, factory.get(f"/{language}/{path}"), path)
            assert ours == theirs, path


def test_a_page_five_levels_down_takes_three_queries(tree):
    """The site, every page on the way, the page as its own class: whatever the depth."""
    request = RequestFactory().get("/ar/events/forum/register/")  # the Arabic home is a draft
    with translation.override("ar"), CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = routing.route(request, "events/forum/register/")
    assert page.title == "Register"
    assert len(queries) == 3, [q["sql"] for q in queries]
    # The pages above it came with it: its parent and breadcrumbs need no query.
    with CaptureQueriesContext(connection) as queries:
        assert [p.slug for p in page.breadcrumb_pages()] == ["events", "forum"]
        assert page.get_parent().slug == "forum"
    assert len(queries) == 0


def test_the_served_page_has_the_ancestors_wagtail_finds(tree):
    request = RequestFactory().get("/en/about/history/geneva/")
    page, _args, _kwargs = routing.route(request, "about/history/geneva/")
    expected = list(Page.objects.get(pk=page.pk).get_ancestors())
    assert [p.pk for p in page.route_ancestors] == [p.pk for p in expected]
    assert page.breadcrumb_pages() == expected[2:]


def test_a_private_section_stays_private(client, tree):
    about = Page.objects.get(slug="about")
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    response = client.get("/en/about/history/geneva/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]
    assert client.get("/en/events/").status_code == 200
    # The section's page no longer lists its private children.
    assert "History" not in client.get("/en/").content.decode()


def test_an_alias_keeps_its_originals_restrictions(client, tree):
    """An alias has no restrictions of its own: its original's apply (Wagtail's rule)."""
    history = Page.objects.get(slug="history").specific
    PageViewRestriction.objects.create(page=history, restriction_type="login")
    events = Page.objects.get(slug="events")
    history.create_alias(parent=events.specific, update_slug="history-alias")
    # EventIndexPage may not hold a StandardPage in the editor; create_alias does not ask.
    assert client.get("/en/events/history-alias/").status_code == 302


def test_wagtail_serves_the_route_the_middleware_found(client, tree, monkeypatch):
    """Wagtail's serve view takes the route from the request (home.routing's only hook into it):
    were it to route again by itself, this page would not be the one served."""
    found = []
    original = routing.route

    def spy(request, path):
        result = original(request, path)
        found.append(result.page.pk)
        return result

    monkeypatch.setattr(routing, "route", spy)
    response = client.get("/en/about/history/")
    assert response.status_code == 200
    assert found == [Page.objects.get(slug="history").pk]
    assert response.context["page"].route_ancestors is not None
