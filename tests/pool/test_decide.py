"""The secretary's fast-track decision over HTTP."""

import pytest
from django.urls import reverse

from advisory.models import Grant, ProposalStatus
from tests.pool.conftest import KR, fund, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def funded(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 100_000 * KR)
    return city_pool


def _url(pool, application):
    return reverse("pool:application_decide", args=[pool.pk, application.pk])


GRANT = {
    "decision": "grant",
    "reason": "Opfylder formålet",
    "amount": "30.000",
    "conditions": "",
    "instalments": "1-4-2026; 20.000\n1-9-2026; 10.000",
    "report_due": "1-2-2027",
}


def test_the_secretary_grants_a_fast_track_application(client, funded, pool_secretary):
    application = make_application(funded, 30_000 * KR)
    client.force_login(pool_secretary)
    assert application.proposal.title in client.get(reverse("pool:manage", args=[funded.pk])).text
    assert client.get(_url(funded, application)).status_code == 200
    response = client.post(_url(funded, application), GRANT)
    assert response.status_code == 302
    grant = Grant.objects.get()
    assert [i.amount for i in grant.instalments.all()] == [20_000 * KR, 10_000 * KR]
    application.proposal.refresh_from_db()
    assert application.proposal.status == ProposalStatus.DECIDED
    assert client.post(_url(funded, application), GRANT).status_code == 302  # double submit
    assert Grant.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"amount": ""}, "amount", "Udfyld dette for at bevilge ansøgningen."),
        ({"instalments": "i morgen"}, "instalments", None),
        ({"instalments": "1-4-2026; 10.000"}, "instalments", None),
        ({"amount": "40.000", "instalments": "1-4-2026; 40.000"}, "amount", None),
        ({"reason": "x\x00"}, "reason", "Null-tegn er ikke tilladte."),
    ],
)
def test_bad_decisions_keep_what_was_typed(client, funded, pool_secretary, change, field, message):
    application = make_application(funded, 30_000 * KR)
    client.force_login(pool_secretary)
    response = client.post(_url(funded, application), {**GRANT, **change})
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    if message:
        assert errors == [message]
    assert Grant.objects.count() == 0


def test_who_may_decide(client, funded, pool_secretary, entrepreneur, local_secretary):
    small = make_application(funded, 30_000 * KR)
    large = make_application(funded, 200_000 * KR)
    client.force_login(entrepreneur)
    assert client.get(_url(funded, small)).status_code == 403
    client.force_login(local_secretary)
    assert client.post(_url(funded, small), GRANT).status_code == 403
    client.force_login(pool_secretary)
    assert client.post(_url(funded, large), {**GRANT, "amount": "200.000"}).status_code == 400
    forged = reverse("pool:application_decide", args=[funded.pk, 999999])
    assert client.get(forged).status_code == 404
    assert Grant.objects.count() == 0


def test_the_secretary_records_the_grant_the_council_recommended(client, funded, pool_secretary):
    fund(funded, pool_secretary, 200_000 * KR)
    application = make_application(funded, 200_000 * KR, status="decided")
    proposal = application.proposal
    proposal.outcome = "recommended"
    proposal.save()
    client.force_login(pool_secretary)
    assert proposal.title in client.get(reverse("pool:manage", args=[funded.pk])).text
    terms = {**GRANT, "amount": "200.000", "instalments": "1-4-2026; 200.000"}
    response = client.post(_url(funded, application), {**terms, "instalments": "1-4-2026; 1"})
    assert response.status_code == 400
    assert "instalments" in response.context["form"].errors
    assert client.post(_url(funded, application), terms).status_code == 302
    assert client.post(_url(funded, application), terms).status_code == 302
    assert Grant.objects.get().amount == 200_000 * KR
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED


def test_a_large_application_not_yet_recommended_cannot_be_granted(client, funded, pool_secretary):
    application = make_application(funded, 200_000 * KR, status="in_review")
    client.force_login(pool_secretary)
    terms = {**GRANT, "amount": "200.000", "instalments": "1-4-2026; 200.000"}
    response = client.post(_url(funded, application), terms)
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Kun en ansøgning i det hurtige spor eller en, som rådet har anbefalet, kan få en "
        "bevilling."
    ]
