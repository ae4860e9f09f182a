"""What /healthz reports: each dependency the site needs, and whether it can serve at all."""

import uuid

from django.core.cache import cache, caches
from django.core.files.storage import storages
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# A backlog older than this means no worker is running (or it cannot keep up).
TASK_BACKLOG_WARN_SECONDS = 300
OUTBOX_WARN_SECONDS = 900


def _error(error):
    return f"{type(error).__name__}: {error}"[:300]


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"status": "ok"}


def check_cache():
    key = f"wsis:healthz:{uuid.uuid4().hex}"
    ping = getattr(cache, "ping", None)
    if ping is not None and not ping():
        return {"status": "degraded", "detail": "Redis unreachable: serving without the cache"}
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        return {"status": "degraded", "detail": "the cache does not keep what it is given"}
    cache.delete(key)
    # `cache` is a proxy: the backend is the object it stands for.
    return {"status": "ok", "backend": type(caches["default"]).__name__}


def check_storage(alias):
    storage = storages[alias]
    storage.exists(f"healthz-{uuid.uuid4().hex}")  # a round trip to the disk or the bucket
    return {"status": "ok", "backend": type(storage).__name__}


def _age(oldest):
    return round((timezone.now() - oldest).total_seconds()) if oldest else 0


def check_tasks():
    from django_tasks import default_task_backend

    if not default_task_backend.supports_get_result:  # the immediate backend: no queue
        return {"status": "ok", "backend": type(default_task_backend).__name__}
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = _age(oldest)
    return {
        "status": "ok" if age < TASK_BACKLOG_WARN_SECONDS else "degraded",
        "backlog": ready.count(),
        "oldest_seconds": age,
    }


def check_outbox():
    from outbox.models import OutboxMessage

    waiting = OutboxMessage.objects.filter(
        state__in=[OutboxMessage.State.QUEUED, OutboxMessage.State.RETRYING]
    )
    oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
    failed = OutboxMessage.objects.filter(state=OutboxMessage.State.FAILED).count()
    age = _age(oldest)
    return {
        "status": "ok" if age < OUTBOX_WARN_SECONDS and not failed else "degraded",
        "waiting": waiting.count(),
        "oldest_waiting_seconds": age,
        "failed": failed,
    }


def report():
    """({name: {"status": "ok" | "degraded" | "down", …}}, whether the site can serve)."""
    checks = {}
    try:
        checks["database"] = check_database()
    except Exception as error:  # noqa: BLE001 - the report says what failed
        checks["database"] = {"status": "down", "detail": _error(error)}
        return checks, False
    for name, check in [
        ("cache", check_cache),
        ("storage", lambda: check_storage("default")),
        ("private_storage", lambda: check_storage("private")),
        ("tasks", check_tasks),
        ("outbox", check_outbox),
    ]:
        try:
            checks[name] = check()
        except Exception as error:  # noqa: BLE001
            checks[name] = {"status": "degraded", "detail": _error(error)}
    return checks, True


@require_GET
@never_cache
def health(request):
    """For the load balancer, the container's health check and the operator: each dependency
    in JSON. 503 only when the site cannot serve (no database); a dead cache, storage or
    mail server is "degraded": pages are still served."""
    checks, serving = report()
    status = "ok" if all(c["status"] == "ok" for c in checks.values()) else "degraded"
    if not serving:
        status = "down"
    return JsonResponse({"status": status, "checks": checks}, status=200 if serving else 503)
