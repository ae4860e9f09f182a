"""Counting something limited (seats, entries) so that concurrent requests never exceed it."""

from contextlib import suppress

from django.db import IntegrityError, transaction
from django.db.models import F


def take_one(counter_model, limit, **key):
    """Takes one unit from the counter row identified by `key` (created at 0 if missing);
    False when `limit` units are already taken. One conditional UPDATE decides, so that of
    racing requests only as many as the limit allows can win, on every database."""
    with suppress(IntegrityError), transaction.atomic():
        counter_model.objects.get_or_create(**key)
    taken = counter_model.objects.filter(**key, count__lt=limit).update(count=F("count") + 1)
    return bool(taken)
