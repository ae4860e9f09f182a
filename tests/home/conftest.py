"""What the page cache's tests share: the cache on (`page_cache_on`), an English home page and
a page under it, and the number of queries a request takes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_english_home
from tests.factories import StandardPageFactory


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STALE_SECONDS = 60


@pytest.fixture
def home(db):
    return make_english_home()


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="About WSIS", slug="about-wsis")


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)
