"""Who may see and change an organisation: the one place for these checks."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.models import MembershipRole, Organisation, OrganisationMembership


def membership_of(user, organisation) -> OrganisationMembership | None:
    if not user.is_authenticated:
        return None
    return OrganisationMembership.objects.filter(user=user, organisation=organisation).first()


def can_edit(user, organisation) -> bool:
    return membership_of(user, organisation) is not None


def can_manage_members(user, organisation) -> bool:
    membership = membership_of(user, organisation)
    return membership is not None and membership.role == MembershipRole.ADMIN


def get_organisation_for_edit(user, slug) -> Organisation:
    """The organisation if the user may edit it; 404 otherwise (also for strangers)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_edit(user, organisation):
        raise Http404
    return organisation


def get_organisation_for_member_management(user, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_manage_members(user, organisation):
        raise Http404
    return organisation
