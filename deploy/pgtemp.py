"""A throw-away PostgreSQL cluster for the fault script and the slow tests, which
restart the database and must not disturb the project's own cluster or the test run.

As root, PostgreSQL runs as the unprivileged user that tools/pgcluster.py uses.
"""

import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pgcluster():
    spec = importlib.util.spec_from_file_location("pgcluster", ROOT / "tools" / "pgcluster.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TempCluster:
    def __init__(self, name: str = "portal"):
        self.pg = _pgcluster()
        self.bindir = self.pg.bindir()
        self.home = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.home / "data"
        self.run = self.home / "run"
        self.log = self.home / "postgresql.log"
        self.name = name

    @property
    def url(self) -> str:
        return f"postgres://postgres@/{self.name}?host={self.run}"

    def _as_owner(self, command: list[str]) -> list[str]:
        return self.pg.as_cluster_user(command)

    def init(self) -> "TempCluster":
        if self.pg.is_root():
            self.pg.ensure_system_user()
        self.home.chmod(0o755)
        for folder in (self.data, self.run):
            folder.mkdir(mode=0o700)
            if self.pg.is_root():
                shutil.chown(folder, self.pg.SYSTEM_USER, self.pg.SYSTEM_USER)
        if self.pg.is_root():
            self.log.touch()
            shutil.chown(self.log, self.pg.SYSTEM_USER, self.pg.SYSTEM_USER)
        self.pg.run_checked(
            self._as_owner(
                [
                    str(self.bindir / "initdb"),
                    "-D",
                    str(self.data),
                    "--locale-provider=icu",
                    "--icu-locale=da",
                    "--locale=C.UTF-8",
                    "-E",
                    "UTF8",
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "--no-sync",
                ]
            )
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = ''\nunix_socket_directories = '{self.run}'\n"
                "unix_socket_permissions = 0777\nmax_connections = 100\n"
                # Thrown away afterwards: no need to wait for the disk (restarts are clean).
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            )
        self.start()
        self.pg.psql(self.run, f'CREATE DATABASE "{self.name}"')
        return self

    def pg_ctl(self, *args: str) -> None:
        command = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log)]
        self.pg.run_checked(self._as_owner([*command, *args]))

    def start(self) -> None:
        self.pg_ctl("-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "restart")

    def psql(self, sql: str) -> str:
        return self.pg.psql(self.run, sql, self.name)

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                self._as_owner(
                    [
                        str(self.bindir / "pg_ctl"),
                        "-D",
                        str(self.data),
                        "-m",
                        "immediate",
                        "-w",
                        "stop",
                    ]
                ),
                capture_output=True,
            )
        shutil.rmtree(self.home, ignore_errors=True)
