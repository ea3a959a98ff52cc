"""/healthz, /readyz, the 503 page while the database is away, request ids and JSON logs."""

import json
import logging
import time

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client
from django.urls import path

from portal import health
from portal import urls as portal_urls
from portal.request_id import JsonFormatter, RequestIdFilter, RequestIdMiddleware, request_id


@pytest.fixture
def fresh_heartbeat(db):
    cache.set(health.WORKER_HEARTBEAT_KEY, time.time(), timeout=None)
    yield
    cache.delete(health.WORKER_HEARTBEAT_KEY)


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_readyz_is_ok_with_migrations_applied_and_a_worker_seen(client, fresh_heartbeat):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["migrations"] == "applied"
    assert body["worker"] == "ok"
    assert body["worker_last_seen_seconds"] < 5
    assert body["oldest_waiting_task_seconds"] is None
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_readyz_is_degraded_without_a_worker_and_with_a_late_task(client, db, settings):
    from portal.tasks import prune_sent_emails

    cache.delete(health.WORKER_HEARTBEAT_KEY)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    result = prune_sent_emails.using(backend="default").enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=health.timezone.now() - health.timezone.timedelta(minutes=10),
        run_after=health.timezone.now() - health.timezone.timedelta(minutes=10),
    )
    response = client.get("/readyz")
    assert response.status_code == 200  # the web still serves: stay in the load balancer
    body = response.json()
    assert body["status"] == "degraded"
    assert body["worker"] == "not seen in the last minute"
    assert 590 < body["oldest_waiting_task_seconds"] < 700


def test_readyz_reports_pending_migrations(client, db, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("app", False)]
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"


def _database_down(request):
    raise OperationalError("connection to server failed: the database system is shutting down")


def _bug(request):
    raise ZeroDivisionError


urlpatterns = [path("down/", _database_down), path("bug/", _bug), *portal_urls.urlpatterns]
handler500 = "portal.health.server_error"


@pytest.mark.urls("tests.test_operations_health")
def test_an_unreachable_database_gives_the_styled_503_page(db):
    response = Client(raise_request_exception=False).get("/down/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Error code: 503" in response.content.decode() or "Fejlkode: 503" in (
        response.content.decode()
    )
    assert 'class="header"' in response.content.decode()


@pytest.mark.urls("tests.test_operations_health")
def test_other_errors_stay_500(db):
    response = Client(raise_request_exception=False).get("/bug/")
    assert response.status_code == 500


def test_request_id_is_taken_from_the_proxy_or_made(client, db, settings):
    settings.MIDDLEWARE = ["portal.request_id.RequestIdMiddleware", *settings.MIDDLEWARE]
    given = client.get("/healthz", headers={"X-Request-ID": "abc123def456"})
    assert given["X-Request-ID"] == "abc123def456"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id\nwith newline"})
    assert len(made["X-Request-ID"]) == 32
    assert made["X-Request-ID"] != "abc123def456"


def test_log_lines_are_json_with_the_request_id(rf):
    seen = []

    class Capture(logging.Handler):
        def emit(self, record):
            seen.append(self.format(record))

    handler = Capture()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("portal.request")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:

        def view(request):
            logging.getLogger("portal.request").warning("inside %s", "the view")
            from django.http import HttpResponse

            return HttpResponse("ok")

        RequestIdMiddleware(view)(rf.get("/x", headers={"X-Request-ID": "req-0000001"}))
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in seen]
    assert [line["request_id"] for line in lines] == ["req-0000001", "req-0000001"]
    assert lines[0]["message"] == "inside the view"
    assert lines[1]["status"] == 200 and lines[1]["path"] == "/x"
    assert request_id.get() == ""


def _production_shell(code: str, **env: str):
    import os
    import secrets
    import subprocess
    import sys
    from pathlib import Path

    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SENTRY_", "EMAIL_"))
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "socialtentreprenoerskab.kk.dk",
        "EMAIL_HOST": "smtp.kk.dk",
        "PORTAL_URL": "https://socialtentreprenoerskab.kk.dk",
        **env,
    }
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [sys.executable, str(root / "manage.py"), "shell", "-c", code],
        capture_output=True, text=True, env=environment, cwd=root, timeout=120,
    )  # fmt: skip


CHECK = (
    "import logging, sentry_sdk; "
    "print('sentry', sentry_sdk.get_client().is_active()); "
    "logging.getLogger('portal.test').warning('hello %s', 'json')"
)


def test_production_logs_json_and_sends_nothing_to_sentry_by_default():
    result = _production_shell(CHECK)
    assert "sentry False" in result.stdout, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "hello json"
    assert line["level"] == "WARNING"
    assert "request_id" in line


def test_production_reports_errors_to_sentry_when_a_dsn_is_set():
    result = _production_shell(CHECK, SENTRY_DSN="https://public@glitchtip.example.org/1")
    assert "sentry True" in result.stdout, result.stderr
