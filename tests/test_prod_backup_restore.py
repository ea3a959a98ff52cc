"""Issue 14, point 5: `make backup` writes the database (pg_dump custom format) and the
uploaded files into one folder; `make restore` puts them into a fresh database, and every
table's row count and a sample of files match. Against a throw-away cluster with the demo
data and some uploaded files."""

import json
import os
import subprocess

import pytest

from tests.operations import processes as fixtures
from tests.operations.processes import PYTHON, ROOT, child_environment

temp_cluster, database = fixtures.temp_cluster, fixtures.database

pytestmark = pytest.mark.slow


def _counts(database, name):
    tables = database.cluster.pg.psql(
        database.cluster.run,
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
        name,
    ).split()
    return {
        table: int(
            database.cluster.pg.psql(database.cluster.run, f'SELECT count(*) FROM "{table}"', name)
        )
        for table in tables
    }


def test_a_backup_restores_into_a_fresh_database_with_the_same_rows_and_files(database, tmp_path):
    media = tmp_path / "media"
    (media / "enquiries" / "2026").mkdir(parents=True)
    files = {f"enquiries/2026/file-{n}.pdf": os.urandom(1000 + n) for n in range(30)}
    for name, content in files.items():
        (media / name).write_bytes(content)
    environment = child_environment(DATABASE_URL=database.url, MEDIA_ROOT=str(media))
    subprocess.run(
        [PYTHON, "manage.py", "load_demo_data", "--allow-production"], cwd=ROOT,
        env=environment, check=True, capture_output=True, timeout=300,
    )  # fmt: skip

    backup = tmp_path / "backup"
    subprocess.run(
        [PYTHON, "deploy/backup.py", "backup", str(backup)], cwd=ROOT, env=environment,
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    assert {p.name for p in backup.iterdir()} == {"database.dump", "media.tar", "manifest.json"}
    # Written after the backup: not in the restored database.
    database.sql("DELETE FROM enquiries_enquiryevent")

    restored_media = tmp_path / "restored-media"
    result = subprocess.run(
        [PYTHON, "deploy/backup.py", "restore", str(backup)], cwd=ROOT,
        env=environment | {"RESTORE_DATABASE": f"{database.name}_r",
                           "RESTORE_MEDIA_ROOT": str(restored_media)},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 tables differ from the backup" in result.stdout

    manifest = json.loads((backup / "manifest.json").read_text())
    restored = _counts(database, f"{database.name}_r")
    assert restored == manifest["row_counts"]
    assert restored["enquiries_enquiry"] > 0 and restored["enquiries_enquiryevent"] > 0
    assert restored["challenges_challenge"] > 0
    for name in list(files)[::7]:
        assert (restored_media / name).read_bytes() == files[name]

    again = subprocess.run(
        [PYTHON, "deploy/backup.py", "restore", str(backup)], cwd=ROOT,
        env=environment | {"RESTORE_DATABASE": f"{database.name}_r",
                           "RESTORE_MEDIA_ROOT": str(tmp_path / "elsewhere")},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert again.returncode == 1
    assert "exists" in again.stdout
