"""Development server, task worker and scheduler in one command (`make run`).

The worker and the scheduler are restarted when they die, after a back-off (1, 2, 4 …
seconds, at most 30; it starts again at 1 once a process has run for a minute), and the
terminal says so. Only the web server's end, or Ctrl-C, stops everything.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.base import BaseCommand

RESTART_FIRST_DELAY = 1.0
RESTART_MAX_DELAY = 30.0
STABLE_SECONDS = 60.0


@dataclass
class Child:
    """One supervised process; `restart` False means its end stops everything."""

    name: str
    command: list[str]
    restart: bool
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    delay: float = RESTART_FIRST_DELAY
    restart_at: float | None = None
    restarts: int = field(default=0)

    def start(self) -> None:
        # Each child leads its own process group, so that stopping it also stops the
        # autoreloader's inner process, whoever sent us the signal.
        self.process = subprocess.Popen(self.command, start_new_session=True)
        self.started_at = time.monotonic()
        self.restart_at = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def exited(self) -> int | None:
        return None if self.process is None else self.process.poll()


class Command(BaseCommand):
    help = "Serve the portal with the background task worker and the scheduler beside it."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, port, host, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        children = [
            Child("web", [*manage, "runserver", f"{host}:{port}"], restart=False),
            Child("worker", [*manage, "worker", "--interval", "0.5"], restart=True),
            Child("scheduler", [*manage, "scheduler"], restart=True),
        ]
        for child in children:
            child.start()
        self.stdout.write(
            f"Portal on http://{host}:{port}/ with task worker and scheduler. Ctrl-C stops."
        )
        self.interrupted = False
        signal.signal(signal.SIGINT, self._interrupt)
        signal.signal(signal.SIGTERM, self._interrupt)
        stopped_by = None
        try:
            while not self.interrupted and stopped_by is None:
                stopped_by = self._supervise(children)
                time.sleep(0.3)
        finally:
            _stop_all(children, self.stderr)
        if stopped_by is not None:
            self.stderr.write(f"Stopped because {stopped_by.name} exited.")
            sys.exit(1)

    def _interrupt(self, *_):
        self.interrupted = True

    def _supervise(self, children: list[Child]) -> Child | None:
        """Restart what may be restarted; return the child whose end stops everything."""
        now = time.monotonic()
        for child in children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    self.stderr.write(f"Restarting {child.name} (restart {child.restarts}).")
                    child.start()
                continue
            returncode = child.exited()
            if returncode is None:
                continue
            if not child.restart:
                return child
            _signal_group(child.pid, signal.SIGTERM)  # what is left of its group
            if now - child.started_at >= STABLE_SECONDS:
                child.delay = RESTART_FIRST_DELAY
            self.stderr.write(
                f"The {child.name} exited with status {returncode}; "
                f"restarting it in {child.delay:.0f} s."
            )
            child.restart_at = now + child.delay
            child.delay = min(child.delay * 2, RESTART_MAX_DELAY)
        return None


def _stop_all(children: list[Child], stderr) -> None:
    running = [(child, child.process) for child in children if child.process is not None]
    for _child, process in running:
        _signal_group(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for child, process in running:
        # poll() reaps the group leader, so that only live members count.
        while (process.poll() is None or _group_alive(process.pid)) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.1)
        if _group_alive(process.pid):
            stderr.write(f"{child.name} did not stop in time; killing it")
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
