"""The public database: facets and counts, shareable filters, pages, entries, reports, and a
query count that does not grow with the number of entries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from stocktaking.models import Entry
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(database):
    return [
        EntryFactory(
            title="Telemedicine for rural clinics",
            action_lines=["C7.4"],
            sdgs=[3],
            countries=["RW", "BI"],
            start_date=datetime.date(2015, 3, 1),
        ),
        EntryFactory(
            title="Digital literacy for girls",
            stakeholder_type="civil_society",
            action_lines=["C4", "C7.3"],
            sdgs=[4, 5],
            countries=["EG"],
            start_date=datetime.date(2016, 5, 1),
            language="ar",
            description="برنامج لمحو الأمية الرقمية",
        ),
        EntryFactory(
            title="Broadband for schools",
            stakeholder_type="private_sector",
            action_lines=["C2"],
            sdgs=[4, 9],
            countries=["BR"],
            start_date=datetime.date(2016, 1, 1),
        ),
        EntryFactory(title="Awaiting moderation", status=Entry.Status.PENDING),
    ]


def facet(response, name):
    return {v.value: v.count for v in response.context["results"].facets[name]}


def test_only_published_entries_with_counts(client, database, entries):
    response = client.get(database.url)
    html = response.content.decode()
    assert response.context["results"].count == 3
    assert "Awaiting moderation" not in html
    assert facet(response, "action_line") == {"C2": 1, "C4": 1, "C7": 2, "C7.3": 1, "C7.4": 1}
    assert facet(response, "sdg") == {"3": 1, "4": 2, "5": 1, "9": 1}
    assert facet(response, "region") == {"africa": 1, "arab-states": 1, "americas": 1}
    assert facet(response, "country") == {"BI": 1, "BR": 1, "EG": 1, "RW": 1}
    assert facet(response, "stakeholder_type") == {
        "government": 1,
        "civil_society": 1,
        "private_sector": 1,
    }
    assert facet(response, "year") == {"2015": 1, "2016": 2}


def test_filters_combine_and_counts_follow(client, database, entries):
    response = client.get(database.url, {"action_line": "C7", "sdg": "4"})
    results = response.context["results"]
    assert [e.title for e in results.page] == ["Digital literacy for girls"]
    assert facet(response, "region") == {"arab-states": 1}
    response = client.get(database.url, {"q": "broadband", "year": "2016"})
    assert [e.title for e in response.context["results"].page] == ["Broadband for schools"]
    response = client.get(database.url, {"region": ["africa", "americas"]})
    assert response.context["results"].count == 2
    response = client.get(database.url, {"stakeholder_type": "civil_society", "country": "eg"})
    assert response.context["results"].count == 1


def test_entry_page_links_and_language(client, database, entries):
    arabic = entries[1]
    html = client.get(database.url + f"entries/{arabic.pk}/").content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "?action_line=C4" in html and "?sdg=5" in html
    with translation.override("fr"):
        line = arabic.action_lines.get(code="C4")
        assert line.name == "Renforcement des capacités"


def test_reports_per_action_line_and_region(client, database, entries):
    response = client.get(database.url + "action-lines/c7/")
    assert response.context["results"].count == 2
    response = client.get(database.url + "regions/africa/")
    assert [e.title for e in response.context["results"].page] == ["Telemedicine for rural clinics"]
    assert client.get(database.url + "regions/atlantis/").status_code == 404


def test_pages_are_shareable(client, database):
    for n in range(25):
        EntryFactory(title=f"Project {n}")
    first = client.get(database.url, {"action_line": "C7"})
    second = client.get(database.url, {"action_line": "C7", "page": 2})
    assert len(first.context["results"].page) == 20
    assert len(second.context["results"].page) == 5
    assert "action_line=C7&amp;page=2" in first.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"action_line": "C7"})
    assert response.status_code == 200
    return len(queries)


def add_published_entries(count):
    """`count` published entries, each with two Action Lines, two SDGs and two countries, in a
    few bulk inserts (a factory would take a minute for 500)."""
    from stocktaking.models import ActionLine, EntryCountry, Region, Sdg

    now = datetime.datetime.now(datetime.UTC)
    first = Entry.objects.count()
    entries = [
        Entry(
            title=f"Project {first + n}",
            organisation="Ministry of Health",
            stakeholder_type=("government", "civil_society")[n % 2],
            description="Connects rural clinics.",
            contact_name="Grace",
            contact_email=f"owner{first + n}@example.org",
            language="en",
            start_date=datetime.date(2010 + n % 10, 1, 1),
            status=Entry.Status.PUBLISHED,
            published_at=now,
        )
        for n in range(count)
    ]
    for entry in entries:
        entry.derive_fields()  # the year (and owner) as saving would keep them
    entries = Entry.objects.bulk_create(entries)
    lines = [ActionLine.objects.get(code=code) for code in ("C7", "C7.4", "C4")]
    sdgs = list(Sdg.objects.filter(number__in=[3, 5, 9]))
    africa = Region.objects.get(code="africa")
    Entry.action_lines.through.objects.bulk_create(
        Entry.action_lines.through(entry_id=e.pk, actionline_id=line.pk)
        for n, e in enumerate(entries)
        for line in (lines[0], lines[1 + n % 2])
    )
    Entry.sdgs.through.objects.bulk_create(
        Entry.sdgs.through(entry_id=e.pk, sdg_id=sdg.pk)
        for n, e in enumerate(entries)
        for sdg in (sdgs[n % 3], sdgs[(n + 1) % 3])
    )
    EntryCountry.objects.bulk_create(
        EntryCountry(entry_id=e.pk, country=code, region=africa)
        for e in entries
        for code in ("RW", "KE")
    )


def test_query_count_does_not_grow_with_entries(client, database):
    add_published_entries(10)
    # This first visit warms the caches (site root paths, settings), once: adding entries
    # keeps them.
    assert client.get(database.url).context["results"].count == 10
    ten = count_queries(client, database.url)
    add_published_entries(490)
    assert count_queries(client, database.url) == ten
    response = client.get(database.url)
    assert response.context["results"].count == 500
    assert facet(response, "action_line")["C7"] == 500
    assert facet(response, "region") == {"africa": 500}
