"""Enqueue the periodic tasks of settings.PERIODIC_TASKS at their intervals.

Django's tasks framework has no schedule of its own; this loop is that schedule. Run
one instance beside `db_worker` (systemd unit in production, `make run` in development).
"""

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
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
        next_run = dict.fromkeys(schedule, time.monotonic())
        while running:
            now = time.monotonic()
            for path, (task, interval) in schedule.items():
                if now >= next_run[path]:
                    try:
                        task.enqueue()
                    except Exception as error:  # the database may be restarting; try again later
                        self.stderr.write(f"could not enqueue {path}: {error}")
                    next_run[path] = now + interval
            time.sleep(1)
