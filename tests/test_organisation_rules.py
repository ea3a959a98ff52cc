"""The predicates of organisations/rules.py, called directly (adhocracy4's tests/*/rules
shape: one situation per test, every persona asserted), and the services that enforce them
whoever calls."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisations import rules, services
from organisations.models import MembershipRole, OrganisationInvitation
from tests.factories import OrganisationFactory, UserFactory, member_of


@pytest.fixture
def personas(organisation, entrepreneur, colleague, outsider):
    """Everyone who may meet an organisation: its administrator, a plain member, a member of
    another organisation, a signed-in stranger, an anonymous visitor, a deactivated admin."""
    other = member_of(OrganisationFactory(), UserFactory(email="other@example.org"))
    inactive = member_of(organisation, UserFactory(email="inactive@example.org"), "admin")
    inactive.is_active = False
    inactive.save(update_fields=["is_active"])
    return {
        "admin": entrepreneur,
        "member": colleague,
        "other_organisation": other,
        "outsider": outsider,
        "anonymous": AnonymousUser(),
        "inactive_admin": inactive,
    }


def test_who_may_register_an_organisation(personas):
    allowed = {name for name, user in personas.items() if rules.can_register(user)}
    assert allowed == {"admin", "member", "other_organisation", "outsider"}


def test_who_may_edit_the_profile(personas, organisation):
    allowed = {name for name, user in personas.items() if rules.can_edit(user, organisation)}
    assert allowed == {"admin", "member"}


def test_who_may_manage_members(personas, organisation):
    allowed = {
        name for name, user in personas.items() if rules.can_manage_members(user, organisation)
    }
    assert allowed == {"admin"}


def test_the_getters_hide_the_organisation_from_who_may_not_act(personas, organisation):
    assert rules.get_organisation_for_edit(personas["member"], organisation.slug) == organisation
    with pytest.raises(Http404):
        rules.get_organisation_for_edit(personas["other_organisation"], organisation.slug)
    with pytest.raises(Http404):
        rules.get_organisation_for_edit(personas["anonymous"], organisation.slug)
    assert (
        rules.get_organisation_for_member_management(personas["admin"], organisation.slug)
        == organisation
    )
    with pytest.raises(Http404):
        rules.get_organisation_for_member_management(personas["member"], organisation.slug)


class TestServicesCheckTheActor:
    """Whoever calls them (a view, the admin, a task), the services refuse an actor the
    rules refuse, and change nothing."""

    def test_update(self, personas, organisation):
        with pytest.raises(PermissionDenied):
            services.organisation_update(
                actor=personas["other_organisation"], organisation=organisation, data={"name": "X"}
            )
        organisation.refresh_from_db()
        assert organisation.name != "X"
        services.organisation_update(
            actor=personas["member"], organisation=organisation, data={"name": "Nyt navn ApS"}
        )
        organisation.refresh_from_db()
        assert organisation.name == "Nyt navn ApS"

    def test_register(self, personas):
        with pytest.raises(PermissionDenied):
            services.organisation_register(user=personas["anonymous"], data={})

    def test_invite_and_revoke(self, personas, organisation):
        with pytest.raises(PermissionDenied):
            services.invitation_send(
                organisation=organisation,
                email="ny@example.org",
                invited_by=personas["member"],
                accept_url_builder=str,
            )
        assert not OrganisationInvitation.objects.exists()
        invitation = services.invitation_send(
            organisation=organisation,
            email="ny@example.org",
            invited_by=personas["admin"],
            accept_url_builder=str,
        )
        with pytest.raises(PermissionDenied):
            services.invitation_revoke(actor=personas["member"], invitation=invitation)
        assert OrganisationInvitation.objects.open().filter(pk=invitation.pk).exists()
        services.invitation_revoke(actor=personas["admin"], invitation=invitation)
        assert not OrganisationInvitation.objects.open().filter(pk=invitation.pk).exists()

    def test_remove_a_member(self, personas, organisation):
        membership = organisation.memberships.get(user=personas["member"])
        with pytest.raises(PermissionDenied):
            services.membership_remove(actor=personas["member"], membership=membership)
        assert organisation.memberships.filter(pk=membership.pk).exists()
        services.membership_remove(actor=personas["admin"], membership=membership)
        assert not organisation.memberships.filter(pk=membership.pk).exists()


def test_the_longest_standing_member_takes_over_a_leaving_sole_administrator(
    organisation, entrepreneur, colleague
):
    late = member_of(organisation, UserFactory(), MembershipRole.MEMBER)
    promoted = services.memberships_hand_over(leaving=entrepreneur)
    assert [m.user for m in promoted] == [colleague]
    assert organisation.memberships.get(user=late).role == MembershipRole.MEMBER


def test_nobody_takes_over_where_another_administrator_remains(
    organisation, entrepreneur, colleague
):
    member_of(organisation, UserFactory(), MembershipRole.ADMIN)
    assert services.memberships_hand_over(leaving=entrepreneur) == []
    assert organisation.memberships.get(user=colleague).role == MembershipRole.MEMBER
