"""Who may do what in the portal app: the one place for account and role checks.

A user's roles are read once per request and cached on the user object.
"""

from collections.abc import Callable, Iterable
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.models import AnonymousUser

from portal.models import Administration, Role, User

# Who a predicate is asked about: request.user is either.
AnyUser = User | AnonymousUser


def _per_request(user: AnyUser, name: str, compute: Callable[[], Any]) -> Any:
    """A value kept on the user object for the rest of the request. request.user is a lazy
    wrapper: getattr and setattr reach the user itself, as the backend's `remember` does."""
    value = getattr(user, name, None)
    if value is None:
        value = compute()
        setattr(user, name, value)
    return value


def remember(
    user: User, *, roles: Iterable[str], administration_ids: Iterable[int], has_two_factor: bool
) -> None:
    """What the session's user was loaded with (portal.auth_backends), so that the request
    asks the database no more."""
    for name, value in (
        ("_portal_roles", frozenset(roles)),
        ("_portal_administration_ids", frozenset(administration_ids)),
        ("_portal_has_two_factor", bool(has_two_factor)),
    ):
        setattr(user, name, value)


def _roles(user: AnyUser) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    return _per_request(
        user,
        "_portal_roles",
        lambda: frozenset(user.role_assignments.values_list("role", flat=True)),
    )


def administration_ids(user: AnyUser) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return _per_request(
        user,
        "_portal_administration_ids",
        lambda: frozenset(
            user.administration_memberships.values_list("administration_id", flat=True)
        ),
    )


def has_role(user: AnyUser, role: Role) -> bool:
    return user.is_active and role in _roles(user)


def is_civil_servant(user: AnyUser) -> bool:
    return user.is_authenticated and user.is_active and bool(administration_ids(user))


def is_member_of_administration(user: AnyUser, administration: Administration) -> bool:
    return user.is_active and administration.pk in administration_ids(user)


def is_contact_officer(user: AnyUser | None) -> bool:
    """Also asked of an enquiry's handler, who may be no one."""
    return user is not None and has_role(user, Role.CONTACT_OFFICER)


def is_council_member(user: AnyUser) -> bool:
    return has_role(user, Role.COUNCIL_MEMBER)


def is_council_secretary(user: AnyUser) -> bool:
    return has_role(user, Role.COUNCIL_SECRETARY)


def is_administrator(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))


def holds_staff_role(user: AnyUser) -> bool:
    """Civil servants and every portal role: these must use two-factor authentication."""
    return user.is_authenticated and (
        is_civil_servant(user) or bool(_roles(user)) or user.is_superuser
    )


def has_two_factor(user: AnyUser) -> bool:
    """Read once per request and kept on the user object, like the roles."""
    if not user.is_authenticated:
        return False
    return _per_request(user, "_portal_has_two_factor", lambda: is_mfa_enabled(user))


def can_open_staff_pages(user: AnyUser) -> bool:
    return holds_staff_role(user) and has_two_factor(user)


def can_open_admin(user: AnyUser) -> bool:
    return user.is_active and is_administrator(user) and has_two_factor(user)


# Accounts: what a user may do to an account. Its owner acts on it from the portal;
# administrators also delete accounts in the admin.


def is_self(actor: AnyUser, user: User) -> bool:
    return actor.is_authenticated and actor.is_active and actor.pk == user.pk


def can_edit_profile(actor: AnyUser, user: User) -> bool:
    return is_self(actor, user)


def can_export_data(actor: AnyUser, user: User) -> bool:
    return is_self(actor, user)


def can_delete_account(actor: AnyUser, user: User) -> bool:
    """The user themselves, or an administrator (in the admin)."""
    return is_self(actor, user) or can_open_admin(actor)


def can_grant_roles(actor: AnyUser) -> bool:
    """Roles and administration memberships are given by administrators (two-factor on)."""
    return can_open_admin(actor)
