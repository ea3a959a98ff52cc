"""Development server, task worker and scheduler in one command (`make run`)."""

import contextlib
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
        # Each child leads its own process group, so that stopping it also stops the
        # autoreloader's inner process, whoever sent us the signal (Ctrl-C or a supervisor).
        processes = {
            name: subprocess.Popen(command, start_new_session=True)
            for name, command in {
                "web": [*manage, "runserver", f"{host}:{port}"],
                "worker": [*manage, "db_worker", "--interval", "0.5"],
                "scheduler": [*manage, "scheduler"],
            }.items()
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
            self._stop_all(processes)
        if not interrupted:
            exited = [name for name, process in processes.items() if process.returncode is not None]
            self.stderr.write(f"Stopped because {', '.join(exited)} exited.")
            sys.exit(1)

    def _stop_all(self, processes):
        for process in processes.values():
            _signal_group(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for name, process in processes.items():
            # poll() reaps the group leader, so that only live members count.
            while (process.poll() is None or _group_alive(process.pid)) and (
                time.monotonic() < deadline
            ):
                time.sleep(0.1)
            if _group_alive(process.pid):
                self.stderr.write(f"{name} did not stop in time; killing it")
                _signal_group(process.pid, signal.SIGKILL)
            process.wait()


def _signal_group(pgid, signum):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signum)


def _group_alive(pgid) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
