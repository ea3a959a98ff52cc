"""Issue 9, point 5: after PostgreSQL restarts the worker and the scheduler reconnect by
themselves and every receipt is delivered; so it is when a worker is killed mid-way; a
worker that cannot reach the database exits so that its supervisor restarts it. Real
processes, a real PostgreSQL that the test stops and starts (a throw-away cluster), a real
SMTP server."""

import signal
import time
from collections import Counter

import pytest

from tests.operations import processes as fixtures
from tests.operations.processes import Mailsink, child_environment, manage, wait_for

temp_cluster, database, processes = fixtures.temp_cluster, fixtures.database, fixtures.processes

pytestmark = pytest.mark.slow

RECEIPTS = 30


def _environment(database, mailsink):
    return child_environment(
        DATABASE_URL=database.url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mailsink.port),
        EMAIL_USE_TLS="0",
        # A send cut off by a killed worker is tried again after this lease (300 s in
        # production); the test waits seconds, not minutes.
        EMAIL_SEND_LEASE_SECONDS="3",
    )


def test_worker_and_scheduler_reconnect_after_a_database_restart(
    database, processes, tmp_path, temp_cluster
):
    mailsink = processes(Mailsink(tmp_path))
    environment = _environment(database, mailsink)
    # One worker as `make run` starts it (autoreloader: the loop runs in a thread, where
    # db_worker's loop died), one as production does; and the scheduler.
    workers = [
        processes(
            manage(
                "worker-reload", ["worker", "--reload", "--interval", "0.2"], environment, tmp_path
            )
        ),
        processes(
            manage("worker", ["worker", "--no-reload", "--interval", "0.2"], environment, tmp_path)
        ),
    ]
    scheduler = processes(manage("scheduler", ["scheduler"], environment, tmp_path))
    wait_for(lambda: "holds the lock" in scheduler.output(), 30, "the scheduler's lock")
    driver = processes(
        manage(
            "driver",
            [
                "shell",
                "-c",
                f"from tests.operations.driver import queue_receipts; queue_receipts({RECEIPTS})",
            ],
            environment,
            tmp_path,
        )
    )
    wait_for(lambda: driver.output().count("committed") >= 8, 60, "the first receipts")
    temp_cluster.stop()
    time.sleep(3)
    temp_cluster.start()
    restarted_at = len(scheduler.output())

    wait_for(lambda: driver.output().count("committed") == RECEIPTS, 60, "every receipt queued")
    expected = {f"receipt-{number}@example.org" for number in range(RECEIPTS)}
    wait_for(lambda: expected <= set(mailsink.recipients()), 60, "every receipt delivered")

    counts = Counter(mailsink.recipients())
    # Exactly-once is impossible over SMTP; a send cut off by the restart may repeat once.
    assert max(counts.values()) <= 2, counts
    assert all(worker.alive() for worker in workers), [w.output()[-2000:] for w in workers]
    assert any("Database unavailable" in worker.output() for worker in workers)
    wait_for(
        lambda: "Enqueued portal.tasks.retry_pending_emails" in scheduler.output()[restarted_at:],
        30,
        "the scheduler to enqueue again after the restart",
    )
    assert scheduler.alive()
    # A send that the restart cut off between the SMTP server and the database's "sent" is
    # tried again once its lease (3 s here) has run out, by the next sweep the scheduler
    # enqueues (every minute): the outbox empties, without a third copy of anything.
    wait_for(
        lambda: (
            database.sql("SELECT count(*) FROM portal_outgoingemail WHERE sent_at IS NULL") == "0"
        ),
        90,
        "the outbox to empty",
    )
    assert max(Counter(mailsink.recipients()).values()) <= 2


def test_worker_exits_when_the_database_stays_away(database, processes, tmp_path):
    environment = child_environment(
        DATABASE_URL=f"postgres://postgres@/{database.name}?host={tmp_path}/nowhere"
    )
    worker = processes(
        manage("worker", ["worker", "--no-reload", "--max-outage", "2"], environment, tmp_path)
    )
    wait_for(lambda: not worker.alive(), 30, "the worker to give up")
    assert worker.popen.returncode == 1
    assert "exiting so that the supervisor restarts the worker" in worker.output()


def test_a_worker_killed_while_sending_loses_no_receipt(database, processes, tmp_path):
    mailsink = processes(Mailsink(tmp_path))
    environment = _environment(database, mailsink)
    scheduler = processes(manage("scheduler", ["scheduler"], environment, tmp_path))
    first = processes(
        manage("worker-1", ["worker", "--no-reload", "--interval", "0.2"], environment, tmp_path)
    )
    wait_for(lambda: "Starting worker" in first.output(), 60, "the worker")
    count = 80
    processes(
        manage(
            "driver",
            ["shell", "-c",
             f"from tests.operations.driver import queue_receipts; queue_receipts({count}, 0)"],
            environment,
            tmp_path,
        )
    )  # fmt: skip
    wait_for(lambda: len(mailsink.recipients()) >= 10, 60, "the first receipts")
    first.stop(signal.SIGKILL)
    delivered_at_kill = len(set(mailsink.recipients()))
    # What the supervisor does: start a worker again.
    processes(
        manage("worker-2", ["worker", "--no-reload", "--interval", "0.2"], environment, tmp_path)
    )
    expected = {f"receipt-{number}@example.org" for number in range(count)}
    wait_for(lambda: expected <= set(mailsink.recipients()), 90, "every receipt delivered")
    counts = Counter(mailsink.recipients())
    assert delivered_at_kill < count, "the kill came after the last send: nothing was tested"
    assert sum(c - 1 for c in counts.values()) <= 1, counts  # at most the one in flight
    assert scheduler.alive()
