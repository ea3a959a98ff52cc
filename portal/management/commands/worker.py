"""The task worker: django-tasks-db's `db_worker`, made to survive the database.

`db_worker` lets an OperationalError out of its loop: with the autoreloader (DEBUG) only
its thread dies and the process lives on without working; without it the process ends on
the first restart of PostgreSQL. This worker closes its broken connections and tries again
with a back-off; when the database stays away longer than `--max-outage` seconds it exits
with status 1, so that its supervisor (systemd, `make run`, `make prod`) starts it again.
Every few seconds it writes when it was last seen (`/readyz` reports it).
"""

import logging
import os
import random
import time

from django.core.cache import cache
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connections,
)
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from portal.health import WORKER_HEARTBEAT_KEY

logger = logging.getLogger("portal.worker")

HEARTBEAT_SECONDS = 10
DATABASE_ERRORS = (OperationalError, InterfaceError)


def close_all_connections() -> None:
    """Drop every connection of this process; the next query opens a fresh one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            connection.connection = None


class Backoff:
    """Waits 0.5, 1, 2 … seconds (at most `ceiling`) and knows how long the outage lasts."""

    def __init__(self, *, ceiling: float = 8.0):
        self.ceiling = ceiling
        self.reset()

    def reset(self) -> None:
        self.started: float | None = None
        self.delay = 0.5

    def outage_seconds(self) -> float:
        if self.started is None:
            self.started = time.monotonic()
        return time.monotonic() - self.started

    def wait(self) -> float:
        delay = self.delay
        time.sleep(delay)
        self.delay = min(self.delay * 2, self.ceiling)
        return delay


class ResilientWorker(db_worker.Worker):
    def __init__(self, *, max_outage: float, **kwargs):
        super().__init__(**kwargs)
        self.max_outage = max_outage
        self.backoff = Backoff()
        self.last_heartbeat = 0.0

    def run(self) -> None:
        logger.info("Starting worker %s", self.worker_id)
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311  (spread the workers' first polls)
        while self.running:
            try:
                ran = self.run_one()
                self.heartbeat()
            except DATABASE_ERRORS as error:
                self.wait_for_database(error)
                continue
            self.backoff.reset()
            if self.batch and not ran:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            if self.running and not ran:
                time.sleep(self.interval)

    def run_one(self) -> bool:
        """Claim one ready task (row lock, skip locked) and run it; False when none."""
        close_old_connections()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        if task_result is None:
            return False
        self.run_task(task_result)
        return True

    def heartbeat(self) -> None:
        now = time.time()
        if now - self.last_heartbeat >= HEARTBEAT_SECONDS:
            cache.set(WORKER_HEARTBEAT_KEY, now, timeout=None)
            self.last_heartbeat = now

    def wait_for_database(self, error: Exception) -> None:
        close_all_connections()
        outage = self.backoff.outage_seconds()
        if outage > self.max_outage:
            logger.error(
                "The database has been unreachable for %.0f s (%s): exiting so that the "
                "supervisor restarts the worker",
                outage,
                error,
            )
            raise SystemExit(1)
        delay = self.backoff.delay
        logger.warning("Database unavailable (%s); trying again in %.1f s", error, delay)
        self.backoff.wait()


def run_or_exit(worker: ResilientWorker) -> None:
    """Under the autoreloader the worker runs in a thread: end the process with it."""
    try:
        worker.run()
    except SystemExit as exit_:
        os._exit(exit_.code if isinstance(exit_.code, int) else 1)
    except BaseException:
        logger.exception("The worker stopped on an error")
        os._exit(1)
    os._exit(0)


class Command(db_worker.Command):
    help = "Run the background task worker; reconnects after database restarts."
    # The system checks query the database: a worker started while it is away waits for
    # it in its loop (and gives up after --max-outage) instead of failing at once.
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--max-outage",
            type=float,
            default=float(os.environ.get("WORKER_MAX_OUTAGE_SECONDS", "60")),
            help="Exit with status 1 when the database is unreachable this long (seconds).",
        )

    def handle(self, *, verbosity, reload, max_outage, **options) -> None:  # type: ignore[override]
        self.configure_logging(verbosity)
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        worker = ResilientWorker(
            max_outage=max_outage,
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if reload and not options["batch"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(run_or_exit, worker)
        else:
            worker.configure_signals()
            worker.run()
