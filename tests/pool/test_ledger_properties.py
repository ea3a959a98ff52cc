"""For any sequence of contributions, grants, changes, payouts, returns and reversals:
remaining = contributed - granted + returned, and no figure ever goes below zero. Refused
movements leave the figures as they were."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisory import pool_services
from advisory.models import LedgerEntry, Pool
from tests.pool.conftest import KR, fund, make_application

AMOUNT = st.integers(min_value=1, max_value=200_000 * KR)
STEP = st.one_of(
    st.tuples(st.just("contribute"), AMOUNT),
    st.tuples(st.just("grant"), AMOUNT),
    st.tuples(st.just("change"), AMOUNT, st.integers(0, 9)),
    st.tuples(st.just("pay"), AMOUNT, st.integers(0, 9)),
    st.tuples(st.just("return"), st.integers(0, 9)),
    st.tuples(st.just("reverse"), st.integers(0, 50)),
)


def _pick(items, index):
    return items[index % len(items)] if items else None


def _grant(pool, actor, grants, amount):
    grants.append(
        pool_services.grant_award(
            application=make_application(pool, amount),
            actor=actor,
            amount=amount,
            conditions="",
            instalments=[(date(2026, 5, 1), amount)],
            report_due=date(2027, 1, 1),
        )
    )


def _reverse(pool, actor, index):
    entry = _pick(list(LedgerEntry.objects.filter(pool=pool).order_by("pk")), index)
    if entry is not None:
        pool_services.entry_reverse(entry=entry, actor=actor, reason="Rettelse")


ON_GRANT = {
    "change": lambda g, a, amount: pool_services.grant_change(
        grant=g, actor=a, new_amount=amount, reason=""
    ),
    "pay": lambda g, a, amount: pool_services.payout_record(
        grant=g, actor=a, amount=amount, reason=""
    ),
    "return": lambda g, a: pool_services.grant_return_rest(grant=g, actor=a, reason=""),
}


def _apply(step, pool, actor, grants):
    kind, *args = step
    if kind == "contribute":
        fund(pool, actor, args[0])
    elif kind == "grant":
        _grant(pool, actor, grants, args[0])
    elif kind == "reverse":
        _reverse(pool, actor, args[0])
    elif grants:
        ON_GRANT[kind](_pick(grants, args[-1]), actor, *args[:-1])


def _check(pool, grants):
    figures = pool.figures()
    assert figures["remaining"] == figures["contributed"] - figures["granted"] + figures["returned"]
    assert all(value >= 0 for value in figures.values()), figures
    for grant in grants:
        grant_figures = grant.figures()
        for figure in ("granted", "paid", "returned", "outstanding"):
            assert grant_figures[figure] >= 0, grant_figures
        grant.refresh_from_db()
        assert grant.amount == grant_figures["granted"]
    return figures


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=1, max_size=15))
def test_the_ledger_always_balances(pool_secretary, steps):
    pool = Pool.objects.create(
        year=2000 + Pool.objects.count(),
        rules_text="",
        maximum_grant=150_000 * KR,
        fast_track_limit=150_000 * KR,
    )
    grants = []
    for step in steps:
        before = pool.figures()
        try:
            _apply(step, pool, pool_secretary, grants)
        except ValidationError:
            assert pool.figures() == before
        _check(pool, grants)
