"""`make backup` and `make restore BACKUP=…`: the database and the uploaded files.

    .venv/bin/python deploy/backup.py backup [FOLDER]   # default backups/<date and time>/
    .venv/bin/python deploy/backup.py restore FOLDER    # into a fresh database

A backup is one folder: `database.dump` (pg_dump's custom format: one consistent
snapshot, whatever is written meanwhile), `media.tar` (the uploaded files, copied after
the dump, so every file the dump refers to is in it) and `manifest.json` (each table's row
count and each file's size and SHA-256, to check a restore against).

A restore creates the database RESTORE_DATABASE (default `portal_restored`) on the same
server, which must not exist yet, restores the dump into it, unpacks the files into
RESTORE_MEDIA_ROOT (default `<MEDIA_ROOT>-restored`), and checks the row counts and the
files against the manifest. Point DATABASE_URL (or LOCAL_DATABASE_NAME) and MEDIA_ROOT at
them to use them. The database settings are the portal's (DJANGO_SETTINGS_MODULE,
DATABASE_URL or the project's own cluster).
"""

import hashlib
import json
import os
import random
import subprocess
import sys
import tarfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()


def pg_tool(name: str) -> str:
    import importlib.util

    spec = importlib.util.spec_from_file_location("pgcluster", ROOT / "tools" / "pgcluster.py")
    pgcluster = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pgcluster)
    bindir = pgcluster.find_bindir()
    return str(bindir / name) if bindir else name


def connection_parameters(database: str | None = None) -> dict:
    from django.db import connection

    parameters = connection.get_connection_params()
    parameters.pop("cursor_factory", None)
    parameters.pop("context", None)
    parameters.pop("prepare_threshold", None)
    if database:
        parameters["dbname"] = database
    return parameters


def libpq_environment(parameters: dict) -> dict:
    environment = dict(os.environ)
    names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD"}
    for key, variable in names.items():
        if parameters.get(key):
            environment[variable] = str(parameters[key])
    environment["PGDATABASE"] = parameters["dbname"]
    return environment


def row_counts(parameters: dict) -> dict[str, int]:
    import psycopg

    with psycopg.connect(**parameters) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(
                psycopg.sql.SQL("SELECT count(*) FROM {}").format(psycopg.sql.Identifier(table))
            )
            counts[table] = cursor.fetchone()[0]
    return counts


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(media_root: Path) -> dict[str, dict]:
    if not media_root.exists():
        return {}
    return {
        str(path.relative_to(media_root)): {
            "size": path.stat().st_size,
            "sha256": file_digest(path),
        }
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }


def backup(folder: Path | None) -> Path:
    setup_django()
    from django.conf import settings

    folder = folder or ROOT / "backups" / datetime.now().strftime("%Y-%m-%dT%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    parameters = connection_parameters()
    counts = row_counts(parameters)
    subprocess.run(
        [
            pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            str(folder / "database.dump"),
        ],
        env=libpq_environment(parameters),
        check=True,
    )
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar", "w") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    manifest = {
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "database": parameters["dbname"],
        "row_counts": counts,
        "media": media_files(media_root),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    size = sum(path.stat().st_size for path in folder.iterdir())
    print(
        f"backup: {folder} ({size / 1e6:.1f} MB): {len(counts)} tables, "
        f"{sum(counts.values())} rows, {len(manifest['media'])} uploaded files"
    )
    return folder


def restore(folder: Path) -> int:
    setup_django()
    from django.conf import settings

    manifest = json.loads((folder / "manifest.json").read_text())
    target = os.environ.get("RESTORE_DATABASE", "portal_restored")
    media_target = Path(
        os.environ.get("RESTORE_MEDIA_ROOT", f"{Path(settings.MEDIA_ROOT).as_posix()}-restored")
    )
    parameters = connection_parameters()
    environment = libpq_environment(parameters)
    exists = subprocess.run(
        [pg_tool("psql"), "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{target}'"],  # noqa: S608
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if exists:
        print(f"restore: the database {target} exists; choose another RESTORE_DATABASE")
        return 1
    if media_target.exists() and any(media_target.iterdir()):
        print(f"restore: {media_target} is not empty; choose another RESTORE_MEDIA_ROOT")
        return 1
    subprocess.run([pg_tool("createdb"), target], env=environment, check=True)
    subprocess.run(
        [pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", target,
         str(folder / "database.dump")],
        env=environment,
        check=True,
    )  # fmt: skip
    media_target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "media.tar") as archive:
        archive.extractall(media_target, filter="data")
    return verify(manifest, connection_parameters(target), media_target, target)


def verify(manifest: dict, parameters: dict, media_target: Path, target: str) -> int:
    counts = row_counts(parameters)
    differing = {
        table: (count, counts.get(table))
        for table, count in manifest["row_counts"].items()
        if counts.get(table) != count
    }
    files = list(manifest["media"].items())
    sample = random.sample(files, min(len(files), 200))
    wrong = [
        name
        for name, expected in sample
        if not (media_target / name).is_file()
        or file_digest(media_target / name) != expected["sha256"]
    ]
    print(
        f"restore: database {target}: {len(counts)} tables, {sum(counts.values())} rows; "
        f"{len(differing)} tables differ from the backup; files in {media_target}: "
        f"{len(sample)} of {len(files)} checked, {len(wrong)} differ"
    )
    for table, (expected, found) in differing.items():
        print(f"restore:   {table}: {expected} rows in the backup, {found} restored")
    return 1 if differing or wrong else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"backup", "restore"}:
        print(__doc__)
        return 2
    if argv[0] == "backup":
        backup(Path(argv[1]).resolve() if len(argv) > 1 else None)
        return 0
    if len(argv) < 2:
        print("restore needs the backup folder: make restore BACKUP=backups/<date>")
        return 2
    return restore(Path(argv[1]).resolve())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
