"""A standard page leads to the pages under it ("Prizes" to each year's contest, "Stocktaking"
to the database): live, public ones only, in the reader's language, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_standard_page_lists_its_live_subpages(client, english_home):
    section = StandardPageFactory(parent=english_home, title="Prizes", slug="prizes")
    StandardPageFactory(parent=section, title="WSIS Prizes 2017", slug="wsis-prizes-2017")
    draft = StandardPageFactory(parent=section, title="WSIS Prizes 2027", slug="draft")
    draft.unpublish()
    body = client.get(section.url).content.decode()
    assert '<nav aria-labelledby="subpages-heading"' in body
    assert 'href="/en/prizes/wsis-prizes-2017/"' in body
    assert "WSIS Prizes 2027" not in body


def test_a_page_without_subpages_has_no_empty_list(client, english_home):
    page = StandardPageFactory(parent=english_home, title="About", slug="about")
    assert "subpages-heading" not in client.get(page.url).content.decode()


def test_the_list_takes_the_same_queries_for_2_and_30_subpages(client, english_home):
    section = StandardPageFactory(parent=english_home, title="Prizes", slug="prizes")

    def queries():
        client.get(section.url)  # warm the site root paths
        with CaptureQueriesContext(connection) as captured:
            assert client.get(section.url).status_code == 200
        return len(captured)

    for i in range(2):
        StandardPageFactory(parent=section, title=f"Year {i}", slug=f"y{i}")
    two = queries()
    for i in range(2, 30):
        StandardPageFactory(parent=section, title=f"Year {i}", slug=f"y{i}")
    assert queries() == two
