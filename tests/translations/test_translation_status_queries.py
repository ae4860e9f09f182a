"""The translation status report takes the same queries for 10 and for 200 pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.indexing import indexing_paused
from home.models import HomePage, StandardPage
from tests.conftest import localize
from tests.factories import StandardPageFactory
from tests.factories.many import add_pages

pytestmark = pytest.mark.django_db
URL = "/admin/translation-status/"
TARGETS = ["ar", "zh-hans", "fr", "ru", "es"]


def _queries(client, warm=False):
    if warm:  # content types and the like, cached once per process (adding pages keeps them)
        client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"language": "all"})
    assert response.status_code == 200
    return len(queries), response.content.decode().count('<td data-language="')


def test_the_report_takes_the_same_queries_for_10_and_200_pages(english_home, admin_client):
    # The report reads neither the search index nor the reference index: the translations'
    # updates of them (a third of what making them costs) are left out.
    with indexing_paused(HomePage, StandardPage):
        for code in TARGETS:
            localize(english_home, code)
        pages = [
            StandardPageFactory(parent=english_home, title=f"Page {i}", slug=f"p{i}")
            for i in range(9)
        ]
        for page in pages[:2]:  # some translated everywhere, the rest missing
            for code in TARGETS:
                localize(page, code)
    ten, cells = _queries(admin_client, warm=True)
    assert cells == 10 * 5
    add_pages(
        english_home,
        [StandardPageFactory.build(title=f"Page {i}", slug=f"p{i}") for i in range(9, 199)],
    )
    two_hundred, cells = _queries(admin_client)
    assert cells == 100 * 5  # first page of the report: 100 rows
    assert two_hundred == ten
