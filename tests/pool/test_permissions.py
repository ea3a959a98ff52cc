"""The pool's permission matrix: each persona by each pool view, file and action by each
status of an application and a grant, with the one right status code per cell (and, for
actions, that the money or the pool changed only when it should)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from advisory import pool_rules, pool_services
from advisory.models import (
    COUNCIL_STATUSES,
    ConflictOfInterest,
    EntryKind,
    Grant,
    GrantStatus,
    Intake,
    LedgerEntry,
    LocalPoolSecretary,
    Pool,
    PoolRound,
    ProposalAttachment,
    ProposalStatus,
)
from organisations.models import MembershipRole
from portal.models import LocalCommitteeArea, Role
from tests.factories import OrganisationFactory, UserFactory, member_of, with_role, with_totp
from tests.helpers import PDF
from tests.pool.conftest import KR, award, fund, make_application, make_pool

pytestmark = pytest.mark.django_db

S = ProposalStatus
PERSONAS = [
    "visitor",
    "applicant",
    "entrepreneur",
    "member",
    "member_conflicted",
    "city_secretary",
    "local_secretary",
    "civil_servant",
    "administrator",
]


def _table(default: int, **cells: int) -> dict[str, int]:
    table = {persona: default for persona in PERSONAS}
    table.update(cells)
    return table


PUBLIC = _table(200)
LOGGED_IN = _table(200, visitor=302)
# Staff pages (two-factor set up): a visitor is sent to log in, the rest refused.
STAFF_ONLY = _table(403, visitor=302)
CITY_MANAGE = {**STAFF_ONLY, "city_secretary": 200}
LOCAL_MANAGE = {**STAFF_ONLY, "local_secretary": 200}
POOL_LIST = {**STAFF_ONLY, "city_secretary": 200, "local_secretary": 200, "administrator": 200}
CREATE = {**STAFF_ONLY, "city_secretary": 200, "administrator": 200}
EDIT_CITY = {**STAFF_ONLY, "city_secretary": 200}
EDIT_LOCAL = {**STAFF_ONLY, "city_secretary": 200, "administrator": 200}


def _area():
    return LocalCommitteeArea.objects.order_by("pk").first()


@pytest.fixture
def world(organisation, entrepreneur, civil_servant_bif, council_member):
    secretary = with_totp(
        with_role(UserFactory(email="sekretaer@example.org"), Role.COUNCIL_SECRETARY)
    )
    local = with_totp(UserFactory(email="lokal@example.org"))
    local.administration_memberships.create(
        administration=civil_servant_bif.administration_memberships.get().administration
    )
    conflicted = with_totp(with_role(UserFactory(email="inhabil@example.org"), Role.COUNCIL_MEMBER))
    other = member_of(
        OrganisationFactory(name="Anden ApS"),
        UserFactory(email="anden@example.org"),
        MembershipRole.ADMIN,
    )
    city = make_pool()
    area_pool = make_pool(area=_area())
    LocalPoolSecretary.objects.create(user=local, area=area_pool.area)
    fund(city, secretary, 1_000_000 * KR)
    fund(area_pool, local, 100_000 * KR)
    applications = {}
    for status in S:
        application = make_application(
            city, 30_000 * KR, submitter=entrepreneur, status=status, title=f"Ansøgning {status}"
        )
        ProposalAttachment.objects.create(
            proposal=application.proposal,
            file=SimpleUploadedFile("budget.pdf", PDF, "application/pdf"),
            original_name="budget.pdf",
            size=len(PDF),
        )
        ConflictOfInterest.objects.create(
            proposal=application.proposal, member=conflicted, reason="Min virksomhed"
        )
        applications[status] = application
    grants = {}
    for grant_status in GrantStatus:
        application = make_application(
            city, 20_000 * KR, submitter=entrepreneur, title=f"Bevilget {grant_status}"
        )
        grant = award(application, secretary)
        if grant_status == GrantStatus.CLOSED:
            pool_services.grant_return_rest(grant=grant, actor=secretary, reason="Afsluttet")
        elif grant_status == GrantStatus.CANCELLED:  # no service cancels a grant yet
            Grant.objects.filter(pk=grant.pk).update(status=GrantStatus.CANCELLED)
        grants[grant_status] = Grant.objects.get(pk=grant.pk)
    users = {
        "visitor": None,
        "applicant": entrepreneur,
        "entrepreneur": other,
        "member": council_member,
        "member_conflicted": conflicted,
        "city_secretary": secretary,
        "local_secretary": local,
        "civil_servant": civil_servant_bif,
        "administrator": with_totp(
            with_role(UserFactory(email="it@example.org"), Role.ADMINISTRATOR)
        ),
    }
    return {
        "users": users,
        "city": city,
        "local": area_pool,
        "applications": applications,
        "grants": grants,
        "local_application": make_application(area_pool, 10_000 * KR, submitter=entrepreneur),
    }


def _login(client, world, persona):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    return user


# Pages without a status.


def _pages(world):
    city, local = world["city"], world["local"]
    return [
        (reverse("pool:register"), PUBLIC),
        (reverse("pool:register") + "?pool=" + str(local.pk), PUBLIC),
        (reverse("pool:pool", args=[city.pk]), PUBLIC),
        (reverse("pool:pool", args=[local.pk]), PUBLIC),
        (reverse("pool:grants_csv"), PUBLIC),
        (reverse("pool:contributions_csv", args=[city.pk]), PUBLIC),
        (reverse("pool:contributions_csv", args=[local.pk]), PUBLIC),
        (reverse("pool:apply"), LOGGED_IN),
        (reverse("pool:pools"), POOL_LIST),
        (reverse("pool:pool_create"), CREATE),
        (reverse("pool:pool_edit", args=[city.pk]), EDIT_CITY),
        (reverse("pool:pool_edit", args=[local.pk]), EDIT_LOCAL),
        (reverse("pool:manage", args=[city.pk]), CITY_MANAGE),
        (reverse("pool:manage", args=[local.pk]), LOCAL_MANAGE),
        (
            reverse("pool:application_decide", args=[local.pk, world["local_application"].pk]),
            LOCAL_MANAGE,
        ),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_pages(client, world, persona):
    _login(client, world, persona)
    for url, expected in _pages(world):
        assert client.get(url).status_code == expected[persona], (persona, url)


def test_missing_pools_and_grants_are_404_for_everyone_who_may_look(client, world):
    client.force_login(world["users"]["city_secretary"])
    for name in ("pool:pool", "pool:manage", "pool:pool_edit", "pool:contributions_csv"):
        assert client.get(reverse(name, args=[999_999])).status_code == 404, name
    assert client.get(reverse("pool:grant", args=[999_999])).status_code == 404


# Each status of an application: the application's page (the council's proposal page), its
# attachment (the budget: never public) and the secretary's decision page.


def _proposal_page(persona: str, status: str) -> int:
    if persona == "visitor":
        return 302
    if persona == "applicant":
        return 200
    if persona == "city_secretary":
        return 404 if status == S.DRAFT else 200
    if persona in ("member", "member_conflicted"):
        return 200 if status in COUNCIL_STATUSES else 404
    return 404


def _attachment(persona: str, status: str) -> int:
    # These applications (30,000 kr.) are on the fast track: the secretary decides them
    # alone, so no council member ever opens their budget (pool_rules.
    # can_see_application_attachments; tests/pool/test_attachments.py has the council route).
    if persona in ("member", "member_conflicted"):
        return 404
    return _proposal_page(persona, status)


def _decide_page(persona: str, status: str) -> int:
    if persona == "visitor":
        return 302
    if persona != "city_secretary":
        return 403
    return 404 if status == S.DRAFT else 200


def _an_application_in_each_status(client, world, persona, status):
    _login(client, world, persona)
    application = world["applications"][status]
    proposal = application.proposal
    attachment = proposal.attachments.get()
    cells = [
        (reverse("advisory:proposal", args=[proposal.pk]), _proposal_page(persona, status)),
        (
            reverse("advisory:attachment", args=[proposal.pk, attachment.pk]),
            _attachment(persona, status),
        ),
        (
            reverse("pool:application_decide", args=[world["city"].pk, application.pk]),
            _decide_page(persona, status),
        ),
    ]
    for url, expected in cells:
        assert client.get(url).status_code == expected, (persona, status, url)


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_application_in_each_status(client, world, persona):
    for status in list(S):
        _an_application_in_each_status(client, world, persona, status)


def _a_grant_in_each_status_shows_only_public_information(client, world, persona, status):
    _login(client, world, persona)
    grant = world["grants"][status]
    response = client.get(reverse("pool:grant", args=[grant.pk]))
    if status == GrantStatus.CANCELLED:
        assert response.status_code == 404
        assert "Bevilget cancelled" not in client.get(reverse("pool:register")).text
        return
    assert response.status_code == 200
    assert "20.000,00 kr." in response.text
    # The budget and its attachment are the applicant's and the council's, never public.
    assert "Løn" not in response.text
    assert "budget.pdf" not in response.text
    assert str(grant) in client.get(reverse("pool:register")).text


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_grant_in_each_status_shows_only_public_information(client, world, persona):
    for status in list(GrantStatus):
        _a_grant_in_each_status_shows_only_public_information(client, world, persona, status)


# Actions: only the one who may gets through; the others change nothing.


def _post(client, world, persona, url, data=None):
    _login(client, world, persona)
    return client.post(url, data or {})


def _refused(persona: str) -> int:
    return 302 if persona == "visitor" else 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_recording_a_contribution_in_each_pool(client, world, persona):
    for pool, who in ((world["city"], "city_secretary"), (world["local"], "local_secretary")):
        before = pool.figures()["contributed"]
        url = reverse("pool:contribution_add", args=[pool.pk])
        response = _post(
            client,
            world,
            persona,
            url,
            {
                "contribution-payer": f"l{_area().pk}",
                "contribution-amount": "1.000",
                "contribution-reason": "Bidrag",
            },
        )
        assert response.status_code == (302 if persona == who else _refused(persona)), (
            persona,
            pool,
        )
        added = 1_000 * KR if persona == who else 0
        assert pool.figures()["contributed"] == before + added


def _a_payout_on_a_grant_in_each_status(client, world, persona, status):
    grant, city = world["grants"][status], world["city"]
    url = reverse("pool:payout_add", args=[city.pk])
    response = _post(
        client,
        world,
        persona,
        url,
        {"payout-grant": grant.pk, "payout-amount": "1.000", "payout-reason": "Rate"},
    )
    if persona != "city_secretary":
        assert response.status_code == _refused(persona)
    else:
        # Only an active grant is among the choices.
        assert response.status_code == (302 if status == GrantStatus.ACTIVE else 400)
    paid = 1_000 * KR if persona == "city_secretary" and status == GrantStatus.ACTIVE else 0
    assert grant.figures()["paid"] == paid


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_payout_on_a_grant_in_each_status(client, world, persona):
    for status in list(GrantStatus):
        _a_payout_on_a_grant_in_each_status(client, world, persona, status)


def _changing_a_grant_in_each_status(client, world, persona, status):
    grant, city = world["grants"][status], world["city"]
    url = reverse("pool:grant_change", args=[city.pk])
    response = _post(
        client,
        world,
        persona,
        url,
        {"change-grant": grant.pk, "change-new_amount": "15.000", "change-reason": "Mindre"},
    )
    if persona != "city_secretary":
        assert response.status_code == _refused(persona)
    else:
        assert response.status_code == (302 if status == GrantStatus.ACTIVE else 400)
    grant.refresh_from_db()
    changed = persona == "city_secretary" and status == GrantStatus.ACTIVE
    assert grant.amount == (15_000 if changed else 20_000) * KR
    assert (
        LedgerEntry.objects.filter(kind=EntryKind.GRANT_DECREASE, grant=grant).exists() == changed
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_changing_a_grant_in_each_status(client, world, persona):
    for status in list(GrantStatus):
        _changing_a_grant_in_each_status(client, world, persona, status)


def _closing_a_grant_in_each_status(client, world, persona, status):
    grant, city = world["grants"][status], world["city"]
    url = reverse("pool:grant_close", args=[city.pk, grant.pk])
    response = _post(client, world, persona, url)
    # The secretary is sent back to the pool's page either way (with a message).
    assert response.status_code == (302 if persona == "city_secretary" else _refused(persona))
    grant.refresh_from_db()
    closes = persona == "city_secretary" and status == GrantStatus.ACTIVE
    expected = GrantStatus.CLOSED if closes else status
    assert grant.status == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_closing_a_grant_in_each_status(client, world, persona):
    for status in list(GrantStatus):
        _closing_a_grant_in_each_status(client, world, persona, status)


@pytest.mark.parametrize("persona", PERSONAS)
def test_reversing_an_entry(client, world, persona):
    city = world["city"]
    # A small contribution: reversing the first would leave the grants without cover.
    entry = fund(city, world["users"]["city_secretary"], 1_000 * KR)
    url = reverse("pool:entry_reverse", args=[city.pk])
    response = _post(
        client, world, persona, url, {"reversal-entry": entry.pk, "reversal-reason": "Fejl"}
    )
    assert response.status_code == (302 if persona == "city_secretary" else _refused(persona))
    assert LedgerEntry.objects.filter(reverses=entry).exists() == (persona == "city_secretary")


def _a_fast_track_decision_in_each_status(client, world, persona, status):
    application, city = world["applications"][status], world["city"]
    url = reverse("pool:application_decide", args=[city.pk, application.pk])
    data = {
        "decision": "grant",
        "reason": "Godt projekt",
        "amount": "30.000",
        "instalments": "1-4-2026; 30.000",
        "report_due": "1-2-2027",
    }
    response = _post(client, world, persona, url, data)
    if persona != "city_secretary":
        expected = _refused(persona)
    elif status == S.DRAFT:
        expected = 404  # the secretary does not see drafts
    elif status == S.IN_REVIEW:
        expected = 403  # past the fast track: the council decides
    else:
        expected = 302
    assert response.status_code == expected, (persona, status)
    granted = Grant.objects.filter(application=application).exists()
    assert granted == (expected == 302 and persona == "city_secretary")


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_fast_track_decision_in_each_status(client, world, persona):
    for status in [S.SUBMITTED, S.SCREENING, S.IN_REVIEW, S.DRAFT]:
        _a_fast_track_decision_in_each_status(client, world, persona, status)


@pytest.mark.parametrize("persona", PERSONAS)
def test_rounds(client, world, persona):
    city = make_pool(year=2025, intake=Intake.ROUNDS)
    future = PoolRound.objects.create(pool=city, deadline=timezone.localdate() + timedelta(days=9))
    deadline = (timezone.localdate() + timedelta(days=30)).strftime("%d-%m-%Y")
    add = _post(
        client,
        world,
        persona,
        reverse("pool:round_add", args=[city.pk]),
        {"round-deadline": deadline},
    )
    remove = _post(client, world, persona, reverse("pool:round_remove", args=[city.pk, future.pk]))
    allowed = persona == "city_secretary"
    assert add.status_code == (302 if allowed else _refused(persona))
    assert remove.status_code == (302 if allowed else _refused(persona))
    assert list(city.rounds.values_list("deadline", flat=True)) == (
        [timezone.localdate() + timedelta(days=30)] if allowed else [future.deadline]
    )


def _terms(**change):
    data = {
        "year": "2030",
        "area": "",
        "rules_text": "Regler",
        "maximum_grant": "100.000",
        "fast_track_limit": "10.000",
        "fast_track_working_days": "10",
        "intake": "rolling",
        "is_open": "on",
    }
    data.update(change)
    return data


@pytest.mark.parametrize("persona", PERSONAS)
def test_creating_pools(client, world, persona):
    url = reverse("pool:pool_create")
    city = _post(client, world, persona, url, _terms())
    local = _post(client, world, persona, url, _terms(area=_area().pk))
    if persona == "city_secretary":
        assert (city.status_code, local.status_code) == (302, 302)
    elif persona == "administrator":
        assert (city.status_code, local.status_code) == (400, 302)  # no city pool
    else:
        assert (city.status_code, local.status_code) == (_refused(persona),) * 2
    made = Pool.objects.filter(year=2030)
    assert made.filter(area=None).exists() == (persona == "city_secretary")
    assert made.filter(area=_area()).exists() == (persona in ("city_secretary", "administrator"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_editing_pools(client, world, persona):
    for pool, table in ((world["city"], EDIT_CITY), (world["local"], EDIT_LOCAL)):
        url = reverse("pool:pool_edit", args=[pool.pk])
        response = _post(client, world, persona, url, _terms(rules_text="Nye regler"))
        allowed = table[persona] == 200
        assert response.status_code == (302 if allowed else _refused(persona)), (persona, pool)
        pool.refresh_from_db()
        assert (pool.rules_text == "Nye regler") == allowed


# The predicates themselves.


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_predicates(world, persona):
    from django.contrib.auth.models import AnonymousUser

    user = world["users"][persona] or AnonymousUser()
    city, local = world["city"], world["local"]
    expected = {
        "manage_city": persona == "city_secretary",
        "manage_local": persona == "local_secretary",
        "create_city": persona == "city_secretary",
        "create_local": persona in ("city_secretary", "administrator"),
        "edit_city": persona == "city_secretary",
        "edit_local": persona in ("city_secretary", "administrator"),
    }
    assert {
        "manage_city": pool_rules.can_manage_pool(user, city),
        "manage_local": pool_rules.can_manage_pool(user, local),
        "create_city": pool_rules.can_create_pool(user, local=False),
        "create_local": pool_rules.can_create_pool(user, local=True),
        "edit_city": pool_rules.can_edit_pool(user, city),
        "edit_local": pool_rules.can_edit_pool(user, local),
    } == expected
    assert pool_rules.can_manage_rounds(user, city) == expected["manage_city"]
    assert (
        pool_rules.can_change_grant(user, world["grants"][GrantStatus.ACTIVE])
        == (expected["manage_city"])
    )
