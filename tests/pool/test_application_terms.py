"""The council's proposal page shows what a pool application asks for (the pool, the amount,
the period, the budget and the expected impact) to those who may open its attachments, and
to nobody else."""

from decimal import Decimal

import pytest
from django.urls import reverse

from advisory import services
from advisory.models import ExpectedImpact, Proposal, ProposalKind, ProposalStatus
from tests.pool.conftest import KR, make_application

pytestmark = pytest.mark.django_db

COUNCIL_AMOUNT = 200_000 * KR  # above the pool's fast-track limit (50,000 kr.)


@pytest.fixture
def in_review(city_pool):
    application = make_application(city_pool, COUNCIL_AMOUNT, status=ProposalStatus.IN_REVIEW)
    ExpectedImpact.objects.create(
        application=application, label="Unge i job", figure=Decimal("40"), unit="personer"
    )
    return application


def _page(client, user, proposal):
    client.force_login(user)
    response = client.get(reverse("advisory:proposal", args=[proposal.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_council_member_sees_what_the_application_asks_for(client, council_member, in_review):
    page = _page(client, council_member, in_review.proposal)
    assert "Ansøgningen" in page
    assert "200.000,00 kr." in page
    assert "over grænsen for det hurtige spor" in page
    assert "<td>Løn</td>" in page
    assert "Unge i job: 40 personer" in page
    assert "1. marts 2026 – 31. december 2026" in page


def test_the_pools_secretary_sees_it_too(client, pool_secretary, in_review):
    assert "200.000,00 kr." in _page(client, pool_secretary, in_review.proposal)


def test_a_member_with_a_conflict_of_interest_does_not(client, council_member, in_review):
    services.conflict_declare(
        proposal=in_review.proposal, actor=council_member, reason="Min egen virksomhed"
    )
    page = _page(client, council_member, in_review.proposal)
    assert "200.000,00 kr." not in page
    assert "Ansøgningen" not in page


def test_a_recommendation_has_no_application(client, council_member):
    proposal = Proposal.objects.create(
        kind=ProposalKind.RECOMMENDATION,
        title="Flere sociale klausuler",
        what="x",
        why="y",
        expected_effect="z",
        status=ProposalStatus.IN_REVIEW,
    )
    assert 'id="application-heading"' not in _page(client, council_member, proposal)
