"""Pools, applications and grants for the pool's tests, brought about through the real
services where there is one (the ledger's movements)."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from advisory import pool_services
from advisory.models import (
    Application,
    BudgetLine,
    LocalPoolSecretary,
    Pool,
    Proposal,
    ProposalKind,
    ProposalStatus,
)
from portal.models import Administration, LocalCommitteeArea, Role
from tests.factories import UserFactory, civil_servant, with_role, with_totp

KR = 100  # øre per krone


@pytest.fixture
def pool_secretary(db):
    return with_totp(with_role(UserFactory(email="lone.pool@example.org"), Role.COUNCIL_SECRETARY))


@pytest.fixture
def local_secretary(db):
    """Local committees' secretariats are civil servants (staff, with two-factor)."""
    user = with_totp(civil_servant("ØKF", email="amager.pool@example.org"))
    area = LocalCommitteeArea.objects.order_by("pk").first()
    LocalPoolSecretary.objects.create(user=user, area=area)
    return user


def make_pool(year=2026, area=None, **extra) -> Pool:
    values = {
        "rules_text": "Puljen støtter sociale virksomheder.",
        "maximum_grant": 500_000 * KR,
        "fast_track_limit": 50_000 * KR,
        "fast_track_working_days": 10,
    }
    values.update(extra)
    return Pool.objects.create(year=year, area=area, **values)


@pytest.fixture
def city_pool(db):
    return make_pool()


def fund(pool, actor, amount, payer=None):
    return pool_services.contribution_record(
        pool=pool,
        actor=actor,
        amount=amount,
        reason="Årets bidrag",
        payer=payer or Administration.objects.order_by("pk").first(),
    )


def make_application(pool, amount, *, submitter=None, status=ProposalStatus.SUBMITTED, title=None):
    proposal = Proposal.objects.create(
        kind=ProposalKind.POOL_APPLICATION,
        title=title or f"Ansøgning om {amount // KR} kr.",
        what="Et værksted for unge",
        why="Flere unge i job",
        expected_effect="40 unge i job",
        submitter=submitter,
        status=status,
    )
    application = Application.objects.create(
        proposal=proposal,
        pool=pool,
        amount=amount,
        period_start=date(2026, 3, 1),
        period_end=date(2026, 12, 31),
    )
    BudgetLine.objects.create(application=application, text="Løn", amount=amount)
    return application


def award(application, actor, amount=None):
    amount = amount or application.amount
    return pool_services.grant_award(
        application=application,
        actor=actor,
        amount=amount,
        conditions="",
        instalments=[(date(2026, 4, 1), amount)],
        report_due=date(2027, 2, 1),
    )


def _load_reference_data():
    for migration in ("portal.migrations.0002_reference_data", "enquiries.migrations.0002_topics"):
        importlib.import_module(migration).load(apps, None)


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests truncate tables afterwards; put the City's reference data back."""
    _load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_present(request):
    """A transactional test elsewhere may have truncated the reference data (the lead's
    branch puts it back after every flush; this makes the pool's tests independent)."""
    if "db" in request.fixturenames and not Administration.objects.exists():
        _load_reference_data()


@pytest.fixture
def reference(db):
    """The City's reference data, whatever an earlier transactional test left."""
    if not Administration.objects.exists():
        _load_reference_data()


@pytest.fixture
def reference_data_after_flush(django_db_blocker):
    """Put the reference data back after a transactional test's flush, for the tests that
    run after it. Request it before `transactional_db` (and without the django_db mark,
    whose fixture would be set up first and so flush last)."""
    yield
    with django_db_blocker.unblock():
        _load_reference_data()
