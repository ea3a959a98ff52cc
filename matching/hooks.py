"""Matchmaking's part of the work overview (portal.hooks)."""

from django.utils.translation import gettext_lazy as _

from matching import rules
from matching.models import Invitation
from portal.hooks import Part


def work_overview(request) -> list[Part]:
    """The invitations the user's organisations received (one query)."""
    user = request.user
    invitations = list(
        rules.invitations_for(user)
        .select_related("challenge__owner", "organisation", "solution")
        .order_by("-created_at", "-pk")[:20]
    )
    if not invitations:
        return []
    since = getattr(request, "work_overview_since", None)
    return [
        Part(
            key="invitations",
            heading=_("Invitations to respond"),
            template="matching/includes/overview_invitations.html",
            context={
                "invitations": [(i, since is None or i.created_at > since) for i in invitations]
            },
            order=10,
        )
    ]


def export_user_data(user) -> dict:
    return {
        "matching_invitations_sent": list(
            Invitation.objects.filter(invited_by=user).values(
                "challenge_id", "organisation_id", "created_at"
            )
        )
    }
