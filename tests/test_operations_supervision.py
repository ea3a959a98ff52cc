"""Issue 9, point 6 and issue 14, point 3: `make run` restarts a dead worker or scheduler
(with a back-off, and says so); only one scheduler enqueues at a time, another takes over
when it is gone; two workers never take the same task."""

import os
import signal
import time
import urllib.request
from pathlib import Path

import pytest

from tests.operations import processes as fixtures
from tests.operations.processes import (
    Mailsink,
    child_environment,
    free_port,
    manage,
    wait_for,
)

temp_cluster, database, processes = fixtures.temp_cluster, fixtures.database, fixtures.processes

pytestmark = pytest.mark.slow


def _children(pid: int) -> dict[int, str]:
    """Every descendant process of pid with its command line (from /proc)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = (int(fields[1]), command)
    found, frontier = {}, {pid}
    while frontier:
        frontier = {child for child, (parent, _c) in parents.items() if parent in frontier}
        found |= {child: parents[child][1] for child in frontier}
    return found


def _pid_of(serve_pid: int, word: str) -> int:
    return wait_for(
        lambda: next(
            (
                pid
                for pid, command in _children(serve_pid).items()
                if f"manage.py {word}" in command
            ),
            None,
        ),
        30,
        f"the {word} process",
    )


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def test_serve_restarts_a_dead_worker_and_scheduler_and_keeps_serving(
    database, processes, tmp_path
):
    port = free_port()
    serve = processes(
        manage(
            "serve",
            ["serve", "--port", str(port)],
            child_environment(DATABASE_URL=database.url),
            tmp_path,
        )
    )
    wait_for(lambda: _answers(port), 60, "the development server")
    for word in ("worker", "scheduler"):
        victim = _pid_of(serve.popen.pid, word)
        os.kill(victim, signal.SIGKILL)
        wait_for(
            lambda word=word: (
                f"The {word} exited with status -9; restarting it in 1 s" in serve.output()
            ),
            15,
            f"the {word}'s restart notice",
        )
        wait_for(lambda word=word: f"Restarting {word}" in serve.output(), 15, "the restart")
        assert _pid_of(serve.popen.pid, word) != victim
    assert serve.alive()
    assert _answers(port)
    assert serve.stop(signal.SIGINT) == 0
    assert not _children(serve.popen.pid)


def test_only_one_scheduler_enqueues_and_a_second_takes_over(database, processes, tmp_path):
    environment = child_environment(DATABASE_URL=database.url)
    first = processes(manage("scheduler-1", ["scheduler"], environment, tmp_path))
    wait_for(lambda: "holds the lock" in first.output(), 30, "the first scheduler's lock")
    second = processes(manage("scheduler-2", ["scheduler"], environment, tmp_path))
    wait_for(lambda: "Another scheduler holds the lock" in second.output(), 30, "the second")
    wait_for(lambda: first.output().count("Enqueued") >= 3, 30, "three rounds of the first")
    assert "Enqueued" not in second.output()
    enqueued = int(
        database.sql(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'portal.tasks.retry_pending_emails'"
        )
    )
    assert enqueued == first.output().count("Enqueued portal.tasks.retry_pending_emails")

    first.stop()
    wait_for(lambda: "holds the lock" in second.output(), 15, "the second to take over")
    wait_for(lambda: "Enqueued" in second.output(), 15, "the second to enqueue")


def test_two_workers_never_take_the_same_task(database, processes, tmp_path):
    mailsink = processes(Mailsink(tmp_path))
    environment = child_environment(
        DATABASE_URL=database.url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mailsink.port),
        EMAIL_USE_TLS="0",
    )
    count = 120
    # Both workers poll before the tasks exist, so that both take some of them.
    workers = [
        processes(
            manage(
                f"worker-{n}",
                ["worker", "--no-reload", "--interval", "0.1", "--worker-id", f"w{n}"],
                environment,
                tmp_path,
            )
        )
        for n in (1, 2)
    ]
    wait_for(
        lambda: all("Starting worker" in worker.output() for worker in workers),
        60,
        "both workers to start",
    )
    processes(
        manage(
            "driver",
            [
                "shell",
                "-c",
                f"from tests.operations.driver import queue_receipts; queue_receipts({count}, 0)",
            ],
            environment,
            tmp_path,
        )
    )
    wait_for(lambda: len(mailsink.recipients()) >= count, 120, "every receipt delivered")
    time.sleep(1)  # a task claimed twice would show as a second send
    rows = database.sql(
        "SELECT jsonb_array_length(worker_ids), worker_ids->>0, status "
        "FROM django_tasks_database_dbtaskresult"
    ).splitlines()
    assert len(rows) == count
    assert {row.split("|")[0] for row in rows} == {"1"}, "a task was claimed twice"
    assert {row.split("|")[2] for row in rows} == {"SUCCESSFUL"}
    assert {row.split("|")[1] for row in rows} == {"w1", "w2"}, "both workers took tasks"
    assert sorted(mailsink.recipients()) == sorted(
        f"receipt-{number}@example.org" for number in range(count)
    )
