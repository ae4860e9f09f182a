import pytest

from tests.conftest import make_english_home, refetched, shared_data, translate
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.factories.newsletter import FlashArchivePageFactory, FlashIssuePageFactory, cards_body
from tests.outbox.conftest import smtp, smtp_server  # noqa: F401 - fixtures


def build_issue(languages=("es", "fr")):
    """An English home, events calendar with two events, the archive and one issue whose
    cards are those events; the archive and issue translated into `languages`."""
    home = make_english_home()
    calendar = EventIndexPageFactory(parent=home)
    events = [
        EventPageFactory(parent=calendar, title="WSIS Forum 2017", listing_summary="The forum."),
        EventPageFactory(parent=calendar, title="Hack for Health"),
    ]
    archive = FlashArchivePageFactory(parent=home)
    issue = FlashIssuePageFactory(
        parent=archive, title="WSIS Flash March 2017", body=cards_body(*events)
    )
    versions = {"en": issue}
    for code in languages:
        translate(home, code)
        translate(archive, code)
        versions[code] = translate(issue, code, title=f"WSIS Flash marzo 2017 [{code}]")
    return {
        "home": home,
        "events": events,
        "archive": archive,
        "issue": issue,
        "versions": versions,
    }


@pytest.fixture
def flash(shared_flash, db):
    # Built once per module; fresh objects for each test, whose changes are rolled back.
    return refetched(shared_flash)


@pytest.fixture(scope="module")
def shared_flash(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker):
        yield build_issue()
