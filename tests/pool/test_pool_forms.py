"""Creating and editing pools, and changing a grant, through the real forms over HTTP."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from advisory import pool_rules, pool_services
from advisory.models import (
    EntryKind,
    GrantStatus,
    Intake,
    LedgerEntry,
    Pool,
    PoolEvent,
    PoolRound,
)
from portal.models import LocalCommitteeArea
from tests.helpers import query_counts
from tests.pool.conftest import KR, award, fund, make_application, make_pool

pytestmark = pytest.mark.django_db


def _terms(**change):
    data = {
        "year": "2027",
        "area": "",
        "rules_text": "Puljen støtter sociale virksomheder i hele byen.",
        "maximum_grant": "500.000",
        "fast_track_limit": "50.000,50",
        "fast_track_working_days": "10",
        "intake": "rolling",
        "is_open": "on",
    }
    data.update(change)
    return data


def _area():
    return LocalCommitteeArea.objects.order_by("pk").first()


def test_the_council_secretary_creates_the_city_pool_in_kroner(client, pool_secretary):
    client.force_login(pool_secretary)
    assert client.get(reverse("pool:pool_create")).status_code == 200
    response = client.post(reverse("pool:pool_create"), _terms())
    pool = Pool.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("pool:pool", args=[pool.pk])
    assert (pool.year, pool.area, pool.is_open) == (2027, None, True)
    # Kroner with a Danish decimal comma, kept in whole øre.
    assert (pool.maximum_grant, pool.fast_track_limit) == (500_000 * KR, 5_000_050)
    event = PoolEvent.objects.get(pool=pool)
    assert (event.kind, event.actor) == (PoolEvent.Kind.CREATED, pool_secretary)
    assert event.changes["maximum_grant"] == [None, 500_000 * KR]


def test_the_form_shows_the_amounts_the_danish_way(client, pool_secretary, city_pool):
    client.force_login(pool_secretary)
    response = client.get(reverse("pool:pool_edit", args=[city_pool.pk]))
    assert response.status_code == 200
    assert 'value="500.000,00"' in response.text
    assert 'name="year"' not in response.text  # the year and area are fixed once created


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"fast_track_limit": "600.000"}, "fast_track_limit", "kan ikke være over"),
        ({"maximum_grant": "-5"}, "maximum_grant", "over nul"),
        ({"maximum_grant": "0"}, "maximum_grant", "over nul"),
        ({"fast_track_limit": "-1"}, "fast_track_limit", "over nul"),
        ({"maximum_grant": "mange penge"}, "maximum_grant", "30.000,50"),
        ({"maximum_grant": "9" * 40}, "maximum_grant", ""),
        ({"fast_track_working_days": "0"}, "fast_track_working_days", ""),
        ({"fast_track_working_days": "x"}, "fast_track_working_days", ""),
        ({"year": "1999"}, "year", ""),
        ({"year": "20\x0027"}, "year", ""),
        ({"intake": "sometimes"}, "intake", ""),
        ({"area": "999999"}, "area", ""),
        ({"rules_text": "Regler\x00"}, "rules_text", ""),
        ({"rules_text": "x" * 20_001}, "rules_text", ""),
    ],
)
def test_bad_terms_get_a_message_at_the_field_and_keep_the_rest(
    client, pool_secretary, change, field, message
):
    client.force_login(pool_secretary)
    response = client.post(reverse("pool:pool_create"), _terms(**change))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    if field != "rules_text":
        assert "Puljen støtter sociale virksomheder i hele byen." in response.text
    assert not Pool.objects.exists()


def test_a_zero_fast_track_limit_means_no_fast_track(client, pool_secretary):
    client.force_login(pool_secretary)
    client.post(reverse("pool:pool_create"), _terms(fast_track_limit="0"))
    assert Pool.objects.get().fast_track_limit == 0


def test_a_second_city_pool_for_a_year_is_refused(client, pool_secretary):
    make_pool(year=2027)
    client.force_login(pool_secretary)
    response = client.post(reverse("pool:pool_create"), _terms())
    assert response.status_code == 400
    assert response.context["form"].errors["year"] == ["Byens pulje for 2027 findes allerede."]
    assert Pool.objects.count() == 1


def test_an_administrator_creates_local_pools_once_per_area_and_year(client, administrator):
    client.force_login(administrator)
    area = _area()
    response = client.post(reverse("pool:pool_create"), _terms(area=area.pk))
    assert response.status_code == 302
    assert Pool.objects.get().area == area
    again = client.post(reverse("pool:pool_create"), _terms(area=area.pk))
    assert again.status_code == 400
    assert area.name in again.context["form"].errors["area"][0]
    # The same area another year is a pool of its own.
    assert (
        client.post(reverse("pool:pool_create"), _terms(area=area.pk, year="2028")).status_code
        == 302
    )
    assert Pool.objects.count() == 2


def test_an_administrator_cannot_create_the_city_pool(client, administrator):
    client.force_login(administrator)
    response = client.post(reverse("pool:pool_create"), _terms(area=""))
    assert response.status_code == 400
    assert "area" in response.context["form"].errors
    with pytest.raises(PermissionDenied):
        pool_services.pool_create(actor=administrator, year=2027, area=None, terms=_service_terms())
    assert not Pool.objects.exists()


def _service_terms(**change):
    terms = {
        "rules_text": "Regler",
        "maximum_grant": 100_000 * KR,
        "fast_track_limit": 10_000 * KR,
        "fast_track_working_days": 10,
        "intake": "rolling",
        "is_open": True,
    }
    terms.update(change)
    return terms


def test_the_service_checks_the_terms_itself(pool_secretary):
    with pytest.raises(ValidationError) as error:
        pool_services.pool_create(
            actor=pool_secretary,
            year=2027,
            area=None,
            terms=_service_terms(fast_track_limit=200_000 * KR, fast_track_working_days=0),
        )
    assert set(error.value.error_dict) == {"fast_track_limit", "fast_track_working_days"}
    with pytest.raises(ValidationError):
        pool_services.pool_create(
            actor=pool_secretary, year=2027, area=None, terms=_service_terms(maximum_grant=-1)
        )
    assert not Pool.objects.exists()


def test_the_secretary_edits_the_terms_and_the_history_keeps_what_was_before(
    client, pool_secretary, city_pool
):
    client.force_login(pool_secretary)
    data = _terms(maximum_grant="400.000", fast_track_limit="50.000", intake="rounds")
    del data["is_open"]  # unticked: closed
    response = client.post(reverse("pool:pool_edit", args=[city_pool.pk]), data)
    assert response.status_code == 302
    city_pool.refresh_from_db()
    assert (city_pool.maximum_grant, city_pool.intake, city_pool.is_open) == (
        400_000 * KR,
        "rounds",
        False,
    )
    assert city_pool.year == 2026  # the posted year is not a field of the edit form
    event = PoolEvent.objects.get(pool=city_pool, kind=PoolEvent.Kind.CHANGED)
    assert event.changes == {
        "rules_text": ["Puljen støtter sociale virksomheder.", data["rules_text"]],
        "maximum_grant": [500_000 * KR, 400_000 * KR],
        "intake": ["rolling", "rounds"],
        "is_open": [True, False],
    }
    # Saving the same terms again changes nothing and writes no history.
    client.post(reverse("pool:pool_edit", args=[city_pool.pk]), data)
    assert PoolEvent.objects.filter(pool=city_pool).count() == 1


def test_who_may_create_and_edit_which_pool(
    pool_secretary, local_secretary, administrator, civil_servant_bif, council_member
):
    city, local = make_pool(), make_pool(area=_area())
    assert pool_rules.can_edit_pool(pool_secretary, city)
    assert pool_rules.can_edit_pool(pool_secretary, local)
    assert not pool_rules.can_edit_pool(administrator, city)
    assert pool_rules.can_edit_pool(administrator, local)
    for user in (local_secretary, civil_servant_bif, council_member):
        assert not pool_rules.can_create_pools(user)
        assert not pool_rules.can_edit_pool(user, city)
        assert not pool_rules.can_edit_pool(user, local)


# Changing a grant.


@pytest.fixture
def grant(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    return award(make_application(city_pool, 40_000 * KR), pool_secretary, 30_000 * KR)


def _change(client, pool, grant, amount, reason="Større projekt"):
    return client.post(
        reverse("pool:grant_change", args=[pool.pk]),
        {"change-grant": grant.pk, "change-new_amount": amount, "change-reason": reason},
    )


def test_the_secretary_raises_a_grant_with_an_entry_for_the_difference(
    client, pool_secretary, city_pool, grant
):
    client.force_login(pool_secretary)
    assert "Ændr en bevilling" in client.get(reverse("pool:manage", args=[city_pool.pk])).text
    before = list(LedgerEntry.objects.values_list("pk", "kind", "amount"))
    response = _change(client, city_pool, grant, "45.000,50")
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.amount == 4_500_050
    entry = LedgerEntry.objects.latest("pk")
    assert (entry.kind, entry.amount, entry.actor) == (
        EntryKind.GRANT_INCREASE,
        1_500_050,
        pool_secretary,
    )
    # The earlier entries are as they were: changes are new entries, never edits.
    assert list(LedgerEntry.objects.exclude(pk=entry.pk).values_list("pk", "kind", "amount")) == (
        before
    )
    assert city_pool.figures()["remaining"] == 100_000 * KR - 4_500_050


def test_a_raise_beyond_what_the_pool_has_left_is_refused(client, pool_secretary, city_pool, grant):
    client.force_login(pool_secretary)
    response = _change(client, city_pool, grant, "130.001")
    assert response.status_code == 400
    assert "har kun" in response.context["grant_change_form"].errors["new_amount"][0]
    assert "Større projekt" in response.text
    grant.refresh_from_db()
    assert grant.amount == 30_000 * KR
    assert city_pool.figures()["granted"] == 30_000 * KR


def test_a_cut_below_what_has_been_paid_is_refused(client, pool_secretary, city_pool, grant):
    pool_services.payout_record(
        grant=grant, actor=pool_secretary, amount=20_000 * KR, reason="Første rate"
    )
    client.force_login(pool_secretary)
    response = _change(client, city_pool, grant, "19.999,99")
    assert response.status_code == 400
    assert "new_amount" in response.context["grant_change_form"].errors
    assert _change(client, city_pool, grant, "20.000").status_code == 302
    grant.refresh_from_db()
    assert grant.amount == 20_000 * KR
    figures = grant.figures()
    assert (figures["granted"], figures["paid"], figures["outstanding"]) == (
        20_000 * KR,
        20_000 * KR,
        0,
    )


@pytest.mark.parametrize(
    ("amount", "reason", "field"),
    [
        ("30.000", "Samme", "new_amount"),
        ("0", "Nul", "new_amount"),
        ("-5.000", "Negativ", "new_amount"),
        ("tredive", "Tekst", "new_amount"),
        ("600.000", "Over loftet", "new_amount"),
        ("35.000", "", "reason"),
        ("35.000", "Grund\x00", "reason"),
    ],
)
def test_bad_changes_get_a_message_at_the_field(
    client, pool_secretary, city_pool, grant, amount, reason, field
):
    client.force_login(pool_secretary)
    response = _change(client, city_pool, grant, amount, reason)
    assert response.status_code == 400
    assert field in response.context["grant_change_form"].errors
    assert LedgerEntry.objects.filter(kind__startswith="grant_").count() == 0


def test_a_closed_grant_or_one_of_another_pool_cannot_be_changed(
    client, pool_secretary, city_pool, grant
):
    other_pool = make_pool(year=2025)
    fund(other_pool, pool_secretary, 100_000 * KR)
    other = award(make_application(other_pool, 10_000 * KR), pool_secretary)
    client.force_login(pool_secretary)
    assert _change(client, city_pool, other, "5.000").status_code == 400
    pool_services.grant_return_rest(grant=grant, actor=pool_secretary, reason="Afsluttet")
    assert Pool.objects.get(pk=city_pool.pk).grants.get().status == GrantStatus.CLOSED
    assert _change(client, city_pool, grant, "20.000").status_code == 400
    with pytest.raises(ValidationError):
        pool_services.grant_change(
            grant=grant, actor=pool_secretary, new_amount=20_000 * KR, reason="Efter lukning"
        )
    assert LedgerEntry.objects.filter(kind__startswith="grant_").count() == 0


def test_a_reversed_change_restores_the_grant(client, pool_secretary, city_pool, grant):
    changed = pool_services.grant_change(
        grant=grant, actor=pool_secretary, new_amount=35_000 * KR, reason="Mere"
    )
    assert changed.amount == 35_000 * KR
    increase = LedgerEntry.objects.get(kind=EntryKind.GRANT_INCREASE)
    pool_services.entry_reverse(entry=increase, actor=pool_secretary, reason="Fejl")
    grant.refresh_from_db()
    assert grant.amount == 30_000 * KR
    assert city_pool.figures()["granted"] == 30_000 * KR


# Query counts: equal at two sizes.


def test_the_pool_list_makes_the_same_queries_for_more_pools(client, pool_secretary):
    client.force_login(pool_secretary)
    areas = list(LocalCommitteeArea.objects.order_by("pk"))
    made = []

    def grow(count):
        for _ in range(count):
            index = len(made)
            pool = make_pool(
                year=2000 + index // 13, area=([None, *areas])[index % 13], intake=Intake.ROUNDS
            )
            PoolRound.objects.create(pool=pool, deadline=timezone.localdate() + timedelta(days=3))
            made.append(pool)

    counts = query_counts(client, reverse("pool:pools"), grow, sizes=(2, 20))
    assert counts[0] == counts[1]


def test_the_management_page_makes_the_same_queries_for_more_rounds_and_grants(
    client, pool_secretary
):
    pool = make_pool(intake=Intake.ROUNDS)
    fund(pool, pool_secretary, 10_000_000 * KR)
    client.force_login(pool_secretary)
    made = []

    def grow(count):
        for _ in range(count):
            made.append(len(made))
            pool_services.round_add(
                pool=pool,
                actor=pool_secretary,
                deadline=timezone.localdate() + timedelta(days=len(made)),
            )
            award(make_application(pool, 10_000 * KR), pool_secretary)

    counts = query_counts(client, reverse("pool:manage", args=[pool.pk]), grow, sizes=(1, 8))
    assert counts[0] == counts[1]


# The same pool created at the same moment: the database's unique constraint decides.


def _at_once(targets):
    results = [None] * len(targets)
    barrier = threading.Barrier(len(targets))

    def run(index, target):
        try:
            barrier.wait()
            results[index] = target()
        except ValidationError as error:
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, target)) for index, target in enumerate(targets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_eight_secretaries_creating_the_same_pool_at_once_make_one(
    reference_data_after_flush, reference_data
):
    from portal.models import Role
    from tests.factories import UserFactory, with_role, with_totp

    secretary = with_totp(with_role(UserFactory(), Role.COUNCIL_SECRETARY))
    create = lambda: pool_services.pool_create(  # noqa: E731
        actor=secretary, year=2031, area=None, terms=_service_terms()
    )
    results = _at_once([create] * 8)
    created = [result for result in results if isinstance(result, Pool)]
    refused = [result for result in results if isinstance(result, ValidationError)]
    assert (len(created), len(refused)) == (1, 7)
    for error in refused:
        assert error.message_dict["year"] == ["Byens pulje for 2031 findes allerede."]
    assert Pool.objects.filter(year=2031).count() == 1
    assert PoolEvent.objects.filter(kind=PoolEvent.Kind.CREATED).count() == 1
