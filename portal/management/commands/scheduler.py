"""Enqueue the periodic tasks of settings.PERIODIC_TASKS: an interval in seconds, or a
local time of day ("07:00") for daily tasks.

Django's tasks framework has no schedule of its own; this loop is that schedule. Exactly
one scheduler enqueues: each holds a PostgreSQL advisory lock (`pg_try_advisory_lock`) on
a connection of its own while it works, and a second one started by mistake waits until
the first is gone. After a database restart the lock is gone with the connection, so a
scheduler checks that its lock connection is alive before every round and takes the lock
again; failed enqueues are retried with a back-off, on a fresh connection.
"""

import contextlib
import logging
import signal
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django.utils.module_loading import import_string

from portal.management.commands.worker import Backoff, close_all_connections

logger = logging.getLogger("portal.scheduler")

# pg_try_advisory_lock(key): any bigint the other users of the database do not use.
LOCK_KEY = 0x706F7274616C  # "portal"
LEADER_CHECK_SECONDS = 2.0


class Leadership:
    """The advisory lock on a connection that only this holds (never closed by
    close_old_connections, so CONN_MAX_AGE does not drop the lock)."""

    def __init__(self, alias: str = "default"):
        self.alias = alias
        self.connection: BaseDatabaseWrapper | None = None
        self.checked_at = 0.0
        self.held = False

    def _cursor(self):
        if self.connection is None:
            self.connection = connections.create_connection(self.alias)
        return self.connection.cursor()

    def check(self) -> bool:
        """True while this process holds the lock; tries to take it when not."""
        now = time.monotonic()
        if now - self.checked_at < LEADER_CHECK_SECONDS:
            return self.held
        self.checked_at = now
        try:
            with self._cursor() as cursor:
                if self.held:
                    cursor.execute("SELECT 1")
                else:
                    cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                    self.held = bool(cursor.fetchone()[0])
                    if self.held:
                        logger.info("This scheduler holds the lock and enqueues the tasks")
        except DatabaseError as error:
            if self.held:
                logger.warning("Lost the scheduler lock with the database (%s)", error)
            self.release()
        return self.held

    def release(self) -> None:
        self.held = False
        if self.connection is not None:
            with contextlib.suppress(DatabaseError):
                self.connection.close()
            self.connection = None


class Command(BaseCommand):
    help = "Enqueue periodic background tasks at their configured intervals (one instance)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue every task once and exit.")

    def handle(self, *args, once=False, **options):
        schedule = {
            path: (import_string(path), interval)
            for path, interval in settings.PERIODIC_TASKS.items()
        }
        if once:
            for path, (task, _interval) in schedule.items():
                task.enqueue()
                self.stdout.write(f"enqueued {path}")
            return
        self.running = True
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)
        leadership = Leadership()
        try:
            self.loop(schedule, leadership)
        finally:
            leadership.release()

    def stop(self, *_):
        self.running = False

    def loop(self, schedule, leadership: Leadership) -> None:
        next_run = {path: first_run(when) for path, (_task, when) in schedule.items()}
        backoff = Backoff(ceiling=60)
        waiting_logged = False
        while self.running:
            if not leadership.check():
                if not waiting_logged:
                    logger.info("Another scheduler holds the lock (or no database): waiting")
                    waiting_logged = True
                time.sleep(1)
                continue
            waiting_logged = False
            now = time.time()
            for path, (task, when) in schedule.items():
                if now < next_run[path]:
                    continue
                if enqueue(path, task):
                    next_run[path] = following_run(when, now)
                    backoff.reset()
                else:
                    next_run[path] = now + backoff.delay
                    backoff.delay = min(backoff.delay * 2, backoff.ceiling)
            time.sleep(1)


def enqueue(path: str, task) -> bool:
    close_old_connections()
    try:
        task.enqueue()
    except DatabaseError as error:
        # The database may be restarting: drop the broken connection, try again soon.
        logger.warning("Could not enqueue %s: %s", path, error)
        close_all_connections()
        return False
    logger.info("Enqueued %s", path)
    return True


def _next_time_of_day(when: str, after: float) -> float:
    hour, minute = (int(part) for part in when.split(":"))
    local = timezone.localtime(datetime.fromtimestamp(after, tz=UTC))
    candidate = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if candidate.timestamp() <= after:
        candidate = timezone.localtime(candidate + timedelta(days=1)).replace(
            hour=hour, minute=minute
        )
    return candidate.timestamp()


def first_run(when) -> float:
    """Interval tasks run at once; daily ones at their next time of day."""
    now = time.time()
    return _next_time_of_day(when, now) if isinstance(when, str) else now


def following_run(when, now: float) -> float:
    return _next_time_of_day(when, now) if isinstance(when, str) else now + when
