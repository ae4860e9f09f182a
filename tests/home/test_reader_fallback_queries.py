"""A listing in a language that falls back to untranslated originals (home.localized) takes the
same number of queries for 10 and for 200 pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_english_home, read_again, shared_data, translate
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
)
from tests.factories.many import add_pages

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(scope="module")
def shared_homes(django_db_setup, django_db_blocker):
    """The English home and its French translation, for each kind of listing to read."""
    with shared_data(django_db_blocker):
        home = make_english_home()
        yield {
            "english_home": home,
            "french_home": translate(home, "fr", title="Accueil", slug="accueil"),
        }


english_home, french_home = read_again("shared_homes", "english_home", "french_home")


def _queries(client, url, warm=False):
    if warm:  # the site root paths, once: adding pages keeps them
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("kind", ["events", "calls", "subpages"])
def test_listing_queries_are_the_same_for_10_and_200_pages(client, english_home, french_home, kind):
    if kind == "events":
        index = EventIndexPageFactory(parent=english_home)
        build = lambda i: EventPageFactory.build(  # noqa: E731
            slug=f"e{i}", start_date=days(i % 40 - 20), end_date=days(i % 40 - 20)
        )
    elif kind == "calls":
        index = CallIndexPageFactory(parent=english_home)
        build = lambda i: CallPageFactory.build(slug=f"c{i}", closes_on=days(i % 60 - 30))  # noqa: E731
    else:
        index = StandardPageFactory(parent=english_home, slug="section")
        build = lambda i: StandardPageFactory.build(slug=f"s{i}")  # noqa: E731
    french_index = translate(index, "fr", slug=f"fr-{index.slug}")
    assert french_index.get_parent().pk == french_home.pk
    created = add_pages(index, [build(i) for i in range(10)])
    for page in created[:3]:
        translate(page, "fr", slug=f"fr-{page.slug}")
    ten = _queries(client, french_index.url, warm=True)
    add_pages(index, [build(i) for i in range(10, 200)])
    assert _queries(client, french_index.url) == ten
