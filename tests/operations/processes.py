"""Fixtures for the slow operations tests: a throw-away PostgreSQL cluster (migrated once
per session, each test gets a copy of the database), the local SMTP server that keeps
messages as files, and the portal's own processes started as subprocesses."""

import atexit
import contextlib
import email
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deploy.pgtemp import TempCluster

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_environment(**extra: str) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "EMAIL_", "PYTEST"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="tests.operations.settings",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
    )
    environment.update(extra)
    return environment


_shared: list[TempCluster] = []


def _migrated_cluster() -> TempCluster:
    """One throw-away cluster per test run, migrated once: each test module imports the
    fixture (so each has its own fixture definition), and all of them share this."""
    if not _shared:
        cluster = TempCluster("portal_template").init()
        atexit.register(cluster.destroy)
        environment = child_environment(DATABASE_URL=cluster.url)
        for command in (["migrate", "--no-input", "-v0"], ["createcachetable"]):
            subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=ROOT,
                env=environment,
                check=True,
                timeout=300,
            )
        _shared.append(cluster)
    return _shared[0]


@pytest.fixture(scope="session")
def temp_cluster():
    return _migrated_cluster()


class Database:
    def __init__(self, cluster: TempCluster, name: str):
        cluster.pg.psql(cluster.run, f'CREATE DATABASE "{name}" TEMPLATE portal_template')
        self.cluster = cluster
        self.name = name
        self.url = f"postgres://postgres@/{name}?host={cluster.run}"

    def sql(self, query: str) -> str:
        return self.cluster.pg.psql(self.cluster.run, query, self.name)


@pytest.fixture
def database(temp_cluster, request):
    digest = hashlib.sha256(request.node.nodeid.encode()).hexdigest()[:8]
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:40]
    name += f"_{digest}"
    return Database(temp_cluster, name)


class Process:
    """A subprocess whose output goes to a file (read it with .output())."""

    def __init__(self, name: str, command: list[str], environment: dict, folder: Path):
        self.name = name
        self.log = folder / f"{name}.log"
        self.command = command
        self.environment = environment
        self.popen: subprocess.Popen | None = None

    def start(self) -> "Process":
        with self.log.open("ab") as log:
            self.popen = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 15) -> int | None:
        if self.popen is None:
            return None
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signum)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
        return self.popen.returncode


class Mailsink(Process):
    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder / "mail"
        command = [
            PYTHON,
            str(ROOT / "deploy" / "mailsink.py"),
            "--port",
            str(self.port),
            "--folder",
            str(self.folder),
        ]
        super().__init__("mailsink", command, child_environment(), folder)

    def start(self) -> "Mailsink":
        super().start()
        wait_for(lambda: _port_open(self.port), 15, "the SMTP server to listen")
        return self

    def recipients(self) -> list[str]:
        found = []
        for path in sorted(self.folder.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes())
            found.append(message["To"])
        return found


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_for(condition, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture
def processes(tmp_path):
    """Starts processes and stops every one of them at the end of the test."""
    started: list[Process] = []

    def start(process: Process) -> Process:
        started.append(process)
        return process.start()

    yield start
    for process in reversed(started):
        process.stop()


def manage(name: str, args: list[str], environment: dict, folder: Path) -> Process:
    return Process(name, [PYTHON, str(ROOT / "manage.py"), *args], environment, folder)
