"""Who may see and change an organisation: the one place for these checks."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
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


def contact_recipients(organisation: Organisation) -> QuerySet:
    """Who receives a visitor's message: the profile's active administrators."""
    return User.objects.filter(
        is_active=True,
        organisation_memberships__organisation=organisation,
        organisation_memberships__role=MembershipRole.ADMIN,
    ).only("email", "language")


def can_be_contacted(organisation: Organisation) -> bool:
    return contact_recipients(organisation).exists()


def public_contacts(organisation: Organisation) -> QuerySet:
    """The members who chose to be shown as the contact person (names only are public)."""
    return (
        OrganisationMembership.objects.filter(organisation=organisation, is_public_contact=True)
        .select_related("user")
        .only("user__first_name", "user__last_name", "organisation_id")
        .order_by("user__first_name", "user__last_name", "pk")
    )


def get_own_membership(user: User | AnonymousUser, slug: str) -> OrganisationMembership:
    """The user's own membership of the organisation; 404 for anyone who is not a member."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        OrganisationMembership.objects.select_related("organisation"),
        organisation__slug=slug,
        user=user,
    )
