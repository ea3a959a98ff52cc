"""Applications: the council's proposal with what it asks of the pool; the fast track
decided by the secretary alone within the promised working days."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from advisory import pool_services
from advisory.models import Outcome, ProposalKind, ProposalStatus
from advisory.pool_services import Asks
from portal.models import Administration, OutgoingEmail
from portal.workdays import add_working_days
from tests.pool.conftest import KR, fund

pytestmark = pytest.mark.django_db


def _apply(pool, actor, amount, lines=None):
    return pool_services.application_create(
        actor=actor,
        pool=pool,
        proposal_data={
            "title": "Værksted for unge",
            "what": "Et værksted",
            "why": "Flere unge i job",
            "expected_effect": "40 unge i job",
        },
        administrations=[Administration.objects.get(code="BIF")],
        asks=Asks(
            amount=amount,
            period_start=date(2026, 3, 1),
            period_end=date(2026, 12, 31),
            budget_lines=lines if lines is not None else [("Løn", amount)],
        ),
    )


def _terms(amount):
    return {
        "amount": amount,
        "conditions": "Slutrapport",
        "instalments": [(date(2026, 4, 1), amount)],
        "report_due": date(2027, 2, 1),
    }


def test_budget_lines_must_add_up_to_the_amount(city_pool, entrepreneur):
    with pytest.raises(ValidationError) as refused:
        _apply(city_pool, entrepreneur, 30_000 * KR, [("Løn", 20_000 * KR), ("Leje", 5_000 * KR)])
    assert refused.value.message_dict["budget"] == [
        "Budgetposterne giver tilsammen 25.000,00 kr., og ansøgningen lyder på "
        "30.000,00 kr.: de skal være ens."
    ]


def test_an_amount_over_the_pools_maximum_is_refused(city_pool, entrepreneur):
    with pytest.raises(ValidationError) as refused:
        _apply(city_pool, entrepreneur, 600_000 * KR)
    assert refused.value.message_dict["amount"] == ["500.000,00 kr. er puljens største bevilling."]


def test_a_fast_track_application_is_granted_by_the_secretary_within_the_promise(
    city_pool, entrepreneur, pool_secretary
):
    fund(city_pool, pool_secretary, 100_000 * KR)
    application = _apply(city_pool, entrepreneur, 30_000 * KR)
    assert application.proposal.kind == ProposalKind.POOL_APPLICATION
    application = pool_services.application_submit(application=application, actor=entrepreneur)
    assert application.decision_due == add_working_days(date.today(), 10)

    grant = pool_services.application_decide_fast_track(
        application=application,
        actor=pool_secretary,
        granted=True,
        reason="Opfylder puljens formål",
        grant_terms=_terms(30_000 * KR),
    )
    again = pool_services.application_decide_fast_track(
        application=application,
        actor=pool_secretary,
        granted=True,
        reason="Opfylder puljens formål",
        grant_terms=_terms(30_000 * KR),
    )

    assert again.pk == grant.pk
    proposal = application.proposal
    proposal.refresh_from_db()
    assert (proposal.status, proposal.outcome) == (ProposalStatus.DECIDED, Outcome.RECOMMENDED)
    assert city_pool.figures()["remaining"] == 70_000 * KR
    assert (
        OutgoingEmail.objects.filter(to__contains=[entrepreneur.email]).count() == 2
    )  # received, decided


def test_a_refused_fast_track_application_gets_no_grant(city_pool, entrepreneur, pool_secretary):
    application = _apply(city_pool, entrepreneur, 30_000 * KR)
    pool_services.application_submit(application=application, actor=entrepreneur)
    assert (
        pool_services.application_decide_fast_track(
            application=application, actor=pool_secretary, granted=False, reason="Uden for formål"
        )
        is None
    )
    application.proposal.refresh_from_db()
    assert application.proposal.outcome == Outcome.NOT_RECOMMENDED
    assert city_pool.figures()["granted"] == 0


def test_a_large_application_cannot_be_decided_alone(city_pool, entrepreneur, pool_secretary):
    fund(city_pool, pool_secretary, 1_000_000 * KR)
    application = _apply(city_pool, entrepreneur, 200_000 * KR)
    pool_services.application_submit(application=application, actor=entrepreneur)
    assert application.decision_due is None
    with pytest.raises(PermissionDenied):
        pool_services.application_decide_fast_track(
            application=application,
            actor=pool_secretary,
            granted=True,
            reason="",
            grant_terms=_terms(200_000 * KR),
        )
    assert city_pool.figures()["granted"] == 0


def test_the_applicant_cannot_decide_their_own_application(city_pool, entrepreneur):
    application = _apply(city_pool, entrepreneur, 30_000 * KR)
    pool_services.application_submit(application=application, actor=entrepreneur)
    with pytest.raises(PermissionDenied):
        pool_services.application_decide_fast_track(
            application=application, actor=entrepreneur, granted=False, reason=""
        )
