"""The open API, the exports, and the embed for registered sites only."""

import csv
import io
import json

import pytest
from django.core import mail

from stocktaking.models import Entry, storing
from tests.factories.stocktaking import EmbeddingSiteFactory, EntryFactory
from tests.stocktaking.conftest import entry_data

pytestmark = pytest.mark.django_db
API = "/api/stocktaking/v1/"


@pytest.fixture
def entries(database):
    return [
        EntryFactory(title="eHealth Rwanda", action_lines=["C7.4"], sdgs=[3], countries=["RW"]),
        EntryFactory(title="Schools online", action_lines=["C4"], sdgs=[4], countries=["PE"]),
        EntryFactory(title='=HYPERLINK("http://evil")', action_lines=["C9"], sdgs=[16]),
        EntryFactory(title="Not yet", status=Entry.Status.PENDING),
    ]


def test_api_filters_and_pages(client, entries):
    data = client.get(API + "entries/", {"action_line": "C7", "sdg": "3"}).json()
    assert data["count"] == 1
    assert data["results"][0]["title"] == "eHealth Rwanda"
    assert data["results"][0]["regions"] == ["africa"]
    assert data["results"][0]["action_lines"] == ["C7", "C7.4"]
    assert "contact_email" not in data["results"][0]
    data = client.get(API + "entries/", {"per_page": 2, "page": 2}).json()
    assert data["count"] == 3 and data["pages"] == 2 and len(data["results"]) == 1
    facets = client.get(API + "entries/", {"lang": "fr"}).json()["facets"]
    labels = {f["value"]: f["label"] for f in facets["region"]}
    assert labels["africa"] == "Afrique"


def test_api_is_cached_until_a_decision(client, entries, django_capture_on_commit_callbacks):
    response = client.get(API + "entries/")
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.json()["count"] == 3
    with django_capture_on_commit_callbacks(execute=True):
        storing.decide(entries[3], "approve")
    assert client.get(API + "entries/").json()["count"] == 4


def test_api_detail_and_openapi(client, entries):
    assert client.get(API + f"entries/{entries[0].pk}/").json()["title"] == "eHealth Rwanda"
    assert client.get(API + f"entries/{entries[3].pk}/").status_code == 404
    schema = client.get(API + "openapi.json").json()
    assert schema["openapi"].startswith("3.") and "/entries/" in schema["paths"]


def test_cors_for_registered_origins_only(client, entries):
    EmbeddingSiteFactory(origin="https://partner.example.org")
    allowed = client.get(API + "entries/", HTTP_ORIGIN="https://partner.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.org"
    other = client.get(API + "entries/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other


def test_exports(client, entries):
    response = client.get(API + "export.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "id" and len(rows) == 4
    titles = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in titles
    data = json.loads(b"".join(client.get(API + "export.json").streaming_content))
    assert len(data) == 3


def embed_url(site, rest=""):
    return f"/en/stocktaking/embed/{site.key}/{rest}"


def test_unregistered_embed_is_refused(client, entries):
    response = client.get("/en/stocktaking/embed/not-a-key/")
    assert response.status_code == 403
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"].split("; ")
    site = EmbeddingSiteFactory(is_active=False)
    assert client.get(embed_url(site)).status_code == 403


def test_registered_embed_works_for_its_origin_only(client, entries):
    site = EmbeddingSiteFactory(origin="https://partner.example.org")
    response = client.get(
        embed_url(site), {"action_line": "C7"}, HTTP_REFERER="https://partner.example.org/"
    )
    assert response.status_code == 200
    policy = response["Content-Security-Policy"].split("; ")
    assert "frame-ancestors https://partner.example.org" in policy
    assert "default-src 'self'" in policy  # the rest of the site's policy still holds
    assert "X-Frame-Options" not in response
    assert [e.title for e in response.context["results"].page] == ["eHealth Rwanda"]
    entry_page = client.get(embed_url(site, f"entries/{entries[0].pk}/"))
    assert entry_page.status_code == 200
    copied = client.get(embed_url(site), HTTP_REFERER="https://copycat.example/page")
    assert copied.status_code == 403


def test_embed_submission_is_attributed_to_the_site(client, entries):
    site = EmbeddingSiteFactory()
    client.get(embed_url(site, "submit/"))
    response = client.post(embed_url(site, "submit/"), entry_data(language="fr"))
    assert response.status_code == 200
    entry = Entry.objects.get(title="Hack for Health")
    assert entry.submitted_via == site and entry.status == Entry.Status.PENDING
    assert len(mail.outbox) == 1
    hidden = client.get(embed_url(site), {"form": "0"}).content.decode()
    assert "submit/" not in hidden


def test_embed_code_page(client, database):
    html = client.get(database.url + "embed-code/", {"key": "abc", "action_line": "C7"}).content
    assert b"/en/stocktaking/embed/abc/?action_line=C7" in html
