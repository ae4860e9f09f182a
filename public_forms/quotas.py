"""Counting something limited (seats, entries) so that concurrent requests never exceed it."""

from contextlib import suppress

from django.db import IntegrityError, transaction
from django.db.models import F


def take_one(counter_model, limit, **key):
    """Takes one unit from the counter row identified by `key` (created at 0 if missing);
    False when `limit` units are already taken (never with no limit: the count is kept all
    the same, so that a limit set later counts what came before). One conditional UPDATE
    decides, so that of racing requests only as many as the limit allows can win, on every
    database."""
    with suppress(IntegrityError), transaction.atomic():
        counter_model.objects.get_or_create(**key)
    counters = counter_model.objects.filter(**key)
    if limit is not None:
        counters = counters.filter(count__lt=limit)
    return bool(counters.update(count=F("count") + 1))


def give_back(counter_model, **key):
    """Returns one unit taken earlier (a cancelled registration's seat); never below zero."""
    counter_model.objects.filter(**key, count__gt=0).update(count=F("count") - 1)
