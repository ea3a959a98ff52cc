"""Reads of matchmaking: a page's suggestions in one query, their reasons in words."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from matching.models import Invitation, Suggestion
from portal.vocabulary import Collaboration, TargetGroup

SHOWN = 5


def for_challenge(challenge) -> list[Suggestion]:
    """The best published solutions for the challenge, not dismissed (one query)."""
    return list(
        Suggestion.objects.filter(
            challenge=challenge, dismissed_at__isnull=True, solution__status="published"
        )
        .select_related("solution__organisation")
        .order_by("-score", "solution_id")[:SHOWN]
    )


def for_solution(solution) -> list[Suggestion]:
    """The best open challenges for the solution (one query)."""
    return list(
        Suggestion.objects.filter(
            solution=solution,
            dismissed_at__isnull=True,
            challenge__status="published",
            challenge__deadline__gte=timezone.localdate(),
        )
        .select_related("challenge__owner")
        .order_by("-score", "challenge_id")[:SHOWN]
    )


def invited_organisation_ids(challenge) -> set[int]:
    return set(
        Invitation.objects.filter(challenge=challenge).values_list("organisation_id", flat=True)
    )


@dataclass(frozen=True)
class Reason:
    label: str
    text: str


def _name(entry: dict) -> str:
    return entry["en"] if (get_language() or "da").startswith("en") else entry["da"]


def reasons_in_words(reasons: dict) -> list[Reason]:
    """ "Fælles verdensmål: 3 Sundhed og trivsel", "Samme område: Nørrebro", …"""
    groups = dict(TargetGroup.choices)
    kinds = dict(Collaboration.choices)
    found = [
        (_("Shared goals"), [f"{g['number']} {_name(g)}" for g in reasons.get("sdgs", [])]),
        (_("Same area"), [_name(d) for d in reasons.get("districts", [])]),
        (
            _("Same target group"),
            [str(groups.get(g, g)).lower() for g in reasons.get("target_groups", [])],
        ),
        (
            _("Collaboration"),
            [str(kinds.get(k, k)) for k in reasons.get("collaborations", [])],
        ),
        (_("Shared words"), list(reasons.get("words", []))),
    ]
    return [Reason(label, ", ".join(values)) for label, values in found if values]
