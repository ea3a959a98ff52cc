"""Health endpoints for the load balancer and monitoring, and the page shown while the
database is unavailable.

- `/healthz`: the process is alive and reaches the database (200, else 503).
- `/readyz`: ready for traffic: the database answers and every migration is applied
  (200, else 503). It also reports, for monitoring, when a task worker was last seen
  (`manage.py worker` writes it every 10 s) and how long the oldest waiting task has
  waited; these two never take an instance out of the load balancer (the web still
  serves), but `"status"` says "degraded" when the worker is older than a minute or a
  task has waited longer than five minutes.
"""

import sys
import time

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.defaults import server_error as django_server_error

WORKER_HEARTBEAT_KEY = "portal:worker-seen"  # written by `manage.py worker`
WORKER_STALE_SECONDS = 60
TASK_LATE_SECONDS = 300
UNAVAILABLE_RETRY_AFTER = "5"

_migrations_applied = False  # once true for this process, it stays true


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def migrations_applied() -> bool:
    global _migrations_applied  # a per-process memo
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_applied


def worker_last_seen_seconds() -> float | None:
    seen = cache.get(WORKER_HEARTBEAT_KEY)
    return None if seen is None else max(0.0, time.time() - float(seen))


def oldest_waiting_task_seconds() -> float | None:
    from django_tasks_db.models import DBTaskResult

    oldest = (
        DBTaskResult.objects.ready()
        .order_by("run_after", "enqueued_at")
        .values_list("enqueued_at", "run_after")
        .first()
    )
    if oldest is None:
        return None
    waiting_since = max(oldest[0], oldest[1]) if oldest[1] else oldest[0]
    return max(0.0, (timezone.now() - waiting_since).total_seconds())


@never_cache
@require_GET
def healthz(request):
    if not _database_answers():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_GET
def readyz(request):
    if not _database_answers():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    if not migrations_applied():
        return JsonResponse(
            {"status": "error", "database": "ok", "migrations": "pending"}, status=503
        )
    worker_seen = worker_last_seen_seconds()
    task_age = oldest_waiting_task_seconds()
    worker_ok = worker_seen is not None and worker_seen <= WORKER_STALE_SECONDS
    queue_ok = task_age is None or task_age <= TASK_LATE_SECONDS
    return JsonResponse(
        {
            "status": "ok" if worker_ok and queue_ok else "degraded",
            "database": "ok",
            "migrations": "applied",
            "worker": "ok" if worker_ok else "not seen in the last minute",
            "worker_last_seen_seconds": None if worker_seen is None else round(worker_seen, 1),
            "oldest_waiting_task_seconds": None if task_age is None else round(task_age, 1),
        }
    )


def server_error(request, template_name="500.html"):
    """settings' handler500: a database that is down (restarting, failing over) is a 503
    with the styled page and Retry-After, not an error of ours; all else is Django's 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        page = loader.get_template("503.html").render()
        response = HttpResponse(page, status=503)
        response["Retry-After"] = UNAVAILABLE_RETRY_AFTER
        return response
    return django_server_error(request, template_name)
