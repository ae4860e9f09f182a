"""The Global Repository's listing: its filters and search, its cards, its languages, and its
query count with 10 and 500 publications."""

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from events.models import EventPage
from publications.models import PublicationDocument, PublicationPage
from stocktaking.models import Region
from tests.conftest import translate
from tests.factories.many import add_pages, index_now
from tests.factories.publications import (
    PdfDocumentFactory,
    PublicationPageFactory,
    add_documents,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_repository(repository):
    """The 2014 newsletter's Global Repository, in brief."""
    # Committed, as a publish is: the search index is updated by a task after the commit.
    with TestCase.captureOnCommitCallbacks(execute=True):
        africa, europe, cis = (Region.objects.get(code=c) for c in ("africa", "europe", "cis"))
        made = {}
        for key, title, kind, year, regions, languages in [
            ("st2014", "WSIS Stocktaking Report 2014", "report", 2014, [], ["en", "fr", "es"]),
            ("st2013", "WSIS Stocktaking Report 2013", "report", 2013, [], ["en"]),
            (
                "itu",
                "ITU Contribution to the WSIS Implementation",
                "contribution",
                2013,
                [],
                ["en"],
            ),
            (
                "africa",
                "Regional Stocktaking Reporting for Africa",
                "regional_report",
                2014,
                [africa],
                ["en", "fr"],
            ),
            (
                "europe",
                "Regional Stocktaking Reporting for Europe and CIS",
                "regional_report",
                2014,
                [europe, cis],
                ["en", "ru"],
            ),
        ]:
            page = PublicationPageFactory(
                parent=repository, title=title, publication_type=kind, year=year
            )
            page.regions.set(regions)
            add_documents(page, *languages)
            page.save_revision().publish()
            made[key] = page
    return made


def titles(response):
    return [p.title for p in response.context["publications"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            [
                "Regional Stocktaking Reporting for Africa",
                "Regional Stocktaking Reporting for Europe and CIS",
                "WSIS Stocktaking Report 2014",
                "ITU Contribution to the WSIS Implementation",
                "WSIS Stocktaking Report 2013",
            ],
        ),
        (
            "type=regional_report",
            [
                "Regional Stocktaking Reporting for Africa",
                "Regional Stocktaking Reporting for Europe and CIS",
            ],
        ),
        (
            "year=2013",
            ["ITU Contribution to the WSIS Implementation", "WSIS Stocktaking Report 2013"],
        ),
        ("region=cis", ["Regional Stocktaking Reporting for Europe and CIS"]),
        (
            "language=fr",
            ["Regional Stocktaking Reporting for Africa", "WSIS Stocktaking Report 2014"],
        ),
        ("language=ru&region=europe", ["Regional Stocktaking Reporting for Europe and CIS"]),
        ("q=contribution", ["ITU Contribution to the WSIS Implementation"]),
        ("q=stocktaking+report&type=report&year=2014", ["WSIS Stocktaking Report 2014"]),
        # Stemmed: "reports" finds "Report" and "Reporting".
        (
            "q=regional+reports",
            [
                "Regional Stocktaking Reporting for Africa",
                "Regional Stocktaking Reporting for Europe and CIS",
            ],
        ),
        ("type=brochure", []),
    ],
)
def test_filters_and_search(client, repository, sample_repository, query, expected):
    response = client.get(f"{repository.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_a_bad_filter_is_reported_and_ignored(client, repository, sample_repository):
    response = client.get(f"{repository.url}?year=1850&language=klingon")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="field-error"') == 2
    assert len(titles(response)) == 5


def test_cards_show_type_year_and_languages(client, repository, sample_repository):
    html = client.get(repository.url).content.decode()
    assert "Regional report</span> · <span>2014" in html
    assert "Available in:\n" in html and "English, Russian" in html


def test_the_french_repository_shows_untranslated_publications_in_english(
    client, french_repository, repository, sample_repository
):
    translate(sample_repository["st2014"], "fr", title="Rapport 2014", slug="rapport-2014")
    response = client.get(french_repository.url)
    html = response.content.decode()
    # Every publication once: the translation where there is one, English otherwise.
    assert sorted(titles(response)) == sorted(
        [
            "Rapport 2014",
            "WSIS Stocktaking Report 2013",
            "ITU Contribution to the WSIS Implementation",
            "Regional Stocktaking Reporting for Africa",
            "Regional Stocktaking Reporting for Europe and CIS",
        ]
    )
    assert html.count('<li class="publication-card" lang="en" dir="ltr">') == 4
    assert html.count("(en anglais)") == 4
    assert '<li class="publication-card">' in html  # the French one, in the page's language
    assert html.count('class="publication-card__meta" lang="fr"') == 4
    assert "Rapport annuel" not in html and "Rapport</span>" in html  # type in French


@pytest.mark.parametrize("language", ["ar", "es", "fr", "ru", "zh-hans"])
def test_the_repository_in_each_language(client, english_home, repository, language):
    translate(english_home, language, slug=f"home-{language}")
    translated = translate(repository, language, slug="publications")
    page = add_documents(PublicationPageFactory(parent=repository, title="Report"), "en")
    page.save_revision().publish()
    response = client.get(translated.url)
    assert response.status_code == 200
    assert response.context["publications"].paginator.count == 1
    html = response.content.decode()
    assert f'<html lang="{"zh-Hans" if language == "zh-hans" else language}"' in html
    if language == "ar":
        assert 'dir="rtl"' in html


def test_query_count_does_not_grow_with_the_number_of_publications(client, repository):
    from tests.factories import ImageFactory

    cover = ImageFactory()
    documents = [PdfDocumentFactory() for _ in range(2)]

    def queries_for(count):
        # Committed as a publication would be, so that the search index has them.
        with TestCase.captureOnCommitCallbacks(execute=True):
            make(count)
        index_now(PublicationPage, PublicationPage.objects.all())
        client.get(f"{repository.url}?language=en")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{repository.url}?language=en&region=africa&q=report")
        assert response.context["publications"].paginator.count == count
        return len(queries)

    def make(count):
        africa = Region.objects.get(code="africa")
        pages = []
        for index in range(PublicationPage.objects.count(), count):
            page = PublicationPageFactory.build(
                year=2000 + index % 15, cover_image=cover, cover_image_alt_text="Cover"
            )
            # A page's documents and regions are saved with it (a cluster's children).
            page.documents = [
                PublicationDocument(language=language, document=document)
                for language, document in zip(("en", "fr"), documents, strict=True)
            ]
            page.regions = [africa]
            pages.append(page)
        add_pages(repository, pages)

    assert queries_for(10) == queries_for(500)


def test_the_search_is_cut_not_refused(client, repository, sample_repository):
    response = client.get(f"{repository.url}?q={'x' * 5000}")
    assert response.status_code == 200
    assert titles(response) == []


def test_nothing_of_another_tree_or_unpublished_is_listed(client, repository, sample_repository):
    sample_repository["st2013"].unpublish()
    assert "WSIS Stocktaking Report 2013" not in titles(client.get(repository.url))
    assert Page.objects.type(PublicationPage).count() == 5
    assert EventPage.objects.count() == 0
