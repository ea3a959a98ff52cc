"""Matchmaking's part of the work overview (portal.hooks)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from challenges import rules as challenge_rules
from challenges.models import Challenge
from matching import rules
from matching.models import Invitation, OverviewVisit, Suggestion
from matching.selectors import SHOWN
from portal.hooks import Part


def _fitting_challenges(user) -> list[Suggestion]:
    """Open challenges suggested for the solutions of the user's organisations."""
    return list(
        Suggestion.objects.filter(
            solution__organisation__memberships__user=user,
            solution__status="published",
            challenge__status="published",
            challenge__deadline__gte=timezone.localdate(),
            dismissed_at__isnull=True,
        )
        .select_related("challenge__owner", "solution")
        .order_by("-score", "pk")[:SHOWN]
    )


def _suggested_solutions(user) -> list[Suggestion]:
    """Solutions suggested for the open challenges of the user's administrations."""
    administration_ids = challenge_rules._managed_administration_ids(user)
    if not administration_ids:
        return []
    return list(
        Suggestion.objects.filter(
            challenge__in=Challenge.objects.owned_by_any_of(
                administration_ids
            ).open_for_responses(),
            solution__status="published",
            dismissed_at__isnull=True,
        )
        .select_related("challenge", "solution__organisation")
        .order_by("-score", "pk")[:SHOWN]
    )


def _suggestion_parts(user) -> list[Part]:
    parts = []
    fitting = _fitting_challenges(user)
    if fitting:
        parts.append(
            Part(
                key="fitting_challenges",
                heading=_("Open challenges that fit your solutions"),
                template="matching/includes/overview_suggestions.html",
                context={"rows": [(s, s.challenge, s.solution) for s in fitting]},
                order=12,
            )
        )
    suggested = _suggested_solutions(user)
    if suggested:
        parts.append(
            Part(
                key="suggested_solutions",
                heading=_("Suggested solutions for your open challenges"),
                template="matching/includes/overview_suggestions.html",
                context={"rows": [(s, s.solution, s.challenge) for s in suggested]},
                order=25,
            )
        )
    return parts


def work_overview(request) -> list[Part]:
    """Invitations the user's organisations received, the open challenges that fit their
    solutions, and solutions suggested for a civil servant's open challenges (one query
    each)."""
    user = request.user
    suggestion_parts = _suggestion_parts(user)
    invitations = list(
        rules.invitations_for(user)
        .select_related("challenge__owner", "organisation", "solution")
        .order_by("-created_at", "-pk")[:20]
    )
    if not invitations:
        return suggestion_parts
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
        ),
        *suggestion_parts,
    ]


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_user_data(user) -> dict:
    """Invitations the user sent, suggestions they dismissed, their last overview visit."""
    visit = OverviewVisit.objects.filter(user=user).first()
    return {
        "matching": {
            "invitations_sent": [
                {
                    "challenge": i.challenge.title,
                    "organisation": i.organisation.name,
                    "created_at": _when(i.created_at),
                }
                for i in Invitation.objects.filter(invited_by=user).select_related(
                    "challenge", "organisation"
                )
            ],
            "dismissed_suggestions": [
                {
                    "challenge": s.challenge.title,
                    "solution": s.solution.title,
                    "dismissed_at": _when(s.dismissed_at),
                }
                for s in Suggestion.objects.filter(dismissed_by=user).select_related(
                    "challenge", "solution"
                )
            ],
            "work_overview_last_seen_at": _when(visit.last_seen_at) if visit else None,
        }
    }
