import datetime

import pytest
from django.utils import timezone

from tests.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def calendar_index(english_home):
    return EventIndexPageFactory(parent=english_home)


def days_from_now(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def make_event(calendar_index):
    def make(**fields):
        return EventPageFactory(parent=calendar_index, **fields)

    return make
