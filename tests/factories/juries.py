"""Factories of the jury machinery (juries/)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from juries.models import Criterion, JurorAssignment, JuryRound


def staff_user(username, *codenames):
    """An admin user with these permissions (codenames), besides access to the admin."""
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="password",
        first_name=username.capitalize(),
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


def jury_staff(username="chair"):
    return staff_user(username, "manage_juries")


def add_criteria(contest, *specs):
    """Criteria of the contest from (name, weight, max_score)."""
    return [
        Criterion.objects.create(
            contest=contest, locale=contest.locale, name=name, weight=weight, max_score=top
        )
        for name, weight, top in specs
    ]


def make_round(contest, number=1, status=JuryRound.Status.PREPARING, kind=None, **fields):
    from juries.contests import kind_for_page

    return JuryRound.objects.create(
        contest=contest,
        kind=kind or kind_for_page(contest).name,
        number=number,
        status=status,
        **fields,
    )


def assign(jury_round, category_key, *jurors):
    for juror in jurors:
        JurorAssignment.objects.create(round=jury_round, juror=juror, category_key=category_key)
