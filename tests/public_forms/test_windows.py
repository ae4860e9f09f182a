"""The one window every public form uses (calls, registrations, contests): local dates and times
in the form's time zone, closing at 23:59 when no time is given."""

import datetime
import zoneinfo

import pytest

from public_forms.windows import Window, WindowState
from tests.factories import CallPageFactory, PhotoContestPageFactory

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
UTC = datetime.UTC


def test_closing_day_without_time_closes_at_2359_local():
    window = Window.from_local("Europe/Zurich", closes_on=datetime.date(2017, 2, 15))
    assert window.closes_at == datetime.datetime(2017, 2, 15, 23, 59, tzinfo=GENEVA)
    assert window.state(datetime.datetime(2017, 2, 15, 22, 58, tzinfo=UTC)) == WindowState.OPEN
    assert window.state(datetime.datetime(2017, 2, 15, 22, 59, tzinfo=UTC)) == WindowState.CLOSED


def test_opening_day_opens_at_midnight_local_and_summer_time_counts():
    window = Window.from_local(
        "Europe/Zurich", opens_on=datetime.date(2017, 6, 12), opens_time=None
    )
    assert window.opens_at.astimezone(UTC) == datetime.datetime(2017, 6, 11, 22, 0, tzinfo=UTC)
    before = datetime.datetime(2017, 6, 11, 21, 59, tzinfo=UTC)
    assert window.state(before) == WindowState.NOT_YET_OPEN


def test_full_only_while_open():
    window = Window(None, datetime.datetime(2017, 1, 1, tzinfo=UTC))
    assert window.state(datetime.datetime(2016, 12, 31, tzinfo=UTC), full=True) == WindowState.FULL
    assert window.state(datetime.datetime(2017, 1, 2, tzinfo=UTC), full=True) == WindowState.CLOSED


def test_days_left_counts_a_started_day_and_none_without_deadline():
    window = Window(None, datetime.datetime(2017, 1, 3, 12, tzinfo=UTC))
    assert window.days_left(datetime.datetime(2017, 1, 1, 18, tzinfo=UTC)) == 2
    assert Window(None, None).days_left() is None


@pytest.mark.django_db
def test_a_call_and_a_contest_closing_the_same_day_close_at_the_same_instant(english_home):
    day = datetime.date(2030, 3, 10)
    call = CallPageFactory(parent=english_home, closes_on=day, time_zone="Asia/Seoul")
    contest = PhotoContestPageFactory(
        parent=english_home,
        opens_on=datetime.date(2030, 1, 1),
        closes_on=day,
        time_zone="Asia/Seoul",
    )
    seoul_2359 = datetime.datetime(2030, 3, 10, 23, 59, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul"))
    assert call.closes_at == contest.closes_at == seoul_2359
