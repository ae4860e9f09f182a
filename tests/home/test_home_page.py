"""The home page: its sections render, and its SQL query count stays bounded."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import translate
from tests.factories import DocumentFactory, ImageFactory, PartnerFactory, StandardPageFactory
from tests.factories.many import add_pages

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12


def item_list(name, values):
    return [{"type": "item", "value": v, "id": f"{name}-{i}"} for i, v in enumerate(values)]


def sections(targets, images, documents, partners, count):
    """A home page body with `count` items in each list section."""

    def link(i, label=""):
        return {"page": targets[i % len(targets)].pk, "url": "", "label": label}

    def picture(i):
        return {"image": images[i % len(images)].pk, "alt_text": f"Picture {i}"}

    return [
        {
            "type": "featured",
            "value": {
                "heading": "Highlights",
                "items": item_list(
                    "f",
                    [
                        {"title": f"Item {i}", "summary": "S", "image": picture(i), "link": link(i)}
                        for i in range(count)
                    ],
                ),
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Call for action",
                "links": item_list("a", [link(i) for i in range(count)]),
            },
        },
        {
            "type": "news",
            "value": {
                "heading": "News",
                "items": item_list(
                    "n",
                    [
                        {
                            "title": f"News {i}",
                            "date": "2017-03-01",
                            "text": "<p>Text</p>",
                            "image": picture(i),
                            "link": link(i, "More"),
                        }
                        for i in range(count)
                    ],
                ),
            },
        },
        {
            "type": "partners",
            "value": {
                "heading": "Partners",
                "partners": item_list("p", [partner.pk for partner in partners]),
            },
        },
        {
            "type": "document",
            "value": {"title": "Invitation letter", **{c: documents[c].pk for c in documents}},
        },
    ]


@pytest.fixture
def home_with_sections(english_home):
    def build(count):
        targets = add_pages(
            english_home,
            [
                StandardPageFactory.build(title=f"Target {i}", slug=f"target-{count}-{i}")
                for i in range(count)
            ],
        )
        images = [ImageFactory(title=f"Image {i}") for i in range(count)]
        documents = {code: DocumentFactory(title=f"Letter {code}") for code in ["ar", "en", "fr"]}
        partners = [PartnerFactory(logo=images[i]) for i in range(count)]
        english_home.body = sections(targets, images, documents, partners, count)
        english_home.save_revision().publish()
        return english_home

    return build


def count_queries(client, url):
    client.get(url)  # the first request makes the image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_home_query_count_does_not_grow_with_its_sections(client, home_with_sections):
    home_with_sections(2)
    few, html = count_queries(client, "/en/")
    assert html.count('class="card"') == 2

    home_with_sections(40)
    many, html = count_queries(client, "/en/")
    assert html.count('class="card"') == 40
    assert html.count('class="news-item"') == 40
    assert html.count('class="partner-logo"') == 40

    assert few == many
    assert many <= QUERY_BUDGET


def test_links_lead_to_the_readers_language(client, english_home):
    about = StandardPageFactory(parent=english_home, title="About WSIS", slug="about-wsis")
    english_home.body = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Call for action",
                "links": item_list("a", [{"page": about.pk, "url": "", "label": ""}]),
            },
        }
    ]
    english_home.save_revision().publish()
    translate(english_home, "fr", slug="accueil")
    translate(about, "fr", title="À propos du SMSI", slug="a-propos-du-smsi")

    html = client.get("/fr/").content.decode()
    assert '<a href="/fr/a-propos-du-smsi/">À propos du SMSI</a>' in html
    html = client.get("/en/").content.decode()
    assert '<a href="/en/about-wsis/">About WSIS</a>' in html


def test_multilingual_document_names_each_language_for_screen_readers(client, english_home):
    documents = {code: DocumentFactory(title=f"Letter {code}") for code in ["zh", "ar", "en"]}
    english_home.body = [
        {
            "type": "document",
            "value": {"title": "Invitation letter", **{c: d.pk for c, d in documents.items()}},
        }
    ]
    english_home.save_revision().publish()
    html = client.get("/en/").content.decode()
    # In the UN order, whatever order the editor filled them in; missing languages left out.
    assert html.index("[AR]") < html.index("[EN]") < html.index("[ZH]")
    assert "[FR]" not in html
    assert '<span class="visually-hidden"> Invitation letter in Arabic (' in html
    assert f'href="{documents["ar"].url}" hreflang="ar"' in html
