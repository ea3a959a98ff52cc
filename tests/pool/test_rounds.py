"""Pools that take applications in rounds: the secretary's deadlines, applications tied to
the next round, nothing after the last one; rolling pools take applications while open."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from advisory import pool_services
from advisory.models import Application, Intake, PoolEvent, PoolRound
from portal.models import Administration
from tests.pool.conftest import KR, make_pool

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


@pytest.fixture
def rounds_pool(db):
    return make_pool(intake=Intake.ROUNDS)


def _application(the_pool, **change):
    data = {
        "pool": the_pool.pk,
        "title": "Reparationscafé",
        "what": "En café hvor vi reparerer",
        "why": "Mindre affald",
        "expected_effect": "200 ting repareret",
        "administrations": [Administration.objects.get(code="TMF").pk],
        "amount": "20.000",
        "budget": "Løn; 20.000",
        "period_start": "1-3-2026",
        "period_end": "31-12-2026",
    }
    data.update(change)
    return data


def _date(day) -> str:
    return day.strftime("%d-%m-%Y")


def test_the_secretary_adds_rounds_and_the_history_says_so(client, pool_secretary, rounds_pool):
    client.force_login(pool_secretary)
    deadline = _today() + timedelta(days=30)
    response = client.post(
        reverse("pool:round_add", args=[rounds_pool.pk]), {"round-deadline": _date(deadline)}
    )
    assert response.status_code == 302
    assert list(rounds_pool.rounds.values_list("deadline", flat=True)) == [deadline]
    event = PoolEvent.objects.get(pool=rounds_pool)
    assert (event.kind, event.actor) == (PoolEvent.Kind.ROUND_ADDED, pool_secretary)
    page = client.get(reverse("pool:manage", args=[rounds_pool.pk]))
    assert "Næste ansøgningsfrist er" in page.text


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        (lambda today: _date(today - timedelta(days=1)), "Fristen er overskredet"),
        (lambda today: "31-02-2026", ""),
        (lambda today: "i morgen", ""),
        (lambda today: "1-1-2026\x00", ""),
        (lambda today: _date(today + timedelta(days=10)), "allerede en runde"),
    ],
)
def test_bad_deadlines_get_a_message(client, pool_secretary, rounds_pool, deadline, message):
    PoolRound.objects.create(pool=rounds_pool, deadline=_today() + timedelta(days=10))
    client.force_login(pool_secretary)
    response = client.post(
        reverse("pool:round_add", args=[rounds_pool.pk]), {"round-deadline": deadline(_today())}
    )
    assert response.status_code == 400
    errors = response.context["round_form"].errors["deadline"]
    assert message in " ".join(errors)
    assert rounds_pool.rounds.count() == 1


def test_an_application_is_tied_to_the_next_round(client, entrepreneur, rounds_pool):
    first = PoolRound.objects.create(pool=rounds_pool, deadline=_today() + timedelta(days=5))
    PoolRound.objects.create(pool=rounds_pool, deadline=_today() + timedelta(days=60))
    PoolRound.objects.create(pool=rounds_pool, deadline=_today() - timedelta(days=5))
    client.force_login(entrepreneur)
    page = client.get(reverse("pool:apply"))
    assert "Næste ansøgningsfrist er" in page.text
    response = client.post(reverse("pool:apply"), _application(rounds_pool))
    assert response.status_code == 302
    assert Application.objects.get().round == first


def test_the_deadline_day_itself_still_counts(client, entrepreneur, rounds_pool):
    today = PoolRound.objects.create(pool=rounds_pool, deadline=_today())
    client.force_login(entrepreneur)
    assert client.post(reverse("pool:apply"), _application(rounds_pool)).status_code == 302
    assert Application.objects.get().round == today


def test_after_the_last_round_the_pool_takes_no_applications(client, entrepreneur, rounds_pool):
    PoolRound.objects.create(pool=rounds_pool, deadline=_today() - timedelta(days=1))
    message = "Sidste rundes frist er overskredet"
    assert message in client.get(reverse("pool:pool", args=[rounds_pool.pk])).text
    client.force_login(entrepreneur)
    assert message in client.get(reverse("pool:apply")).text
    response = client.post(reverse("pool:apply"), _application(rounds_pool))
    assert response.status_code == 400
    assert message in response.context["form"].errors["pool"][0]
    assert "En café hvor vi reparerer" in response.text
    assert not Application.objects.exists()


def test_the_service_refuses_after_the_last_round_too(entrepreneur, rounds_pool):
    """Whatever form calls it: the service ties the round when it is sent."""
    asks = pool_services.Asks(
        amount=10_000 * KR,
        period_start=_today(),
        period_end=_today(),
        budget_lines=[("Løn", 10_000 * KR)],
    )
    application = pool_services.application_create(
        actor=entrepreneur,
        pool=make_pool(year=2025),  # a rolling pool, so the draft is made
        proposal_data={"title": "T", "what": "W", "why": "Y", "expected_effect": "E"},
        administrations=[Administration.objects.get(code="TMF")],
        asks=asks,
    )
    application.pool = rounds_pool
    application.save()
    with pytest.raises(ValidationError) as error:
        pool_services.application_submit(application=application, actor=entrepreneur)
    assert "pool" in error.value.error_dict
    application.proposal.refresh_from_db()
    assert application.proposal.status == "draft"


def test_a_rounds_pool_without_rounds_takes_nothing_and_a_closed_pool_neither(
    client, entrepreneur, rounds_pool
):
    closed = make_pool(year=2025, is_open=False)
    client.force_login(entrepreneur)
    assert client.post(reverse("pool:apply"), _application(rounds_pool)).status_code == 400
    response = client.post(reverse("pool:apply"), _application(closed))
    assert response.status_code == 400  # not a choice: only open pools are offered
    assert not Application.objects.exists()


def test_a_rolling_pool_takes_applications_while_open(client, entrepreneur, city_pool):
    client.force_login(entrepreneur)
    page = client.get(reverse("pool:pool", args=[city_pool.pk]))
    assert "Ansøgninger modtages løbende." in page.text
    assert client.post(reverse("pool:apply"), _application(city_pool)).status_code == 302
    assert Application.objects.get().round is None


def test_the_secretary_removes_a_future_round_without_applications(
    client, pool_secretary, entrepreneur, rounds_pool
):
    near = PoolRound.objects.create(pool=rounds_pool, deadline=_today() + timedelta(days=5))
    far = PoolRound.objects.create(pool=rounds_pool, deadline=_today() + timedelta(days=60))
    past = PoolRound.objects.create(pool=rounds_pool, deadline=_today() - timedelta(days=60))
    client.force_login(entrepreneur)
    client.post(reverse("pool:apply"), _application(rounds_pool))
    client.force_login(pool_secretary)
    for pool_round in (near, past):
        response = client.post(
            reverse("pool:round_remove", args=[rounds_pool.pk, pool_round.pk]), follow=True
        )
        assert response.status_code == 200
        assert PoolRound.objects.filter(pk=pool_round.pk).exists()
    client.post(reverse("pool:round_remove", args=[rounds_pool.pk, far.pk]))
    assert not PoolRound.objects.filter(pk=far.pk).exists()
    assert PoolEvent.objects.get(kind=PoolEvent.Kind.ROUND_REMOVED).changes == {
        "deadline": [far.deadline.isoformat(), None]
    }


def test_a_round_with_applications_is_kept_with_a_message(
    client, pool_secretary, entrepreneur, rounds_pool
):
    near = PoolRound.objects.create(pool=rounds_pool, deadline=_today() + timedelta(days=5))
    client.force_login(entrepreneur)
    client.post(reverse("pool:apply"), _application(rounds_pool))
    client.force_login(pool_secretary)
    response = client.post(
        reverse("pool:round_remove", args=[rounds_pool.pk, near.pk]), follow=True
    )
    assert "Der er sendt ansøgninger til denne runde" in response.text
    assert PoolRound.objects.filter(pk=near.pk).exists()


def test_only_the_pools_secretary_manages_its_rounds(
    client, local_secretary, administrator, rounds_pool
):
    future = PoolRound.objects.create(pool=rounds_pool, deadline=_today() + timedelta(days=5))
    for user in (local_secretary, administrator):
        client.force_login(user)
        url = reverse("pool:round_add", args=[rounds_pool.pk])
        assert client.post(url, {"round-deadline": _date(_today())}).status_code == 403
        url = reverse("pool:round_remove", args=[rounds_pool.pk, future.pk])
        assert client.post(url).status_code == 403
        with pytest.raises(PermissionDenied):
            pool_services.round_add(pool=rounds_pool, actor=user, deadline=_today())
    assert rounds_pool.rounds.count() == 1


def test_a_rolling_pool_has_no_rounds(client, pool_secretary, city_pool):
    client.force_login(pool_secretary)
    response = client.post(
        reverse("pool:round_add", args=[city_pool.pk]), {"round-deadline": _date(_today())}
    )
    assert response.status_code == 400
    assert "ingen runder" in response.context["round_form"].errors["deadline"][0]
    assert not city_pool.rounds.exists()


def test_a_forged_round_of_another_pool_is_404(client, pool_secretary, rounds_pool):
    other = make_pool(year=2025, intake=Intake.ROUNDS)
    foreign = PoolRound.objects.create(pool=other, deadline=_today() + timedelta(days=5))
    client.force_login(pool_secretary)
    url = reverse("pool:round_remove", args=[rounds_pool.pk, foreign.pk])
    assert client.post(url).status_code == 404
    assert PoolRound.objects.filter(pk=foreign.pk).exists()
