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

    Organisations the user was the last member of keep existing (their public profile
    is the organisation's, not the person's); the membership itself goes.
    """
    user.delete()


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
