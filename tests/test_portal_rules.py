"""The account predicates of portal/rules.py, called directly, and the account services
that enforce them whoever calls."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from portal import rules, services
from portal.models import Administration, AdministrationMembership, Role, RoleAssignment
from tests.factories import UserFactory, with_role


@pytest.fixture
def personas(outsider, civil_servant_bif, contact_officer, administrator):
    untrusted = with_role(UserFactory(email="no-totp-admin@example.org"), Role.ADMINISTRATOR)
    return {
        "outsider": outsider,
        "civil_servant": civil_servant_bif,
        "contact_officer": contact_officer,
        "administrator": administrator,
        "administrator_without_two_factor": untrusted,
        "anonymous": AnonymousUser(),
    }


def test_only_the_owner_acts_on_an_account(personas, outsider):
    for predicate in (rules.can_edit_profile, rules.can_export_data):
        allowed = {name for name, user in personas.items() if predicate(user, outsider)}
        assert allowed == {"outsider"}, predicate.__name__


def test_the_owner_and_administrators_delete_an_account(personas, outsider):
    allowed = {name for name, user in personas.items() if rules.can_delete_account(user, outsider)}
    assert allowed == {"outsider", "administrator"}


def test_an_inactive_user_acts_on_nothing(outsider):
    outsider.is_active = False
    assert not rules.can_edit_profile(outsider, outsider)


def test_only_administrators_with_two_factor_grant_roles(personas):
    allowed = {name for name, user in personas.items() if rules.can_grant_roles(user)}
    assert allowed == {"administrator"}


class TestServicesCheckTheActor:
    def test_profile(self, personas, outsider):
        with pytest.raises(PermissionDenied):
            services.user_update_profile(
                actor=personas["administrator"], user=outsider, first_name="X", last_name="Y"
            )
        outsider.refresh_from_db()
        assert outsider.first_name != "X"

    def test_roles_and_memberships(self, personas, outsider):
        bif = Administration.objects.get(code="BIF")
        for actor in ("civil_servant", "administrator_without_two_factor"):
            with pytest.raises(PermissionDenied):
                services.role_grant(actor=personas[actor], user=outsider, role=Role.COUNCIL_MEMBER)
            with pytest.raises(PermissionDenied):
                services.administration_membership_add(
                    actor=personas[actor], user=outsider, administration=bif
                )
        assert not RoleAssignment.objects.filter(user=outsider).exists()
        services.role_grant(
            actor=personas["administrator"], user=outsider, role=Role.COUNCIL_MEMBER
        )
        services.administration_membership_add(
            actor=personas["administrator"], user=outsider, administration=bif
        )
        assert RoleAssignment.objects.filter(user=outsider, role=Role.COUNCIL_MEMBER).exists()
        assert AdministrationMembership.objects.filter(user=outsider, administration=bif).exists()
