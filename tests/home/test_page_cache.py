"""The page cache for anonymous visitors (home.page_cache), its purges (home.cache_purge) and the
HTTP caching headers. The test settings turn the cache off; each test here turns it on."""

import copy
import datetime
import re
import time

import pytest
from django.contrib.messages import constants, storage
from django.contrib.messages.storage.base import Message
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail import hooks

from calls.models import CallSubmission
from home import page_cache
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    StandardPageFactory,
    add_form_fields,
)
from tests.home.conftest import queries_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


# Stored once, served without SQL -----------------------------------------------------------------


def test_a_second_anonymous_request_runs_no_sql(client, about):
    first, first_queries = queries_for(client, about.url)
    assert first["X-Page-Cache"] == "miss" and first_queries > 0
    second, second_queries = queries_for(client, about.url)
    assert second["X-Page-Cache"] == "hit"
    assert second_queries == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_the_key_is_the_full_url_and_language(client, about):
    client.get(about.url)
    other = client.get(about.url + "?utm_source=newsletter")
    assert other["X-Page-Cache"] == "miss"
    assert client.get(about.url + "?utm_source=newsletter")["X-Page-Cache"] == "hit"
    # Another host name is another page (absolute hreflang links name the host).
    elsewhere = client.get(about.url, HTTP_HOST="wsis.example")
    assert elsewhere["X-Page-Cache"] == "miss"


# A hit: what a fresh render sends, without the middlewares inside the page cache ----------------


def comparable(response):
    """A response's headers but the page cache's status, and `s-maxage` (a second older)."""
    headers = dict(response.headers)
    headers.pop(page_cache.STATUS_HEADER)
    headers["Cache-Control"] = re.sub(r"s-maxage=\d+", "s-maxage=N", headers["Cache-Control"])
    return headers


def test_a_hit_sends_the_headers_a_fresh_render_sends(client, about):
    fresh = client.get(about.url)
    assert fresh["X-Page-Cache"] == "miss"
    hit = client.get(about.url)
    assert hit["X-Page-Cache"] == "hit"
    assert comparable(hit) == comparable(fresh)
    for name in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Content-Length",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert hit[name] == fresh[name], name


INSIDE_THE_PAGE_CACHE = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wsis_site.csp.SitePolicyMiddleware",
)


def middlewares_run(monkeypatch):
    """The middlewares inside the page cache whose response processing runs, in order."""
    ran = []
    for path in INSIDE_THE_PAGE_CACHE:
        middleware = import_string(path)
        original = middleware.process_response

        def counting(self, request, response, original=original, path=path):
            ran.append(path)
            return original(self, request, response)

        monkeypatch.setattr(middleware, "process_response", counting)
    return ran


def test_a_shared_page_is_served_without_the_middlewares_inside_the_page_cache(
    client, about, monkeypatch
):
    client.get(about.url)
    ran = middlewares_run(monkeypatch)
    hit = client.get(about.url)
    assert hit["X-Page-Cache"] == "hit"
    assert ran == []
    assert "Vary" not in hit or "Cookie" not in hit["Vary"]


def test_a_form_page_is_served_with_only_the_csrf_middleware_of_those(client, call, monkeypatch):
    """Its CSRF token and cookie are Django's CSRF middleware's: that one alone runs for it."""
    client.get(call.url)
    ran = middlewares_run(monkeypatch)
    hit = type(client)().get(call.url)
    assert hit["X-Page-Cache"] == "hit"
    assert ran == ["django.middleware.csrf.CsrfViewMiddleware"]
    assert "csrftoken" in hit.cookies


def test_a_new_content_security_policy_is_sent_at_once(client, about, settings):
    client.get(about.url)
    assert client.get(about.url)["X-Page-Cache"] == "hit"
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["img-src"] = [*policy["DIRECTIVES"]["img-src"], "https://images.example"]
    settings.CONTENT_SECURITY_POLICY = policy
    for _ in range(2):  # stored again under the new policy, then served with it
        response = client.get(about.url)
        assert "https://images.example" in response["Content-Security-Policy"]


def test_a_page_that_used_a_csp_nonce_is_not_stored(client, about):
    """A nonce is one response's: a page that used it is never shared."""

    def use_nonce(page, request, args, kwargs):
        str(request.csp_nonce)

    with hooks.register_temporarily("before_serve_page", use_nonce):
        response = client.get(about.url)
    assert response["X-Page-Cache"] == "skip"
    assert "private" in response["Cache-Control"]


def test_a_form_page_hit_sends_the_headers_a_fresh_render_sends(client, call):
    fresh = client.get(call.url)
    hit = type(client)().get(call.url)
    assert hit["X-Page-Cache"] == "hit"
    assert comparable(hit) == comparable(fresh)
    assert "csrftoken" in hit.cookies


# Never one visitor's page for another ------------------------------------------------------------


def test_a_signed_in_user_is_never_served_from_nor_stored_in_the_cache(client, about, admin_user):
    client.get(about.url)  # stored for anonymous visitors
    editor = type(client)()
    editor.force_login(admin_user)
    response, queries = queries_for(editor, about.url)
    assert "X-Page-Cache" not in response and queries > 0
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # What the editor was shown (with the user bar) was not stored for anyone.
    page_cache.new_generation()
    editor.get(about.url)
    assert client.get(about.url)["X-Page-Cache"] == "miss"


def test_a_preview_is_never_served_from_the_cache(client, about):
    client.get(about.url)
    about.title = "About WSIS (draft)"
    about.save_revision()
    # Wagtail's preview renders a dummy request through the middlewares, without a session.
    preview = about.make_preview_request()
    assert "About WSIS (draft)" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    assert "About WSIS (draft)" not in client.get(about.url).content.decode()


def message_cookie(text):
    """The cookie Django's message framework sets for a message waiting to be shown."""
    request = RequestFactory().get("/")
    cookie_storage = storage.cookie.CookieStorage(request)
    response = HttpResponse()
    cookie_storage._store([Message(constants.SUCCESS, text)], response)
    return response.cookies[cookie_storage.cookie_name].value


def test_a_page_with_a_message_is_never_served_from_nor_stored_in_the_cache(client, about):
    client.get(about.url)
    client.cookies["messages"] = message_cookie("Thank you, your enquiry was sent.")
    response = client.get(about.url)
    assert "X-Page-Cache" not in response
    del client.cookies["messages"]
    page_cache.new_generation()
    client.cookies["messages"] = message_cookie("Thank you, your enquiry was sent.")
    client.get(about.url)
    del client.cookies["messages"]
    assert client.get(about.url)["X-Page-Cache"] == "miss"


def test_a_response_that_changes_the_session_is_not_stored(client, about, monkeypatch):
    def remember(page, request, args, kwargs):
        request.session["seen"] = page.pk

    with hooks.register_temporarily("before_serve_page", remember):
        response = client.get(about.url)
    assert response["X-Page-Cache"] == "skip"
    assert "private" in response["Cache-Control"]


# Forms: cached with holes, filled for each visitor ------------------------------------------------


@pytest.fixture
def call(home):
    index = CallIndexPageFactory(parent=home)
    today = timezone.localdate()
    page = CallPageFactory(
        parent=index,
        title="Call for contributions",
        slug="contributions",
        opens_on=today - datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=30),
    )
    return add_form_fields(page, ("Name", "singleline", True), ("E-mail", "email", True))


def hidden(html, name):
    marker = f'name="{name}" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_a_form_page_is_cached_with_each_visitor_given_fresh_tokens(client, call, monkeypatch):
    client.get(call.url)
    second_visitor = type(client)()
    response, queries = queries_for(second_visitor, call.url)
    assert response["X-Page-Cache"] == "hit" and queries == 0
    third = type(client)().get(call.url)
    first_html, second_html = response.content.decode(), third.content.decode()
    for name in ("csrfmiddlewaretoken", "form_started", "submission_token"):
        assert hidden(first_html, name) != hidden(second_html, name), name
    # Never kept by a browser or a CDN; each visitor gets their own CSRF cookie.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "csrftoken" in response.cookies
    # The cached form, sent back by that visitor, is accepted and stored.
    monkeypatch.setattr("public_forms.forms.MIN_FILL_SECONDS", 0)
    second_visitor.handler.enforce_csrf_checks = True
    posted = second_visitor.post(
        call.url,
        {
            "csrfmiddlewaretoken": hidden(first_html, "csrfmiddlewaretoken"),
            "form_started": hidden(first_html, "form_started"),
            "submission_token": hidden(first_html, "submission_token"),
            "name": "Ada Lovelace",
            "e_mail": "ada@example.org",
        },
    )
    assert posted.status_code == 200, posted.content.decode()[:2000]
    assert CallSubmission.objects.filter(page=call).count() == 1


def test_a_call_cached_while_open_shows_closed_a_second_after_its_deadline(client, call):
    deadline = timezone.now() + datetime.timedelta(seconds=3)
    type(call).objects.filter(pk=call.pk).update(closes_at=deadline)
    response = client.get(call.url)
    assert response["X-Page-Cache"] == "miss"
    assert 'name="submission_token"' in response.content.decode()
    # Kept no longer than the deadline, here and at a CDN (and never served stale).
    max_age = (
        int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
        if ("s-maxage" in response["Cache-Control"])
        else 0
    )
    assert max_age <= 3
    assert client.get(call.url)["X-Page-Cache"] == "hit"
    time.sleep(max(0, (deadline - timezone.now()).total_seconds()) + 1)
    closed = client.get(call.url)
    assert closed["X-Page-Cache"] == "miss"
    assert 'name="submission_token"' not in closed.content.decode()
    assert "Closed" in closed.content.decode()


def test_the_calls_index_is_not_kept_past_a_listed_calls_deadline(client, call):
    deadline = timezone.now() + datetime.timedelta(seconds=30)
    type(call).objects.filter(pk=call.pk).update(closes_at=deadline)
    response = client.get(call.get_parent().url)
    assert response["X-Page-Cache"] == "miss"
    assert "stale-while-revalidate" not in response["Cache-Control"]
    assert int(response["Cache-Control"].split("s-maxage=")[1]) <= 30


# HTTP caching headers ----------------------------------------------------------------------------


def test_anonymous_pages_are_public_for_a_cdn_with_validators(client, about):
    response = client.get(about.url)
    directives = [d.strip() for d in response["Cache-Control"].split(",")]
    assert directives[:2] == ["public", "max-age=0"]
    assert 598 <= int(directives[2].removeprefix("s-maxage=")) <= 600
    assert directives[3] == "stale-while-revalidate=60"
    assert "Cookie" not in response.get("Vary", "")
    assert response["ETag"] and response["Last-Modified"]
    hit = client.get(about.url)
    assert hit["ETag"] == response["ETag"]
    assert hit["Last-Modified"] == response["Last-Modified"]


def test_a_conditional_get_is_answered_304(client, about):
    response = client.get(about.url)
    not_modified = client.get(about.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    since = client.get(about.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    changed = client.get(about.url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


# The navigation and footer: rendered once per language -------------------------------------------


def set_navigation(home, *pages, commit):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.navigation = [
        {"type": "link", "value": {"label": "", "page": page.pk, "url": ""}} for page in pages
    ]
    with commit(execute=True):
        site_settings.save()


def test_the_navigation_comes_from_a_fragment_and_marks_the_current_page(
    client, home, about, django_capture_on_commit_callbacks
):
    events = StandardPageFactory(parent=home, title="Events", slug="events")
    set_navigation(home, about, events, commit=django_capture_on_commit_callbacks)
    html = client.get(about.url).content.decode()
    assert '<a href="/en/about-wsis/" aria-current="page">About WSIS</a>' in html
    assert '<a href="/en/events/">Events</a>' in html
    # The next page comes with the navigation ready-made: the current link is its own.
    html = client.get(events.url).content.decode()
    assert '<a href="/en/events/" aria-current="page">Events</a>' in html
    assert '<a href="/en/about-wsis/">About WSIS</a>' in html
    # A page the navigation links to, renamed: every page shows the new name.
    events.title = "Global Events Calendar"
    with django_capture_on_commit_callbacks(execute=True):
        events.save_revision().publish()
    html = client.get(about.url).content.decode()
    assert '<a href="/en/events/">Global Events Calendar</a>' in html


def test_a_page_rendered_with_the_fragments_warm_skips_their_queries(
    client, home, about, django_capture_on_commit_callbacks
):
    pages = [StandardPageFactory(parent=home) for _ in range(5)]
    set_navigation(home, *pages, commit=django_capture_on_commit_callbacks)
    client.get(home.url)  # the fragments are rendered and kept
    page_cache.new_versions([about.pk])
    _response, warm = queries_for(client, about.url)
    page_cache.new_generation()  # fragments and pages stale: everything rendered again
    _response, cold = queries_for(client, about.url)
    assert warm < cold


# Redis down: served all the same -----------------------------------------------------------------


def test_pages_are_served_while_redis_is_down(settings, client, about):
    settings.CACHES = {
        "default": {
            "BACKEND": "wsis_site.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for _ in range(2):
        response = client.get(about.url)
        assert response.status_code == 200
        assert "About WSIS" in response.content.decode()
