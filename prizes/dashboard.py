"""What a contest's dashboard shows: counts per category for each phase (submissions,
nominees, votes counted / flagged / rejected, winners and champions), votes per day as a
small SVG bar chart drawn on the server, and the rows of its exports."""

import datetime
import zoneinfo
from collections import Counter

from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast, TruncDate

from prizes.models import PrizeSubmission, Vote

CHART_WIDTH, CHART_HEIGHT = 640, 160


def category_counts(contest):
    """[(category, {submissions, nominees, counted, flagged, rejected, winners, champions})]
    in the categories' order, then ("total", …): four queries whatever the size."""
    key = contest.translation_key
    submissions = {
        row["category_key"]: row
        for row in PrizeSubmission.objects.filter(contest_key=key)
        .values("category_key")
        .annotate(
            submissions=Count("pk"),
            nominees=Count("pk", filter=Q(nominated=True)),
            winners=Count("pk", filter=Q(result=PrizeSubmission.Result.WINNER)),
            champions=Count("pk", filter=Q(result=PrizeSubmission.Result.CHAMPION)),
        )
    }
    votes = {
        row["category_key"]: row
        for row in Vote.objects.filter(contest_key=key)
        .values("category_key")
        .annotate(
            counted=Count("pk", filter=Q(status=Vote.Status.COUNTED)),
            flagged=Count("pk", filter=Q(status=Vote.Status.FLAGGED)),
            rejected=Count("pk", filter=Q(status=Vote.Status.REJECTED)),
        )
    }
    names = (
        "submissions",
        "nominees",
        "counted",
        "flagged",
        "rejected",
        "winners",
        "champions",
    )
    rows, total = [], Counter()
    for category in contest.categories.all():
        merged = {
            **submissions.get(category.translation_key, {}),
            **votes.get(category.translation_key, {}),
        }
        counts = {name: merged.get(name, 0) for name in names}
        total.update(counts)
        rows.append((category, counts))
    return rows, {name: total[name] for name in names}


def votes_per_day(contest):
    """[(day, votes)] in the contest's time zone, every day of the voting phase (and any day
    with votes outside it), zeros included."""
    zone = zoneinfo.ZoneInfo(contest.time_zone)
    counted = dict(
        Vote.objects.filter(contest_key=contest.translation_key)
        .annotate(day=TruncDate("confirmed_at", tzinfo=zone))
        .values("day")
        .annotate(votes=Count("pk"))
        .values_list("day", "votes")
    )
    days = set(counted)
    if contest.voting_opens_at and contest.voting_closes_at:
        days |= {
            contest.voting_opens_at.astimezone(zone).date(),
            contest.voting_closes_at.astimezone(zone).date(),
        }
    if not days:
        return []
    first, last = min(days), max(days)
    span = (last - first).days + 1
    return [
        (day, counted.get(day, 0))
        for day in (first + datetime.timedelta(days=n) for n in range(span))
    ]


def chart(series, width=CHART_WIDTH, height=CHART_HEIGHT):
    """Bars for an inline SVG: [{x, y, width, height, day, votes}] and the highest count."""
    if not series:
        return {"bars": [], "top": 0, "width": width, "height": height}
    top = max(votes for _day, votes in series) or 1
    step = width / len(series)
    bars = []
    for index, (day, votes) in enumerate(series):
        bar_height = round(votes / top * (height - 20), 1)
        bars.append(
            {
                "x": round(index * step, 1),
                "width": max(1, round(step * 0.8, 1)),
                "y": round(height - bar_height, 1),
                "height": bar_height,
                "day": day,
                "votes": votes,
            }
        )
    return {"bars": bars, "top": top, "width": width, "height": height}


EXPORT_COLUMNS = (
    "category",
    "project",
    "organisation",
    "stocktaking_entry",
    "submitted_at",
    "nominated",
    "result",
    "votes_counted",
    "votes_flagged",
    "votes_rejected",
)


def export_rows(contest):
    """Every submission of the contest, one row each, with its votes: three queries."""
    names = {c.translation_key: c.name for c in contest.categories.all()}
    submissions = (
        PrizeSubmission.objects.filter(contest_key=contest.translation_key)
        .select_related("entry")
        .annotate(
            counted=Count("votes", filter=Q(votes__status=Vote.Status.COUNTED)),
            flagged=Count("votes", filter=Q(votes__status=Vote.Status.FLAGGED)),
            rejected=Count("votes", filter=Q(votes__status=Vote.Status.REJECTED)),
        )
        .order_by("category_key", "entry__title", "pk")
    )
    for submission in submissions:
        yield (
            names.get(submission.category_key, ""),
            submission.entry.title,
            submission.entry.organisation,
            submission.entry_id,
            submission.submitted_at.isoformat(timespec="seconds"),
            "yes" if submission.nominated else "no",
            submission.result,
            submission.counted,
            submission.flagged,
            submission.rejected,
        )


def history(contest, limit=50):
    """The audit trail of the contest's status changes, newest first: nominations, results,
    votes accepted or rejected, voters erased (Wagtail's log entries)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    submissions = ContentType.objects.get_for_model(PrizeSubmission)
    votes = ContentType.objects.get_for_model(Vote)
    # The log's object_id is text: compare with the ids as text (PostgreSQL insists).
    submission_ids = (
        PrizeSubmission.objects.filter(contest_key=contest.translation_key)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    vote_ids = (
        Vote.objects.filter(contest_key=contest.translation_key)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    return (
        ModelLogEntry.objects.filter(
            Q(
                content_type=submissions,
                object_id__in=submission_ids,
            )
            | Q(content_type=votes, object_id__in=vote_ids),
            action__startswith="prizes.",
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
