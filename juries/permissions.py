"""Who may see what: jury staff see everything; a juror sees only the candidates of the
categories they are assigned to, and another juror's scores for a candidate only once they
have sent their own."""

from juries.models import JurorAssignment, Review

MANAGE = "juries.manage_juries"


def is_jury_staff(user):
    return user.is_active and user.has_perm(MANAGE)


def is_juror(user):
    return user.is_active and JurorAssignment.objects.filter(juror=user).exists()


def may_score(user, candidate):
    """A juror assigned to the candidate's category in its round."""
    return JurorAssignment.objects.filter(
        round_id=candidate.round_id, juror=user, category_key=candidate.category_key
    ).exists()


def may_see_candidate(user, candidate):
    return is_jury_staff(user) or may_score(user, candidate)


def has_reviewed(user, candidate):
    return Review.objects.filter(candidate=candidate, juror=user).exists()


def may_see_others(user, candidate):
    """The others' scores: staff always; a juror after sending their own."""
    return is_jury_staff(user) or (may_score(user, candidate) and has_reviewed(user, candidate))


def may_see_review(user, review):
    if review.juror_id == user.pk:
        return True
    return may_see_others(user, review.candidate)
