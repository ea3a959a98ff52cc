"""The pool's permission matrix: each persona by each page, the one right status code."""

import pytest
from django.urls import reverse

from advisory.models import LocalPoolSecretary
from portal.models import Role
from tests.factories import UserFactory, with_role, with_totp
from tests.pool.conftest import KR, award, fund, make_application, make_pool

pytestmark = pytest.mark.django_db

PERSONAS = [
    "visitor",
    "applicant",
    "entrepreneur",
    "member",
    "city_secretary",
    "local_secretary",
    "civil_servant",
    "administrator",
]
PUBLIC = {persona: 200 for persona in PERSONAS}
# The city pool's management pages: only its secretary.
CITY_MANAGE = {
    "visitor": 302,
    "applicant": 403,
    "entrepreneur": 403,
    "member": 403,
    "city_secretary": 200,
    "local_secretary": 403,
    "civil_servant": 403,
    "administrator": 403,
}
# A local pool's management pages: only its area's secretary.
LOCAL_MANAGE = {**CITY_MANAGE, "city_secretary": 403, "local_secretary": 200}


@pytest.fixture
def world(organisation, entrepreneur, outsider, civil_servant_bif, council_member):
    secretary = with_totp(with_role(UserFactory(), Role.COUNCIL_SECRETARY))
    local = with_totp(UserFactory())
    local.administration_memberships.create(
        administration=civil_servant_bif.administration_memberships.get().administration
    )
    city = make_pool()
    area_pool = make_pool(area=_area())
    LocalPoolSecretary.objects.create(user=local, area=area_pool.area)
    fund(city, secretary, 100_000 * KR)
    application = make_application(city, 30_000 * KR, submitter=entrepreneur)
    grant = award(application, secretary)
    users = {
        "visitor": None,
        "applicant": entrepreneur,
        "entrepreneur": outsider,
        "member": council_member,
        "city_secretary": secretary,
        "local_secretary": local,
        "civil_servant": civil_servant_bif,
        "administrator": with_totp(with_role(UserFactory(), Role.ADMINISTRATOR)),
    }
    return {"users": users, "city": city, "local": area_pool, "grant": grant}


def _area():
    from portal.models import LocalCommitteeArea

    return LocalCommitteeArea.objects.order_by("pk").first()


def _pages(world):
    city, local, grant = world["city"], world["local"], world["grant"]
    return [
        (reverse("pool:register"), PUBLIC),
        (reverse("pool:grant", args=[grant.pk]), PUBLIC),
        (reverse("pool:pool", args=[city.pk]), PUBLIC),
        (reverse("pool:grants_csv"), PUBLIC),
        (reverse("pool:contributions_csv", args=[city.pk]), PUBLIC),
        (reverse("pool:manage", args=[city.pk]), CITY_MANAGE),
        (reverse("pool:manage", args=[local.pk]), LOCAL_MANAGE),
        (
            reverse("pool:application_decide", args=[city.pk, grant.application_id]),
            CITY_MANAGE,
        ),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_matrix(client, world, persona):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    for url, expected in _pages(world):
        assert client.get(url).status_code == expected[persona], (persona, url)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_city_secretary_records_money_in_the_city_pool(client, world, persona):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    city = world["city"]
    response = client.post(
        reverse("pool:payout_add", args=[city.pk]),
        {"grant": world["grant"].pk, "amount": "1.000", "reason": "Rate"},
    )
    assert response.status_code == {**CITY_MANAGE, "city_secretary": 302}[persona]
    paid = 1_000 * KR if persona == "city_secretary" else 0
    assert city.figures()["paid"] == paid
