"""Weighted totals, averages and disagreement: computed from the stored scores, never stored,
so that they always follow the criteria as they are."""

import statistics
from dataclasses import dataclass, field

from juries.models import Candidate, Review, Score


def review_total(values, criteria):
    """A review's weighted score out of 100 (unrounded; shown rounded): each criterion's score
    as a share of its highest, weighted. `values` is {criterion id: score}; a criterion left
    unscored counts as 0."""
    weights = sum(float(c.weight) for c in criteria)
    if not weights:
        return None
    earned = sum(float(c.weight) * values.get(c.pk, 0) / c.max_score for c in criteria)
    return 100 * earned / weights


@dataclass
class Standing:
    """A candidate's place: its jurors' totals and what they say together."""

    candidate: Candidate
    totals: list = field(default_factory=list)  # [(juror, total)]
    rank: int | None = None
    entry: object = None  # the contest's EntryView

    @property
    def count(self):
        return len(self.totals)

    @property
    def average(self):
        return round(statistics.fmean(t for _j, t in self.totals), 2) if self.totals else None

    @property
    def deviation(self):
        """The population standard deviation of the jurors' totals (0 for a single juror)."""
        if not self.totals:
            return None
        return round(statistics.pstdev(t for _j, t in self.totals), 2)

    @property
    def lowest(self):
        return round(min(t for _j, t in self.totals), 2) if self.totals else None

    @property
    def highest(self):
        return round(max(t for _j, t in self.totals), 2) if self.totals else None


def totals_by_candidate(candidates, criteria):
    """{candidate id: [(juror, total)]} in two queries, whatever the number of candidates."""
    ids = [c.pk for c in candidates]
    values = {}
    for score in Score.objects.filter(review__candidate_id__in=ids).only(
        "review_id", "criterion_id", "value"
    ):
        values.setdefault(score.review_id, {})[score.criterion_id] = score.value
    totals = {}
    for review in (
        Review.objects.filter(candidate_id__in=ids).select_related("juror").order_by("pk")
    ):
        total = review_total(values.get(review.pk, {}), criteria)
        totals.setdefault(review.candidate_id, []).append((review.juror, total))
    return totals


def ranking(candidates, criteria):
    """[Standing] best average first (unscored last); equal averages share a rank."""
    candidates = list(candidates)
    totals = totals_by_candidate(candidates, criteria)
    standings = [Standing(c, totals.get(c.pk, [])) for c in candidates]
    standings.sort(
        key=lambda s: (s.average is None, -(s.average or 0), s.deviation or 0, s.candidate.pk)
    )
    previous, rank = None, 0
    for position, standing in enumerate(standings, start=1):
        if standing.average is None:
            break
        if standing.average != previous:
            rank, previous = position, standing.average
        standing.rank = rank
    return standings
