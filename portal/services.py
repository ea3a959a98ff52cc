"""State changes of accounts and roles. Views call these; they hold the rules.

A service called with an `actor` first checks through `portal.rules` that the actor may
do it (PermissionDenied otherwise), so no view, admin action or command can skip a check.
"""

from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction

from portal import hooks, rules
from portal.models import (
    Administration,
    AdministrationMembership,
    OutgoingEmail,
    RoleAssignment,
    User,
)


@transaction.atomic
def user_update_profile(*, actor: User, user: User, first_name: str, last_name: str) -> User:
    if not rules.can_edit_profile(actor, user):
        raise PermissionDenied
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    return user


@transaction.atomic
def user_delete_account(*, actor: User, user: User) -> None:
    """Delete the account and everything that is only the user's.

    Each app's `before_user_delete` hook first hands over what must outlive the account
    (an organisation's last administrator, a challenge's contact person) or refuses the
    deletion with a `ValidationError`. Organisations keep their public profile (it is the
    organisation's, not the person's).
    """
    if not rules.can_delete_account(actor, user):
        raise PermissionDenied
    hooks.call_each("before_user_delete", user)
    user.delete()


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": _when(user.last_login),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
    }


def _portal_sections(user: User) -> dict[str, Any]:
    """What the portal app and the libraries it runs (allauth, the admin) hold."""
    return {
        "account": _account(user),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "sign_in_accounts": [
            {
                "provider": account.provider,
                "uid": account.uid,
                "connected": _when(account.date_joined),
                "last_login": _when(account.last_login),
            }
            for account in SocialAccount.objects.filter(user=user).order_by("pk")
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
            for assignment in user.role_assignments.order_by("pk")
        ],
        "two_factor_methods": [
            {"type": authenticator.type, "added": _when(authenticator.created_at)}
            for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "emails_to_you": [
            {
                "subject": email.subject,
                "queued": _when(email.created_at),
                "sent": _when(email.sent_at),
            }
            for email in OutgoingEmail.objects.filter(to__contains=[user.email]).order_by("pk")
        ],
        "administration_log": [
            {
                "when": entry.action_time.isoformat(),
                "object": entry.object_repr,
                "change": entry.get_change_message(),
            }
            for entry in LogEntry.objects.filter(user=user).order_by("action_time", "pk")
        ],
    }


def user_export_data(*, actor: User, user: User) -> dict[str, Any]:
    """Everything the portal holds about the user, for the right of access (GDPR art. 15):
    the portal's own sections, then each app's `export_user_data` hook."""
    if not rules.can_export_data(actor, user):
        raise PermissionDenied
    return {**_portal_sections(user), **hooks.collect_dict("export_user_data", user)}


@transaction.atomic
def role_grant(*, actor: User | None, user: User, role: str) -> RoleAssignment:
    """Give `user` a portal role. `actor` None is the system (demo data, commands)."""
    if actor is not None and not rules.can_grant_roles(actor):
        raise PermissionDenied
    assignment, _created = RoleAssignment.objects.get_or_create(user=user, role=role)
    return assignment


@transaction.atomic
def administration_membership_add(
    *, actor: User | None, user: User, administration: Administration, job_title: str = ""
) -> AdministrationMembership:
    """Make `user` a civil servant of `administration`. `actor` None is the system."""
    if actor is not None and not rules.can_grant_roles(actor):
        raise PermissionDenied
    membership, _created = AdministrationMembership.objects.get_or_create(
        user=user, administration=administration, defaults={"job_title": job_title}
    )
    return membership
