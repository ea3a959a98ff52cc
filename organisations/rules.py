"""Who may see and change an organisation: the one place for these checks."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.models import MembershipRole, Organisation, OrganisationMembership
from portal.models import User


def can_register(user: User | AnonymousUser) -> bool:
    """Anyone signed in may register an organisation (and becomes its administrator)."""
    return user.is_authenticated and user.is_active


def membership_of(
    user: User | AnonymousUser, organisation: Organisation
) -> OrganisationMembership | None:
    if not user.is_authenticated or not user.is_active:
        return None
    return OrganisationMembership.objects.filter(user=user, organisation=organisation).first()


def can_edit(user: User | AnonymousUser, organisation: Organisation) -> bool:
    return membership_of(user, organisation) is not None


def can_manage_members(user: User | AnonymousUser, organisation: Organisation) -> bool:
    membership = membership_of(user, organisation)
    return membership is not None and membership.role == MembershipRole.ADMIN


def get_organisation_for_edit(user: User | AnonymousUser, slug: str) -> Organisation:
    """The organisation if the user may edit it; 404 otherwise (also for strangers)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_edit(user, organisation):
        raise Http404
    return organisation


def get_organisation_for_member_management(user: User | AnonymousUser, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_manage_members(user, organisation):
        raise Http404
    return organisation
