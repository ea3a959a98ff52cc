"""Who may do what in the portal app: the one place for account and role checks.

A user's roles are read once per request and cached on the user object.
"""

from allauth.mfa.utils import is_mfa_enabled

from portal.models import Role


def _per_request(user, name: str, compute):
    """A value kept on the user object for the rest of the request. request.user is a lazy
    wrapper: getattr and setattr reach the user itself, as the backend's `remember` does."""
    value = getattr(user, name, None)
    if value is None:
        value = compute()
        setattr(user, name, value)
    return value


def remember(user, *, roles, administration_ids, has_two_factor) -> None:
    """What the session's user was loaded with (portal.auth_backends), so that the request
    asks the database no more."""
    user._portal_roles = frozenset(roles)
    user._portal_administration_ids = frozenset(administration_ids)
    user._portal_has_two_factor = bool(has_two_factor)


def _roles(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    return _per_request(
        user,
        "_portal_roles",
        lambda: frozenset(user.role_assignments.values_list("role", flat=True)),
    )


def administration_ids(user) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return _per_request(
        user,
        "_portal_administration_ids",
        lambda: frozenset(
            user.administration_memberships.values_list("administration_id", flat=True)
        ),
    )


def has_role(user, role: Role) -> bool:
    return user.is_active and role in _roles(user)


def is_civil_servant(user) -> bool:
    return user.is_authenticated and user.is_active and bool(administration_ids(user))


def is_member_of_administration(user, administration) -> bool:
    return user.is_active and administration.pk in administration_ids(user)


def is_contact_officer(user) -> bool:
    return has_role(user, Role.CONTACT_OFFICER)


def is_council_member(user) -> bool:
    return has_role(user, Role.COUNCIL_MEMBER)


def is_council_secretary(user) -> bool:
    return has_role(user, Role.COUNCIL_SECRETARY)


def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))


def holds_staff_role(user) -> bool:
    """Civil servants and every portal role: these must use two-factor authentication."""
    return user.is_authenticated and (
        is_civil_servant(user) or bool(_roles(user)) or user.is_superuser
    )


def has_two_factor(user) -> bool:
    """Read once per request and kept on the user object, like the roles."""
    if not user.is_authenticated:
        return False
    return _per_request(user, "_portal_has_two_factor", lambda: is_mfa_enabled(user))


def can_open_staff_pages(user) -> bool:
    return holds_staff_role(user) and has_two_factor(user)


def can_open_admin(user) -> bool:
    return user.is_active and is_administrator(user) and has_two_factor(user)


# Accounts: what a user may do to an account. Only its owner acts on it from the portal;
# administrators work in the admin.


def is_self(actor, user) -> bool:
    return actor.is_authenticated and actor.is_active and actor.pk == user.pk


def can_edit_profile(actor, user) -> bool:
    return is_self(actor, user)


def can_export_data(actor, user) -> bool:
    return is_self(actor, user)


def can_delete_account(actor, user) -> bool:
    return is_self(actor, user)


def can_grant_roles(actor) -> bool:
    """Roles and administration memberships are given by administrators (two-factor on)."""
    return can_open_admin(actor)
