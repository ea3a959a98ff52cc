"""The ledger: immutable entries, figures derived in one query, every movement checked
against what the pool and the grant have."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.utils import ProgrammingError

from advisory import pool_services
from advisory.models import EntryKind, GrantStatus, LedgerEntry
from portal.models import Administration, LocalCommitteeArea
from tests.pool.conftest import KR, award, fund, make_application, make_pool

pytestmark = pytest.mark.django_db


def test_figures_follow_every_kind_of_entry(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    fund(city_pool, pool_secretary, 20_000 * KR, payer=LocalCommitteeArea.objects.first())
    grant = award(make_application(city_pool, 30_000 * KR), pool_secretary)
    pool_services.grant_change(
        grant=grant, actor=pool_secretary, new_amount=40_000 * KR, reason="Mere"
    )
    pool_services.payout_record(grant=grant, actor=pool_secretary, amount=25_000 * KR, reason="1")
    pool_services.grant_return_rest(grant=grant, actor=pool_secretary, reason="Afsluttet")

    figures = city_pool.figures()

    assert figures == {
        "contributed": 120_000 * KR,
        "granted": 40_000 * KR,
        "paid": 25_000 * KR,
        "returned": 15_000 * KR,
        "remaining": 95_000 * KR,
        "outstanding": 0,
    }
    grant.refresh_from_db()
    assert grant.status == GrantStatus.CLOSED
    assert grant.amount == 40_000 * KR


def test_figures_are_one_query(city_pool, pool_secretary, django_assert_num_queries):
    fund(city_pool, pool_secretary, 100_000 * KR)
    with django_assert_num_queries(1):
        city_pool.figures()


def test_a_grant_beyond_what_is_left_is_refused_with_the_figures(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 40_000 * KR)
    application = make_application(city_pool, 45_000 * KR)

    with pytest.raises(ValidationError) as refused:
        award(application, pool_secretary)

    assert refused.value.message_dict["amount"] == [
        "Puljen har kun 40.000,00 kr. tilbage; 45.000,00 kr. kan ikke bevilges."
    ]
    assert city_pool.figures()["granted"] == 0
    assert not hasattr(application, "grant") or application.grant is None


def test_a_grant_over_the_pools_maximum_is_refused(pool_secretary):
    pool = make_pool(maximum_grant=100_000 * KR, fast_track_limit=50_000 * KR)
    fund(pool, pool_secretary, 1_000_000 * KR)
    application = make_application(pool, 150_000 * KR, status="decided")
    with pytest.raises(ValidationError) as refused:
        award(application, pool_secretary)
    assert "100.000,00 kr." in refused.value.message_dict["amount"][0]


def test_a_large_application_needs_the_councils_recommendation(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 1_000_000 * KR)
    application = make_application(city_pool, 200_000 * KR)
    with pytest.raises(ValidationError):
        award(application, pool_secretary)
    proposal = application.proposal
    proposal.status, proposal.outcome = "decided", "recommended"
    proposal.save()
    assert award(application, pool_secretary).amount == 200_000 * KR


def test_instalments_must_add_up_to_the_grant(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    application = make_application(city_pool, 30_000 * KR)
    with pytest.raises(ValidationError) as refused:
        pool_services.grant_award(
            application=application,
            actor=pool_secretary,
            amount=30_000 * KR,
            conditions="",
            instalments=[(None, 10_000 * KR), (None, 10_000 * KR)],
            report_due=None,
        )
    assert "20.000,00 kr." in refused.value.message_dict["instalments"][0]


def test_a_double_submitted_decision_makes_one_grant(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    application = make_application(city_pool, 30_000 * KR)
    first = award(application, pool_secretary)
    second = award(application, pool_secretary)
    assert first.pk == second.pk
    assert city_pool.figures()["granted"] == 30_000 * KR
    assert LedgerEntry.objects.filter(kind=EntryKind.GRANT).count() == 1


def test_a_payout_larger_than_the_grant_is_refused(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    grant = award(make_application(city_pool, 30_000 * KR), pool_secretary)
    pool_services.payout_record(grant=grant, actor=pool_secretary, amount=20_000 * KR, reason="1")
    with pytest.raises(ValidationError) as refused:
        pool_services.payout_record(
            grant=grant, actor=pool_secretary, amount=10_000 * KR + 1, reason="2"
        )
    assert refused.value.message_dict["amount"] == [
        "Der er kun 10.000,00 kr. af bevillingen tilbage at udbetale; 10.000,01 kr. er for meget."
    ]
    assert city_pool.figures()["paid"] == 20_000 * KR


@pytest.mark.parametrize("amount", [0, -5, True, 1.5])
def test_amounts_must_be_positive_integers(city_pool, pool_secretary, amount):
    with pytest.raises(ValidationError) as refused:
        fund(city_pool, pool_secretary, amount)
    assert refused.value.message_dict["amount"] == ["Angiv et beløb over nul."]


def test_lowering_a_grant_below_what_is_paid_is_refused(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    grant = award(make_application(city_pool, 30_000 * KR), pool_secretary)
    pool_services.payout_record(grant=grant, actor=pool_secretary, amount=25_000 * KR, reason="1")
    with pytest.raises(ValidationError):
        pool_services.grant_change(
            grant=grant, actor=pool_secretary, new_amount=20_000 * KR, reason="Mindre"
        )
    grant = pool_services.grant_change(
        grant=grant, actor=pool_secretary, new_amount=26_000 * KR, reason="Mindre"
    )
    assert city_pool.figures()["granted"] == 26_000 * KR


def test_reversals_cancel_an_entry_once(city_pool, pool_secretary):
    entry = fund(city_pool, pool_secretary, 100_000 * KR)
    pool_services.entry_reverse(entry=entry, actor=pool_secretary, reason="Forkert forvaltning")
    assert city_pool.figures()["contributed"] == 0
    with pytest.raises(ValidationError):
        pool_services.entry_reverse(entry=entry, actor=pool_secretary, reason="Igen")


def test_a_contribution_already_granted_cannot_be_reversed(city_pool, pool_secretary):
    entry = fund(city_pool, pool_secretary, 40_000 * KR)
    award(make_application(city_pool, 30_000 * KR), pool_secretary)
    with pytest.raises(ValidationError):
        pool_services.entry_reverse(entry=entry, actor=pool_secretary, reason="Fejl")
    assert city_pool.figures()["contributed"] == 40_000 * KR


def test_reversing_a_payout_lets_it_be_paid_again(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    grant = award(make_application(city_pool, 30_000 * KR), pool_secretary)
    payout = pool_services.payout_record(
        grant=grant, actor=pool_secretary, amount=30_000 * KR, reason="1"
    )
    pool_services.entry_reverse(entry=payout, actor=pool_secretary, reason="Forkert konto")
    assert grant.figures()["outstanding"] == 30_000 * KR


def test_entries_cannot_be_changed_or_deleted(city_pool, pool_secretary):
    entry = fund(city_pool, pool_secretary, 100_000 * KR)
    entry.amount = 1
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=1)
    with pytest.raises(ValidationError):
        LedgerEntry.objects.filter(pk=entry.pk).delete()


def test_the_database_refuses_an_update_whatever_code_runs(city_pool, pool_secretary):
    entry = fund(city_pool, pool_secretary, 100_000 * KR)
    refused = pytest.raises(ProgrammingError, match="immutable")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE advisory_ledgerentry SET amount = 1 WHERE id = %s", [entry.pk])
    assert city_pool.figures()["contributed"] == 100_000 * KR


def test_only_the_pools_secretary_moves_its_money(
    city_pool, pool_secretary, local_secretary, civil_servant_bif
):
    area = local_secretary.local_pool_secretaryships.get().area
    local_pool = make_pool(area=area)
    payer = Administration.objects.first()
    for actor in (local_secretary, civil_servant_bif):
        with pytest.raises(PermissionDenied):
            fund(city_pool, actor, 1_000 * KR, payer=payer)
    with pytest.raises(PermissionDenied):
        fund(local_pool, pool_secretary, 1_000 * KR, payer=payer)
    fund(local_pool, local_secretary, 1_000 * KR, payer=area)
    assert local_pool.figures()["contributed"] == 1_000 * KR
