"""Who may act on a suggestion and see an invitation.

A suggestion is public where both its challenge and its solution are public; acting on it
(inviting, dismissing) belongs to those who manage the challenge (challenges.rules). An
invitation is seen by the members of the invited organisation and the challenge's owners.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from challenges import rules as challenge_rules
from matching.models import Invitation, Suggestion
from portal.models import User
from solutions import rules as solution_rules

AnyUser = challenge_rules.AnyUser


def can_act_on(user: AnyUser, suggestion: Suggestion) -> bool:
    """Invite or dismiss: the challenge's owners."""
    return challenge_rules.can_manage(user, suggestion.challenge)


def get_suggestion_for_action(user: AnyUser, pk: int) -> Suggestion:
    """404 for a suggestion the user cannot see (a draft on either side, a dismissed one);
    403 for a visible one the user may not act on."""
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("challenge", "solution__organisation").filter(
            dismissed_at__isnull=True
        ),
        pk=pk,
    )
    if not (
        challenge_rules.can_view(user, suggestion.challenge)
        and solution_rules.can_view(user, suggestion.solution)
    ):
        raise Http404
    if not can_act_on(user, suggestion):
        raise PermissionDenied
    return suggestion


def invitations_for(user: AnyUser) -> QuerySet[Invitation]:
    """The invitations of the organisations the user is a member of."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    return Invitation.objects.filter(organisation__memberships__user=user)


def is_member_of_invited(user: User, invitation: Invitation) -> bool:
    return invitations_for(user).filter(pk=invitation.pk).exists()
