import pytest

from tests.calls.conftest import guards
from tests.factories.stocktaking import StocktakingPageFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def database(english_home):
    return StocktakingPageFactory(parent=english_home)


def entry_data(**overrides):
    data = {
        "title": "Hack for Health",
        "organisation": "ITU",
        "stakeholder_type": "international_organisation",
        "countries": ["CH"],
        "action_lines": ["C7.4"],
        "sdgs": ["3"],
        "project_status": "completed",
        "start_date": "2017-06-12",
        "end_date": "2017-06-16",
        "description": "A hackathon for young developers building health applications.",
        "website": "https://www.itu.int/",
        "language": "en",
        "contact_name": "Ada Lovelace",
        "contact_email": "ada@example.org",
        "website_url": "",
        **guards(overrides.get("submission_token")),
    }
    data.update(overrides)
    return data
