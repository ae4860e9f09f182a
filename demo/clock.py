import datetime


class DemoClock:
    """The dates of the demo content, optionally moved so that the March 2017 newsletter's
    "now" falls on today: every date moves by the same whole number of weeks, so weekdays
    stay right ("Tuesday 14 March" stays a Tuesday)."""

    NEWSLETTER_2017_NOW = datetime.date(2017, 3, 10)

    def __init__(self, shift_to_today=False, today=None):
        self.offset = datetime.timedelta(0)
        if shift_to_today:
            today = today or datetime.date.today()
            weeks = round((today - self.NEWSLETTER_2017_NOW).days / 7)
            self.offset = datetime.timedelta(weeks=weeks)

    def date(self, year, month, day):
        return datetime.date(year, month, day) + self.offset
