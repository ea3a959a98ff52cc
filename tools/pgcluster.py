#!/usr/bin/env python3
"""The project's own PostgreSQL cluster, kept in `.pgdata/` inside the checkout.

    python tools/pgcluster.py ensure          # init if needed, start, create the database
    python tools/pgcluster.py stop            # fast shutdown (consistent on disk)
    python tools/pgcluster.py status
    python tools/pgcluster.py run -- CMD ...  # ensure, run CMD, stop again if we started it

Standard library only: it runs before the virtual environment is complete.
With DATABASE_URL set, nothing is started and `run` simply runs the command.

PostgreSQL refuses to run as root. As root, the cluster runs as an unprivileged system
user (`portal-pg`); when that user cannot reach the checkout (a home folder closed to
others), the data lives under /var/lib/portal-pg/ and `.pgdata` is a symlink to it, so
the socket path in the settings is the same either way.
"""

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PGDATA_LINK = ROOT / ".pgdata"
SYSTEM_USER = "portal-pg"
MIN_VERSION = 15
DATABASE_NAME = os.environ.get("LOCAL_DATABASE_NAME", "portal")


def say(message: str) -> None:
    print(f"pgcluster: {message}", flush=True)


def fail(message: str) -> None:
    print(f"pgcluster: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def is_root() -> bool:
    return os.geteuid() == 0


def find_bindir() -> Path | None:
    candidates = []
    for version_dir in Path("/usr/lib/postgresql").glob("*/bin"):
        try:
            candidates.append((int(version_dir.parent.name), version_dir))
        except ValueError:
            continue
    if not candidates:
        found = shutil.which("initdb")
        if found:
            candidates.append((_version_of(Path(found).parent), Path(found).parent))
    usable = [(v, d) for v, d in candidates if v >= MIN_VERSION and (d / "initdb").exists()]
    return max(usable)[1] if usable else None


def _version_of(bindir: Path) -> int:
    try:
        out = subprocess.run(
            [str(bindir / "pg_ctl"), "--version"], capture_output=True, text=True, check=True
        ).stdout
        return int(out.split()[-1].split(".")[0])
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def install_postgresql() -> None:
    if not (is_root() and shutil.which("apt-get")):
        fail(
            f"PostgreSQL {MIN_VERSION}+ server binaries not found: install them "
            "(Debian/Ubuntu: sudo apt-get install postgresql) or set DATABASE_URL."
        )
    say("installing Debian's postgresql package (server binaries only are used)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        [
            "apt-get",
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            "postgresql",
            "postgresql-contrib",
        ],
        check=True,
        env=env,
    )


def bindir() -> Path:
    found = find_bindir()
    if found is None:
        install_postgresql()
        found = find_bindir()
        if found is None:
            fail("PostgreSQL was installed but no server binaries were found.")
    return found


def ensure_system_user() -> None:
    try:
        subprocess.run(["id", "-u", SYSTEM_USER], check=True, capture_output=True)
    except subprocess.CalledProcessError:
        say(f"creating the unprivileged system user {SYSTEM_USER} to run PostgreSQL")
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SYSTEM_USER,
            ],
            check=True,
        )


def as_cluster_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", SYSTEM_USER, "--", *command] if is_root() else command


def system_user_can_reach(path: Path) -> bool:
    return (
        subprocess.run(
            ["runuser", "-u", SYSTEM_USER, "--", "test", "-x", str(path)], capture_output=True
        ).returncode
        == 0
    )


def data_home() -> Path:
    """The real folder that holds data/ and run/ (PGDATA_LINK or its target)."""
    if PGDATA_LINK.exists():
        return PGDATA_LINK.resolve()
    if not is_root():
        PGDATA_LINK.mkdir(mode=0o700)
        return PGDATA_LINK
    ensure_system_user()
    if system_user_can_reach(ROOT):
        PGDATA_LINK.mkdir(mode=0o700)
        shutil.chown(PGDATA_LINK, SYSTEM_USER, SYSTEM_USER)
        return PGDATA_LINK
    digest = hashlib.sha256(str(ROOT).encode()).hexdigest()[:16]
    home = Path("/var/lib/portal-pg") / digest
    home.mkdir(parents=True, exist_ok=True)
    for folder in (home.parent, home):
        shutil.chown(folder, SYSTEM_USER, SYSTEM_USER)
    home.chmod(0o700)
    PGDATA_LINK.symlink_to(home)
    say(f"{SYSTEM_USER} cannot reach {ROOT}; the cluster lives in {home} (.pgdata links there)")
    return home


def paths() -> tuple[Path, Path, Path]:
    home = data_home()
    return home / "data", home / "run", home / "postgresql.log"


def run_checked(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def is_running(data: Path) -> bool:
    if not (data / "postmaster.pid").exists():
        return False
    result = subprocess.run(
        as_cluster_user([str(bindir() / "pg_ctl"), "-D", str(data), "status"]), capture_output=True
    )
    return result.returncode == 0


def initialise(data: Path, run: Path) -> None:
    say(f"creating the project's PostgreSQL cluster in {data}")
    if is_root():
        ensure_system_user()
    for folder in (data, run):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if is_root():
            shutil.chown(folder, SYSTEM_USER, SYSTEM_USER)
    run_checked(
        as_cluster_user(
            [
                str(bindir() / "initdb"),
                "-D",
                str(data),
                "--locale-provider=icu",
                "--icu-locale=da",
                "--locale=C.UTF-8",
                "-E",
                "UTF8",
                "-U",
                "postgres",
                "-A",
                "trust",
            ]
        )
    )
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(
            "\n# Set by tools/pgcluster.py: Unix socket only, inside the checkout.\n"
            "listen_addresses = ''\n"
            f"unix_socket_directories = '{run}'\n"
            "unix_socket_permissions = 0777\n"
            "max_connections = 200\n"
            "shared_buffers = 256MB\n"
            "fsync = on\n"
            "synchronous_commit = on\n"
        )


def start(data: Path, log: Path) -> None:
    run_checked(
        as_cluster_user(
            [str(bindir() / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "start"]
        )
    )


def psql(run: Path, sql: str, database: str = "postgres") -> str:
    result = subprocess.run(
        [str(bindir() / "psql"), "-h", str(run), "-U", "postgres", "-d", database, "-tAc", sql],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        fail(f"psql failed: {result.stderr.strip()}")
    return result.stdout.strip()


def ensure_database(run: Path, name: str) -> None:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        fail(f"invalid database name {name!r}: use lower-case letters, digits and _")
    if psql(run, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") != "1":  # noqa: S608
        psql(run, f'CREATE DATABASE "{name}"')
        say(f"created database {name}")


def ensure() -> bool:
    """Make the cluster run; True when this call started it."""
    data, run, log = paths()
    if not (data / "PG_VERSION").exists():
        initialise(data, run)
    started = False
    if not is_running(data):
        stale_pid = data / "postmaster.pid"
        if stale_pid.exists():
            say("removing a stale postmaster.pid left by an unclean stop")
        start(data, log)
        started = True
    ensure_database(run, DATABASE_NAME)
    return started


def stop() -> None:
    if not PGDATA_LINK.exists():
        return
    data, _run, _log = paths()
    if is_running(data):
        run_checked(
            as_cluster_user([str(bindir() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        )
        say("stopped")


def run_command(command: list[str]) -> int:
    started = False if os.environ.get("DATABASE_URL") else ensure()
    child = subprocess.Popen(command)
    # The child shares our terminal and gets Ctrl-C itself; we wait for it to finish.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        signal.signal(signal.SIGTERM, lambda *_: child.terminate())
        returncode = child.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
        if started:
            stop()
    return returncode


def main(argv: list[str]) -> int:  # noqa: PLR0911  (one return per sub-command)
    if not argv:
        print(__doc__)
        return 2
    action, rest = argv[0], argv[1:]
    if action == "ensure":
        if os.environ.get("DATABASE_URL"):
            say("DATABASE_URL is set: using that server, no local cluster")
            return 0
        ensure()
        return 0
    if action == "stop":
        stop()
        return 0
    if action == "status":
        data, run, _log = paths()
        running = is_running(data)
        print(f"{'running' if running else 'stopped'}: data {data}, socket {run}")
        return 0 if running else 3
    if action == "run":
        if rest and rest[0] == "--":
            rest = rest[1:]
        if not rest:
            fail("run needs a command after --")
        return run_command(rest)
    fail(f"unknown action {action!r}")
    return 2


if __name__ == "__main__":
    time.tzset()
    sys.exit(main(sys.argv[1:]))
