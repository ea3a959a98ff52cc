"""An entrepreneur applies: the form's checks, the promise on the fast track."""

import pytest
from django.urls import reverse

from advisory.hooks import staff_links
from advisory.models import Application, ProposalStatus
from portal.models import Administration
from tests.pool.conftest import KR

pytestmark = pytest.mark.django_db


def _data(the_pool, **change):
    data = {
        "pool": the_pool.pk,
        "title": "Cykelværksted",
        "what": "Et værksted",
        "why": "Job til unge",
        "expected_effect": "10 unge i job",
        "administrations": [Administration.objects.get(code="BIF").pk],
        "amount": "30.000",
        "budget": "Løn; 20.000\nVærktøj; 10.000",
        "period_start": "1-3-2026",
        "period_end": "31-12-2026",
    }
    data.update(change)
    return data


def test_an_entrepreneur_applies_on_the_fast_track(client, city_pool, entrepreneur):
    client.force_login(entrepreneur)
    assert client.get(reverse("pool:apply")).status_code == 200
    response = client.post(reverse("pool:apply"), _data(city_pool), follow=True)
    application = Application.objects.get()
    assert application.proposal.status == ProposalStatus.SUBMITTED
    assert application.amount == 30_000 * KR
    assert "det hurtige spor" in response.text
    assert [line.amount for line in application.budget_lines.all()] == [20_000 * KR, 10_000 * KR]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"budget": "Løn; 20.000"}, "budget"),
        ({"budget": "bare tekst"}, "budget"),
        ({"amount": "-5"}, "amount"),
        ({"amount": "600.000", "budget": "Løn; 600.000"}, "amount"),
        ({"period_end": "1-1-2026"}, "period_end"),
        ({"pool": "999999"}, "pool"),
        ({"title": "x\x00"}, "title"),
    ],
)
def test_bad_applications_keep_what_was_typed(client, city_pool, entrepreneur, change, field):
    client.force_login(entrepreneur)
    response = client.post(reverse("pool:apply"), _data(city_pool, **change))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "Et værksted" in response.text
    assert Application.objects.count() == 0


def test_a_visitor_must_log_in_to_apply(client):
    assert client.get(reverse("pool:apply")).status_code == 302


def test_the_pool_secretary_has_a_staff_link(city_pool, pool_secretary, entrepreneur):
    assert any(link.label == str(city_pool) for link in staff_links(pool_secretary))
    assert not any(link.label == str(city_pool) for link in staff_links(entrepreneur))
