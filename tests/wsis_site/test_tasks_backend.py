"""The tests' tasks backend (tests/tasks_backend.py) runs a task as a worker would see it: once
the transaction that enqueued it commits, and never for one rolled back."""

import pytest
from django.db import transaction
from django_tasks import TaskResultStatus, task

from tests.conftest import as_committed

pytestmark = pytest.mark.django_db
RAN = []


@task()
def note(value):
    RAN.append(value)


@pytest.fixture(autouse=True)
def _nothing_ran():
    RAN.clear()


def test_a_task_runs_when_its_transaction_commits():
    with as_committed():
        result = note.enqueue("kept")
        assert RAN == [] and result.status == TaskResultStatus.READY  # not before the commit
    assert RAN == ["kept"]
    assert result.status == TaskResultStatus.SUCCESSFUL


def test_the_tasks_of_a_rolled_back_transaction_never_run():
    with as_committed():
        with transaction.atomic():
            note.enqueue("rolled back")
            transaction.set_rollback(True)
        note.enqueue("kept")
    assert RAN == ["kept"]
