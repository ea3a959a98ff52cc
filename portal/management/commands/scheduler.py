"""Enqueue the periodic tasks of settings.PERIODIC_TASKS: an interval in seconds, or a
local time of day ("07:00") for daily tasks.

Django's tasks framework has no schedule of its own; this loop is that schedule. Run
one instance beside `db_worker` (systemd unit in production, `make run` in development).
"""

import signal
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Enqueue periodic background tasks at their configured intervals."

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
        running = True

        def stop(*_):
            nonlocal running
            running = False

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        next_run = {path: first_run(when) for path, (_task, when) in schedule.items()}
        while running:
            now = time.time()
            for path, (task, when) in schedule.items():
                if now >= next_run[path]:
                    try:
                        task.enqueue()
                    except Exception as error:  # the database may be restarting; try again later
                        self.stderr.write(f"could not enqueue {path}: {error}")
                    next_run[path] = following_run(when, now)
            time.sleep(1)


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
