"""The organisations app's part in what the portal does for every app (see portal/hooks.py)."""

from typing import Any

from django.utils.translation import gettext as _

from organisations import services
from organisations.models import OrganisationInvitation
from portal.hooks import Part
from portal.models import User


def export_user_data(user: User) -> dict[str, Any]:
    memberships = user.organisation_memberships.select_related("organisation").order_by("pk")
    sent = OrganisationInvitation.objects.filter(invited_by=user).select_related("organisation")
    received = OrganisationInvitation.objects.filter(email__iexact=user.email).select_related(
        "organisation"
    )
    return {
        "organisations": [
            {
                "organisation": membership.organisation.name,
                "cvr": membership.organisation.cvr,
                "role": membership.role,
                "named_as_contact_on_the_profile": membership.is_public_contact,
                "joined": membership.created_at.isoformat(),
            }
            for membership in memberships
        ],
        "organisation_invitations_sent": [_invitation(i) for i in sent.order_by("pk")],
        "organisation_invitations_received": [_invitation(i) for i in received.order_by("pk")],
    }


def _invitation(invitation: OrganisationInvitation) -> dict[str, Any]:
    return {
        "organisation": invitation.organisation.name,
        "email": invitation.email,
        "sent": invitation.created_at.isoformat(),
        "accepted": invitation.accepted_at.isoformat() if invitation.accepted_at else None,
        "revoked": invitation.revoked_at.isoformat() if invitation.revoked_at else None,
    }


def before_user_delete(user: User) -> None:
    services.memberships_hand_over(leaving=user)


def profile_parts(user: User) -> list[Part]:
    memberships = user.organisation_memberships.select_related("organisation").order_by(
        "organisation__name", "pk"
    )
    return [
        Part(
            key="organisations",
            heading=_("Organisations"),
            template="organisations/includes/profile_part.html",
            context={"memberships": memberships},
            order=10,
        )
    ]


def work_overview(request) -> list[Part]:
    """The user's organisations (one query)."""
    memberships = list(
        request.user.organisation_memberships.select_related("organisation").order_by(
            "organisation__name", "pk"
        )
    )
    return [
        Part(
            key="organisations",
            heading=_("Your organisations"),
            template="organisations/includes/profile_part.html",
            context={"memberships": memberships},
            order=5,
        )
    ]
