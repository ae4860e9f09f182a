from django_tasks import task

from media import entries


@task()
def apply_decision(entry_id):
    """Publishes or withdraws one photo and tells its entrant; idempotent."""
    return entries.carry_out(entry_id)
