"""Issue 9.3: the rate-limit counter holds under parallel requests (one atomic upsert in
PostgreSQL, portal/ratelimit.py), and ended windows are pruned."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from enquiries.models import Enquiry, Topic
from portal import ratelimit
from portal.models import RateLimitCounter
from portal.tasks import prune_rate_limits
from tests import reference_data as reference_data_module

reference_data_kept = reference_data_module.reference_data_kept  # the fixture, here


@pytest.fixture
def reference_data(reference_data_kept, transactional_db):
    """Transactional tests truncate tables afterwards; put the reference data back."""
    reference_data_module.load()


def _in_parallel(count, work):
    """Run `work()` in `count` threads that start together; each has its own connection."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        try:
            barrier.wait()
            results[index] = work()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_thirty_parallel_attempts_against_a_limit_of_ten_let_exactly_ten_pass(
    reference_data_kept, transactional_db, settings
):
    settings.PORTAL_RATE_LIMITS = {"parallel": (10, 3600)}
    results = _in_parallel(30, lambda: ratelimit.allow("parallel", "ip:192.0.2.1"))
    assert results.count(True) == 10
    assert RateLimitCounter.objects.get().count == 30


def test_parallel_enquiries_from_one_address_are_limited(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "enquiry_ip": (4, 3600)}
    topic = Topic.objects.get(slug="premises").pk

    def submit():
        index = threading.get_ident()
        return (
            Client(REMOTE_ADDR="192.0.2.7")
            .post(
                "/kontakt/",
                {
                    "name": "Anna Jensen",
                    "email": f"anna{index}@example.org",
                    "topic": topic,
                    "message": "Vi søger et køkken på Nørrebro.",
                    "consent": "on",
                },
            )
            .status_code
        )

    statuses = _in_parallel(12, submit)
    assert statuses.count(302) == 4
    assert Enquiry.objects.count() == 4


def test_each_key_and_each_action_counts_on_its_own(db, settings):
    settings.PORTAL_RATE_LIMITS = {"a": (1, 60), "b": (1, 60)}
    assert ratelimit.allow("a", "k1")
    assert not ratelimit.allow("a", "k1")
    assert ratelimit.allow("a", "k2")
    assert ratelimit.allow("b", "k1")


def test_ended_windows_are_pruned(db, settings):
    settings.PORTAL_RATE_LIMITS = {"a": (5, 60)}
    ratelimit.allow("a", "k")
    RateLimitCounter.objects.create(key="old", count=3, expires_at=timezone.now() - timedelta(1))
    assert prune_rate_limits.call() == 1
    assert list(RateLimitCounter.objects.values_list("count", flat=True)) == [1]
