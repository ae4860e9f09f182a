"""What changes a round, a candidate or a contest's nominees: each change checked here, stored
in one transaction and written to Wagtail's audit log (actions in wagtail_hooks)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from juries import contests, scoring
from juries.models import Candidate, JurorAssignment, JuryRound, Review, Score


class RoundError(Exception):
    """A change the round's state refuses; the message is for staff."""


def create_round(contest, user, advance_count=0):
    """The contest's next round, preparing (the first takes every entry when it opens)."""
    kind = contests.kind_for_page(contest)
    if kind is None:
        raise RoundError(_("This page is not a contest that a jury can score."))
    with transaction.atomic():
        if JuryRound.objects.filter(contest__translation_key=contest.translation_key).exists():
            raise RoundError(_("The next round starts from the last one, once it is closed."))
        jury_round = JuryRound.objects.create(
            contest=contest, kind=kind.name, number=1, advance_count=advance_count
        )
        log(jury_round, "juries.round.create", user=user, data={"number": 1})
    return jury_round


def open_round(jury_round, user):
    """Scoring starts. The first round takes the contest's entries as they are now."""
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().get(pk=jury_round.pk)
        if locked.status != JuryRound.Status.PREPARING:
            raise RoundError(_("Only a round in preparation can be opened."))
        if not locked.criteria().exists():
            raise RoundError(_("Publish the contest's scoring criteria first."))
        if locked.number == 1 and not locked.candidates.exists():
            entries = locked.contest_kind.entries(locked.contest.specific)
            Candidate.objects.bulk_create(
                Candidate(round=locked, entry_id=entry_id, category_key=key)
                for entry_id, key in entries
            )
        if not locked.candidates.exists():
            raise RoundError(_("This round has no entries to score."))
        locked.status = JuryRound.Status.SCORING
        locked.save(update_fields=["status"])
        log(locked, "juries.round.open", user=user, data={"number": locked.number})
    jury_round.refresh_from_db()


def close_round(jury_round, user):
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().get(pk=jury_round.pk)
        if locked.status != JuryRound.Status.SCORING:
            raise RoundError(_("Only a round being scored can be closed."))
        locked.status = JuryRound.Status.CLOSED
        locked.save(update_fields=["status"])
        log(locked, "juries.round.close", user=user, data={"number": locked.number})
    jury_round.refresh_from_db()


def set_advances(jury_round, candidates, advances, user):
    """Marks candidates to go on to the next round (or not), each change logged."""
    if jury_round.status == JuryRound.Status.PREPARING:
        raise RoundError(_("Entries go on from a round that has been scored."))
    later = JuryRound.objects.filter(contest_id=jury_round.contest_id, number__gt=jury_round.number)
    if later.exists():
        raise RoundError(_("The next round has started: this round's choice is made."))
    action = "juries.candidate.advance" if advances else "juries.candidate.hold"
    with transaction.atomic():
        for candidate in candidates:
            if candidate.advances != advances:
                candidate.advances = advances
                candidate.save(update_fields=["advances"])
                log(candidate, action, user=user, data={"entry": candidate.entry_id})


def advance_best(jury_round, category_key, count, user):
    """The `count` best ranked candidates of a category go on; the others do not."""
    standings = category_ranking(jury_round, category_key)
    best = [s.candidate for s in standings[:count] if s.average is not None]
    rest = [s.candidate for s in standings if s.candidate not in best]
    set_advances(jury_round, best, True, user)
    set_advances(jury_round, rest, False, user)
    return best


def start_next_round(jury_round, user):
    """A new round with the candidates marked to go on (for a category where none is marked,
    its `advance_count` best), its jurors those of this round."""
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().get(pk=jury_round.pk)
        if locked.status != JuryRound.Status.CLOSED:
            raise RoundError(_("Close this round before starting the next one."))
        later = JuryRound.objects.filter(contest_id=locked.contest_id, number__gt=locked.number)
        if later.exists():
            raise RoundError(_("The next round has already started."))
        chosen = []
        for category in locked.categories():
            marked = list(locked.candidates.filter(category_key=category.key, advances=True))
            if not marked and locked.advance_count:
                marked = [
                    s.candidate
                    for s in category_ranking(locked, category.key)[: locked.advance_count]
                    if s.average is not None
                ]
                for candidate in marked:
                    candidate.advances = True
                    candidate.save(update_fields=["advances"])
                    log(
                        candidate,
                        "juries.candidate.advance",
                        user=user,
                        data={"entry": candidate.entry_id},
                    )
            chosen.extend(marked)
        if not chosen:
            raise RoundError(_("No entry goes on: mark some, or say how many of the best do."))
        following = JuryRound.objects.create(
            contest_id=locked.contest_id,
            kind=locked.kind,
            number=locked.number + 1,
            advance_count=locked.advance_count,
        )
        Candidate.objects.bulk_create(
            Candidate(round=following, entry_id=c.entry_id, category_key=c.category_key)
            for c in chosen
        )
        JurorAssignment.objects.bulk_create(
            JurorAssignment(round=following, juror_id=a.juror_id, category_key=a.category_key)
            for a in locked.assignments.all()
        )
        log(
            following,
            "juries.round.create",
            user=user,
            data={"number": following.number, "from_round": locked.number, "entries": len(chosen)},
        )
    return following


def set_jurors(jury_round, category_key, users, user):
    """The jurors of one category of a round, exactly `users`; additions and removals logged.
    A juror who has already scored in the category stays (their scores count)."""
    with transaction.atomic():
        current = {
            a.juror_id: a
            for a in jury_round.assignments.filter(category_key=category_key).select_related(
                "juror"
            )
        }
        wanted = {u.pk: u for u in users}
        for juror_id, assignment in current.items():
            if juror_id in wanted:
                continue
            scored = Review.objects.filter(
                juror_id=juror_id,
                candidate__round=jury_round,
                candidate__category_key=category_key,
            ).exists()
            if scored:
                raise RoundError(
                    _("%(juror)s has already scored in this category and stays on its jury.")
                    % {"juror": assignment.juror.get_full_name() or assignment.juror.get_username()}
                )
            assignment.delete()
            log(
                jury_round,
                "juries.juror.remove",
                user=user,
                data={"juror": juror_id, "category": str(category_key)},
            )
        for juror_id in wanted.keys() - current.keys():
            JurorAssignment.objects.create(
                round=jury_round, juror_id=juror_id, category_key=category_key
            )
            log(
                jury_round,
                "juries.juror.assign",
                user=user,
                data={"juror": juror_id, "category": str(category_key)},
            )


class AlreadyReviewed(Exception):
    pass


def submit_review(candidate, juror, values, comments, comment=""):
    """Stores a juror's scores for a candidate, all criteria at once, once. `values` and
    `comments` are {criterion: …}. The caller has checked the juror's assignment."""
    jury_round = candidate.round
    if jury_round.status != JuryRound.Status.SCORING:
        raise RoundError(_("This round is not being scored."))
    try:
        with transaction.atomic():
            review = Review.objects.create(candidate=candidate, juror=juror, comment=comment)
            Score.objects.bulk_create(
                Score(review=review, criterion=c, value=v, comment=comments.get(c, ""))
                for c, v in values.items()
            )
            log(
                review,
                "juries.review.submit",
                user=juror,
                data={"entry": candidate.entry_id, "round": jury_round.number},
            )
    except IntegrityError as error:
        raise AlreadyReviewed from error
    return review


def category_candidates(jury_round, category_key):
    return jury_round.candidates.filter(category_key=category_key).order_by("pk")


def category_ranking(jury_round, category_key, describe=False):
    criteria = list(jury_round.criteria())
    standings = scoring.ranking(category_candidates(jury_round, category_key), criteria)
    if describe:
        views = jury_round.contest_kind.describe([s.candidate.entry_id for s in standings])
        for standing in standings:
            standing.entry = views.get(standing.candidate.entry_id)
    return standings


def nominate(jury_round, candidates, user, withdraw=False):
    """Hands the chosen candidates (best ranked first) to the contest: Prizes nominees, photo
    winners… The contest says what that means and may refuse."""
    kind = jury_round.contest_kind
    by_category = {}
    for candidate in candidates:
        by_category.setdefault(candidate.category_key, []).append(candidate)
    messages = []
    with transaction.atomic():
        for category_key, chosen in by_category.items():
            ids = [c.entry_id for c in chosen]
            contest = jury_round.contest.specific
            if withdraw:
                messages.append(kind.withdraw(contest, category_key, ids, user))
            else:
                messages.append(kind.nominate(contest, category_key, ids, user))
            for candidate in chosen:
                log(
                    candidate,
                    "juries.candidate.withdraw" if withdraw else "juries.candidate.nominate",
                    user=user,
                    data={"entry": candidate.entry_id, "round": jury_round.number},
                )
    return [m for m in messages if m]
