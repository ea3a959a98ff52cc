"""Development server, task worker and scheduler in one command (`make run`)."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the portal with the background task worker and the scheduler beside it."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, port, host, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        processes = {
            "web": subprocess.Popen([*manage, "runserver", f"{host}:{port}"]),
            "worker": subprocess.Popen([*manage, "db_worker", "--interval", "0.5"]),
            "scheduler": subprocess.Popen([*manage, "scheduler"]),
        }
        self.stdout.write(
            f"Portal on http://{host}:{port}/ with task worker and scheduler. Ctrl-C stops."
        )
        interrupted = False

        def stop(*_):
            nonlocal interrupted
            interrupted = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not interrupted and all(p.poll() is None for p in processes.values()):
                time.sleep(0.3)
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGINT)
            deadline = time.monotonic() + 10
            for name, process in processes.items():
                try:
                    process.wait(timeout=max(deadline - time.monotonic(), 0.1))
                except subprocess.TimeoutExpired:
                    self.stderr.write(f"{name} did not stop in time; killing it")
                    process.kill()
        failed = [
            name
            for name, p in processes.items()
            if p.returncode not in (0, -2, 1) and not interrupted
        ]
        if failed:
            self.stderr.write(f"Stopped because {', '.join(failed)} exited.")
            sys.exit(1)
