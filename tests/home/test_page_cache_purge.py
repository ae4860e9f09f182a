"""The page cache's purges (home.cache_purge): a publication, an unpublication, a move, a
snippet, the site settings or a translation going live shows on the next anonymous request, and
a purge request reaches a configured CDN (wagtail.contrib.frontend_cache)."""

import http.server
import threading

import pytest

from tests.conftest import translate
from tests.factories import PartnerFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

# Purges ------------------------------------------------------------------------------------------


def test_publishing_a_page_shows_on_the_next_anonymous_request(
    client, about, django_capture_on_commit_callbacks
):
    client.get(about.url + "?page=2")
    assert "About WSIS" in client.get(about.url).content.decode()
    about.title = "About the Summit"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert "About the Summit" in client.get(about.url).content.decode()
    # Every URL of the page, query strings included.
    assert client.get(about.url + "?page=2")["X-Page-Cache"] == "miss"


def test_unpublishing_and_moving_purge(client, home, about, django_capture_on_commit_callbacks):
    child = StandardPageFactory(parent=about, title="Stocktaking", slug="stocktaking")
    client.get(about.url)  # lists the child ("In this section")
    client.get(child.url)
    with django_capture_on_commit_callbacks(execute=True):
        child.unpublish()
    assert "Stocktaking" not in client.get(about.url).content.decode()
    assert client.get(child.url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        child.save_revision().publish()
    old_url = child.url
    client.get(old_url)
    with django_capture_on_commit_callbacks(execute=True):
        child.move(home, pos="last-child")
    # The old address now redirects (Wagtail keeps a redirect for a moved page).
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == "/en/stocktaking/"


def test_editing_a_partner_shows_on_the_pages_that_show_it(
    client, home, django_capture_on_commit_callbacks
):
    partner = PartnerFactory(name="Intel Corporation")
    home.body = [
        {
            "type": "partners",
            "value": {
                "heading": "Partners",
                "partners": [{"type": "item", "value": partner.pk, "id": "p1"}],
            },
        }
    ]
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "Intel Corporation" in client.get(home.url).content.decode()
    partner.name = partner.logo_alt_text = "Intel"
    with django_capture_on_commit_callbacks(execute=True):
        partner.save()
    html = client.get(home.url).content.decode()
    assert "Intel Corporation" not in html and 'alt="Intel"' in html


def test_site_settings_purge_every_page(client, home, about, django_capture_on_commit_callbacks):
    from home.models import SiteSettings

    client.get(about.url)
    settings_row = SiteSettings.for_site(home.get_site())
    settings_row.organisation = "United Nations"
    with django_capture_on_commit_callbacks(execute=True):
        settings_row.save()
    assert client.get(about.url)["X-Page-Cache"] == "miss"


def test_a_translation_going_live_shows_on_the_next_request(
    client, home, about, django_capture_on_commit_callbacks
):
    translate(home, "fr", slug="accueil")
    english = client.get(about.url).content.decode()
    assert '<a href="/fr/" lang="fr"' in english  # no translation yet: the French home
    with django_capture_on_commit_callbacks(execute=True):
        french = translate(about, "fr", title="À propos du SMSI", slug="a-propos-du-smsi")
    english = client.get(about.url).content.decode()
    assert f'<a href="{french.url}" lang="fr"' in english
    assert "À propos du SMSI" in client.get(french.url).content.decode()


# The CDN: purge requests through wagtail.contrib.frontend_cache --------------------------------


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        PurgeRecorder.received.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.received = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_publishing_sends_a_purge_to_the_configured_cdn(
    settings, purge_server, about, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_server,
        }
    }
    about.title = "About the Summit"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert ("/en/about-wsis/", "localhost") in PurgeRecorder.received
    # Its parent lists it: purged too.
    assert ("/en/", "localhost") in PurgeRecorder.received


def test_the_cdn_is_configured_from_the_environment(monkeypatch):
    from wsis_site.settings.env import _frontend_cache

    monkeypatch.delenv("CLOUDFLARE_API_TOKEN", raising=False)
    monkeypatch.delenv("CLOUDFRONT_DISTRIBUTION_ID", raising=False)
    monkeypatch.delenv("FRONTEND_CACHE_PURGE_URL", raising=False)
    assert _frontend_cache() is None
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://varnish:6081")
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "token")
    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "zone")
    monkeypatch.setenv("CLOUDFRONT_DISTRIBUTION_ID", "E123")
    backends = _frontend_cache()
    assert backends["http"]["LOCATION"] == "http://varnish:6081"
    assert backends["cloudflare"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": "token",
        "ZONEID": "zone",
    }
    assert backends["cloudfront"]["DISTRIBUTION_ID"] == "E123"
