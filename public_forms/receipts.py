"""One-time submission tokens: each display of a public form carries a fresh token; storing
a submission stores its token too, in the same transaction, so that a second POST with that
token finds the first result instead of storing again."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from public_forms.models import SubmissionReceipt


class AlreadyReceived(Exception):
    """Another request with the same token stored its result first."""


def new_token():
    return uuid.uuid4().hex


def parse(value):
    try:
        return uuid.UUID(hex=str(value or ""))
    except ValueError:
        return None


def first_result(scope, token):
    """What a previous POST with this token stored, or None."""
    if token is None:
        return None
    receipt = SubmissionReceipt.objects.filter(token=token, scope=scope).first()
    return receipt.result if receipt else None


def claim(scope, token):
    """Inside the storing transaction, before anything else is stored: takes the token, or
    raises AlreadyReceived. On PostgreSQL a concurrent duplicate waits here until the first
    commits (then fails), so that two racing requests cannot both store."""
    if token is None:
        return None
    try:
        with transaction.atomic():
            return SubmissionReceipt.objects.create(token=token, scope=scope)
    except IntegrityError:
        raise AlreadyReceived from None


def attach(receipt, result):
    if receipt is not None:
        receipt.content_type = ContentType.objects.get_for_model(result)
        receipt.object_id = result.pk
        receipt.save(update_fields=["content_type", "object_id"])
