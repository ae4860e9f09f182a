"""home.localized.version_for_reader: the page a foreign key points to (a contest's ceremony, a
publication's event), as the reader should follow it, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.localized import version_for_reader
from tests.conftest import make_english_home, refetched, shared_data, translate
from tests.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_event(django_db_setup, django_db_blocker):
    # Built once: each test changes it in its own savepoint, rolled back.
    with shared_data(django_db_blocker):
        yield make_event(make_english_home())


@pytest.fixture
def event(shared_event):
    return refetched(shared_event)


def make_event(english_home):
    calendar = EventIndexPageFactory(parent=english_home)
    event = EventPageFactory(parent=calendar, title="WSIS Forum 2017", slug="forum")
    translate(english_home, "fr", slug="accueil")
    translate(calendar, "fr", slug="evenements")
    translate(english_home, "es", slug="inicio")
    translate(calendar, "es", slug="eventos")
    return event


def test_the_readers_translation_in_one_query(event):
    french = translate(event, "fr", title="Forum du SMSI 2017", slug="forum-fr")
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        shown = version_for_reader(event.pk)
    assert shown.pk == french.pk and shown.shown_language == "fr"
    # Besides the view restrictions, which a request reads once (home.view_restrictions).
    pages = [q["sql"] for q in queries if "pageviewrestriction" not in q["sql"]]
    assert len(pages) == 1, pages
    with translation.override("en"):
        assert version_for_reader(french.pk).pk == event.pk  # from a translation's id too


def test_a_draft_translation_leaves_the_original(event):
    translate(event, "es", title="Foro de la CMSI 2017", slug="foro", publish=False)
    with translation.override("es"):
        shown = version_for_reader(event.pk)
    assert shown.pk == event.pk and shown.shown_language == "en"


def test_no_link_to_a_page_no_one_may_read(event):
    event.unpublish()
    with translation.override("fr"):
        assert version_for_reader(event.pk) is None
    assert version_for_reader(None) is None
