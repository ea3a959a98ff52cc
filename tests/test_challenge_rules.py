"""The predicates of challenges/rules.py, tested directly (each persona by each status), and
the services refusing an actor the rules refuse, so no view, admin action or task can skip
a check."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from challenges import rules, services
from challenges.models import ResponseStatus, Status
from portal.models import Administration
from tests.challenge_helpers import make_challenge, response_in, submit
from tests.factories import OrganisationFactory, UserFactory, civil_servant, member_of, with_totp

PERSONAS = [
    "visitor",
    "member",
    "other_member",
    "owner",
    "co_owner",
    "other_administration",
    "owner_without_two_factor",
    "council_member",
    "administrator",
]


@pytest.fixture
def people(
    entrepreneur,
    civil_servant_bif,
    civil_servant_tmf,
    council_member,
    administrator,
):
    other = OrganisationFactory(name="Anden Virksomhed ApS")
    return {
        "visitor": AnonymousUser(),
        "member": entrepreneur,
        "other_member": member_of(other, UserFactory(email="other@example.org")),
        "owner": civil_servant_bif,
        "co_owner": with_totp(civil_servant("SOF", email="sof@example.org")),
        "other_administration": civil_servant_tmf,
        "owner_without_two_factor": civil_servant("BIF", email="no-totp@example.org"),
        "council_member": council_member,
        "administrator": administrator,
    }


@pytest.fixture
def challenge(civil_servant_bif):
    return make_challenge(civil_servant_bif, co_owners=["SOF"])


MANAGERS = {"owner", "co_owner"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_create_and_for_which_administration(people, persona):
    user = people[persona]
    bif, tmf = Administration.objects.get(code="BIF"), Administration.objects.get(code="TMF")
    civil_servants = {"owner", "co_owner", "other_administration"}  # with two-factor
    assert rules.can_create(user) == (persona in civil_servants)
    assert rules.can_create_for(user, bif) == (persona == "owner")
    assert rules.can_create_for(user, tmf) == (persona == "other_administration")
    assert rules.can_moderate(user) == (persona == "administrator")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(Status))
def test_who_may_see_manage_edit_and_change_a_challenge(people, civil_servant_bif, persona, status):
    challenge = make_challenge(civil_servant_bif, co_owners=["SOF"], status=status)
    user = people[persona]
    manages = persona in MANAGERS
    assert rules.can_manage(user, challenge) == manages
    assert rules.can_edit(user, challenge) == (manages or persona == "administrator")
    assert rules.can_change_status(user, challenge) == (manages or persona == "administrator")
    public = status not in {Status.DRAFT, Status.ARCHIVED}
    assert rules.can_view(user, challenge) == (public or manages)
    assert (challenge in rules.visible_to(user)) == (public or manages)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(ResponseStatus))
def test_who_may_see_decide_edit_withdraw_and_write(
    people, challenge, organisation, persona, status
):
    response = response_in(status, challenge, people["member"], organisation)
    user = people[persona]
    member, manages = persona == "member", persona in MANAGERS
    assert rules.is_member_of_responding_organisation(user, response) == member
    assert rules.can_view_response(user, response) == (member or manages)
    assert rules.can_decide_response(user, response) == manages
    for decision in ["shortlisted", "in_dialogue", "accepted", "declined"]:
        assert rules.can_make_response_transition(user, response, decision) == manages
    assert rules.can_make_response_transition(user, response, "withdrawn") == member
    editable = status == ResponseStatus.SUBMITTED
    assert rules.can_edit_response(user, response) == (member and editable)
    writes = status in {"submitted", "shortlisted", "in_dialogue", "accepted"}
    assert rules.can_post_response_message(user, response) == ((member or manages) and writes)


def test_only_members_respond_for_an_organisation(people, organisation):
    assert rules.can_respond_for(people["member"], organisation)
    for persona in ["visitor", "other_member", "owner", "administrator"]:
        assert not rules.can_respond_for(people[persona], organisation), persona


def test_organisations_that_may_respond_leave_out_those_that_have(people, challenge, organisation):
    member = people["member"]
    second = OrganisationFactory(name="Andet Firma ApS")
    member_of(second, member)
    assert set(rules.organisations_that_may_respond(member, challenge)) == {organisation, second}
    submit(member, challenge, organisation)
    assert list(rules.organisations_that_may_respond(member, challenge)) == [second]
    assert not rules.organisations_that_may_respond(people["visitor"], challenge).exists()


# The services ask the same rules: a call with the wrong actor changes nothing.


def _data(owner_code="BIF", contact=None):
    from datetime import timedelta

    from django.utils import timezone

    return {
        "title": "Ny udfordring",
        "summary": "Kort",
        "description": "Lang",
        "owner": Administration.objects.get(code=owner_code),
        "contact_person": contact,
        "collaboration": "pilot",
        "deadline": timezone.localdate() + timedelta(days=10),
    }


def test_services_refuse_a_challenge_for_another_administration(people):
    with pytest.raises(PermissionDenied):
        services.challenge_create(
            user=people["other_administration"], data=_data(contact=people["owner"])
        )
    with pytest.raises(PermissionDenied):
        services.challenge_create(
            user=people["owner_without_two_factor"], data=_data(contact=people["owner"])
        )


@pytest.mark.parametrize("persona", ["other_administration", "council_member", "member"])
def test_services_refuse_changes_by_those_who_do_not_manage(people, challenge, persona):
    user = people[persona]
    with pytest.raises(PermissionDenied):
        services.challenge_update(user=user, challenge=challenge, data={"title": "Kapret"})
    with pytest.raises(PermissionDenied):
        services.challenge_change_status(user=user, challenge=challenge, to_status="closed")
    challenge.refresh_from_db()
    assert (challenge.title, challenge.status) == ("Job til ledige i kantinen", "published")


def test_the_administrator_moderates_through_the_same_services(people, challenge):
    services.challenge_update(
        user=people["administrator"], challenge=challenge, data={"title": "Rettet titel"}
    )
    services.challenge_close(user=people["administrator"], challenge=challenge)
    challenge.refresh_from_db()
    assert (challenge.title, challenge.status) == ("Rettet titel", "closed")
    assert challenge.events.first().actor == people["administrator"]


def test_response_services_refuse_the_wrong_side(people, challenge, organisation):
    response = submit(people["member"], challenge, organisation)
    with pytest.raises(PermissionDenied):
        submit(people["other_member"], challenge, organisation)
    with pytest.raises(PermissionDenied):
        services.response_change_status(
            user=people["member"], response=response, to_status="accepted"
        )
    for persona in ["owner", "other_member"]:
        with pytest.raises(PermissionDenied):
            services.response_withdraw(user=people[persona], response=response)
        with pytest.raises(PermissionDenied):
            services.response_update(
                user=people[persona], response=response, data={"message": "Kapret"}
            )
    with pytest.raises(PermissionDenied):
        services.response_post_message(
            user=people["other_administration"], response=response, body="Hej"
        )
    response.refresh_from_db()
    assert (response.status, response.message) == ("submitted", "Vi kan drive kantinen.")
    assert not response.messages.exists()
