"""The tasks backend of the test settings."""

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend


class AfterCommitBackend(ImmediateBackend):
    """Runs each task in the test's own process, when the transaction that enqueued it commits:
    as in production, where a worker sees the database backend's row only once it is committed,
    and a rolled-back transaction's tasks (a search-index or reference-index update of a page a
    test made and threw away) never run. Outside a transaction, at once."""

    def _execute_task(self, task_result):
        run = super()._execute_task
        transaction.on_commit(lambda: run(task_result))
