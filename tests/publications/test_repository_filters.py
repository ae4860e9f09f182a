"""The Global Repository's filters, search and cards, on the 2014 newsletter's publications,
built once for the module (its tests only read them, or change them and are rolled back)."""

import pytest
from wagtail.models import Page

from events.models import EventPage
from publications.models import PublicationPage
from stocktaking.models import Region
from tests.conftest import as_committed, make_english_home, read_again, shared_data, translate
from tests.factories.publications import (
    PublicationIndexPageFactory,
    PublicationPageFactory,
    add_documents,
)
from tests.publications.test_repository import titles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker):
        with as_committed():
            home = make_english_home()
            repository = PublicationIndexPageFactory(parent=home)
            sample = make_sample(repository)
        yield {"home": home, "repository": repository, "sample": sample}


repository, english_home, sample_repository = read_again(
    "shared_site", "repository", english_home="home", sample_repository="sample"
)


def make_sample(repository):
    """The 2014 newsletter's Global Repository, in brief."""
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


def test_the_search_is_cut_not_refused(client, repository, sample_repository):
    response = client.get(f"{repository.url}?q={'x' * 5000}")
    assert response.status_code == 200
    assert titles(response) == []


def test_nothing_of_another_tree_or_unpublished_is_listed(client, repository, sample_repository):
    sample_repository["st2013"].unpublish()
    assert "WSIS Stocktaking Report 2013" not in titles(client.get(repository.url))
    assert Page.objects.type(PublicationPage).count() == 5
    assert EventPage.objects.count() == 0
