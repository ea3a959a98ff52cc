"""State changes of accounts and roles. Views call these; they hold the rules."""

from django.db import transaction

from portal.models import AdministrationMembership, RoleAssignment, User


@transaction.atomic
def user_update_profile(*, user: User, first_name: str, last_name: str) -> User:
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    return user


@transaction.atomic
def user_delete_account(*, user: User) -> None:
    """Delete the account and everything that is only the user's.

    Organisations keep their public profile (it is the organisation's, not the person's).
    Where the user was a profile's only administrator, the longest-standing other member
    takes over, so that no profile is left without someone who can manage it.
    """
    from organisations.models import MembershipRole, OrganisationMembership

    sole_admin_of = [
        membership.organisation_id
        for membership in user.organisation_memberships.filter(role=MembershipRole.ADMIN)
        if not OrganisationMembership.objects.filter(
            organisation_id=membership.organisation_id, role=MembershipRole.ADMIN
        )
        .exclude(user=user)
        .exists()
    ]
    for organisation_id in sole_admin_of:
        successor = (
            OrganisationMembership.objects.filter(organisation_id=organisation_id)
            .exclude(user=user)
            .order_by("created_at", "pk")
            .first()
        )
        if successor:
            successor.role = MembershipRole.ADMIN
            successor.save(update_fields=["role"])
    user.delete()


def user_export_data(*, user: User) -> dict:
    """Everything the portal holds about the user, for the right of access (GDPR art. 15)."""
    from portal import hooks

    return {
        **hooks.collect_dict("export_user_data", user),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.all()
        ],
        "organisations": [
            {
                "organisation": membership.organisation.name,
                "cvr": membership.organisation.cvr,
                "role": membership.role,
                "joined": membership.created_at.isoformat(),
            }
            for membership in user.organisation_memberships.select_related("organisation")
        ],
        "administrations": [
            {
                "administration": membership.administration.name_da,
                "job_title": membership.job_title,
                "since": membership.created_at.isoformat(),
            }
            for membership in user.administration_memberships.select_related("administration")
        ],
        "roles": [
            {"role": assignment.role, "granted": assignment.created_at.isoformat()}
            for assignment in user.role_assignments.all()
        ],
        "two_factor_methods": list(user.authenticator_set.values_list("type", flat=True)),
    }


@transaction.atomic
def role_grant(*, user: User, role: str) -> RoleAssignment:
    assignment, _created = RoleAssignment.objects.get_or_create(user=user, role=role)
    return assignment


@transaction.atomic
def administration_membership_add(*, user: User, administration, job_title: str = ""):
    membership, _created = AdministrationMembership.objects.get_or_create(
        user=user, administration=administration, defaults={"job_title": job_title}
    )
    return membership
