"""Factories of the WSIS Prizes."""

import datetime

import wagtail_factories

from prizes.models import PrizeCategory, PrizesContestPage, PrizeSubmission
from prizes.phases import ContestPhase

DAY = datetime.timedelta(days=1)

# The WSIS Prizes 2017 as the March 2017 newsletter tells them, voting across the change to
# summer time in Geneva (26 March 2017).
PRIZES_2017 = dict(
    time_zone="Europe/Zurich",
    submission_opens_on=datetime.date(2016, 10, 30),
    submission_closes_on=datetime.date(2017, 3, 1),
    nominees_published_on=datetime.date(2017, 3, 14),
    voting_opens_on=datetime.date(2017, 3, 16),
    voting_closes_on=datetime.date(2017, 4, 16),
    results_announced_on=datetime.date(2017, 6, 12),
)


def dates_in_phase(phase, today=None):
    """Phase dates around today such that the contest is now in `phase`."""
    t = today or datetime.date.today()
    # Days since submission opened, for a today inside each phase.
    days_in = {
        ContestPhase.NOT_YET_OPEN: -5,
        ContestPhase.SUBMISSION: 5,
        ContestPhase.EXPERT_REVIEW: 12,
        ContestPhase.NOMINEES_PUBLISHED: 20,
        ContestPhase.VOTING: 30,
        ContestPhase.VOTING_CLOSED: 40,
        ContestPhase.RESULTS_ANNOUNCED: 50,
    }
    start = t - days_in[phase] * DAY
    return dict(
        time_zone="Europe/Zurich",
        submission_opens_on=start,
        submission_closes_on=start + 9 * DAY,
        nominees_published_on=start + 15 * DAY,
        voting_opens_on=start + 25 * DAY,
        voting_closes_on=start + 34 * DAY,
        results_announced_on=start + 45 * DAY,
    )


class PrizesContestPageFactory(wagtail_factories.PageFactory):
    title = "WSIS Prizes 2017"
    slug = "wsis-prizes-2017"

    class Meta:
        model = PrizesContestPage

    @classmethod
    def _create(cls, model_class, *args, phase=None, **kwargs):
        fields = dict(PRIZES_2017) if phase is None else dates_in_phase(phase)
        fields.update(kwargs)
        return super()._create(model_class, *args, **fields)


def add_categories(page, *names):
    """Categories on the page's latest version, in order; returns them."""
    for name in names:
        page.categories.add(PrizeCategory(name=name))
    page.save()
    return list(page.categories.all())


def enter(page, entry, category, nominated=False):
    submission = PrizeSubmission.entering(
        page, category.translation_key, entry=entry, nominated=nominated
    )
    submission.save()
    return submission


def enter_many(page, entries, category, nominated=False, **fields):
    """`entries` entered in `category`, in one insert; `fields` (a result) go to every
    submission."""
    return PrizeSubmission.objects.bulk_create(
        PrizeSubmission.entering(
            page, category.translation_key, entry=entry, nominated=nominated, **fields
        )
        for entry in entries
    )
