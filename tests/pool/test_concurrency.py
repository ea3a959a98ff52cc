"""Twenty secretaries' decisions recorded at the same moment against a pool with room for
only some of them, in the real database with real row locks."""

import threading

from django.core.exceptions import ValidationError
from django.db import connection

from advisory.models import EntryKind, Grant, LedgerEntry
from portal.models import Role
from tests.factories import UserFactory, with_role, with_totp
from tests.pool.conftest import KR, award, fund, make_application, make_pool

THREADS = 20


def _in_thread(target, results, index, barrier):
    try:
        barrier.wait()
        results[index] = target()
    except ValidationError as error:
        results[index] = error
    finally:
        connection.close()


def _run_at_once(targets):
    results = [None] * len(targets)
    barrier = threading.Barrier(len(targets))
    threads = [
        threading.Thread(target=_in_thread, args=(target, results, index, barrier))
        for index, target in enumerate(targets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_twenty_grants_at_once_never_overspend(reference_data_after_flush, reference_data):
    secretary = with_totp(with_role(UserFactory(), Role.COUNCIL_SECRETARY))
    pool = make_pool()
    fund(pool, secretary, 7 * 30_000 * KR + 12_345)  # room for seven and a bit
    applications = [make_application(pool, 30_000 * KR) for _ in range(THREADS)]

    results = _run_at_once([lambda a=a: award(a, secretary) for a in applications])

    granted = [result for result in results if isinstance(result, Grant)]
    refused = [result for result in results if isinstance(result, ValidationError)]
    assert len(granted) == 7
    assert len(refused) == THREADS - 7
    for error in refused:
        assert error.message_dict["amount"] == [
            "Puljen har kun 123,45 kr. tilbage; 30.000,00 kr. kan ikke bevilges."
        ]
    figures = pool.figures()
    assert figures["granted"] == 7 * 30_000 * KR == sum(grant.amount for grant in granted)
    assert figures["remaining"] == 12_345
    assert LedgerEntry.objects.filter(kind=EntryKind.GRANT).count() == 7


def test_the_same_decision_submitted_twenty_times_at_once_makes_one_grant(
    reference_data_after_flush, reference_data
):
    secretary = with_totp(with_role(UserFactory(), Role.COUNCIL_SECRETARY))
    pool = make_pool()
    fund(pool, secretary, 1_000_000 * KR)
    application = make_application(pool, 30_000 * KR)

    results = _run_at_once([lambda: award(application, secretary)] * THREADS)

    assert {result.pk for result in results} == {Grant.objects.get().pk}
    assert pool.figures()["granted"] == 30_000 * KR
