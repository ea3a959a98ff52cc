"""Who may see and change a challenge: the one place for these checks.

Managing a challenge (edit, change status, see drafts and history) belongs to the civil
servants of its owner and co-owner administrations, behind two-factor authentication.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from challenges.models import Challenge
from portal import rules as portal_rules


def _managed_administration_ids(user) -> frozenset[int]:
    if not portal_rules.can_open_staff_pages(user):
        return frozenset()
    return portal_rules.administration_ids(user)


def can_create(user) -> bool:
    return bool(_managed_administration_ids(user))


def can_manage(user, challenge: Challenge) -> bool:
    administrations = _managed_administration_ids(user)
    if not administrations:
        return False
    if challenge.owner_id in administrations:
        return True
    return any(a.pk in administrations for a in challenge.co_owners.all())


def can_view(user, challenge: Challenge) -> bool:
    return challenge.is_public or can_manage(user, challenge)


def visible_to(user):
    """Challenges the user may open: the public ones and those the user manages."""
    public = Challenge.objects.published()
    administrations = _managed_administration_ids(user)
    if not administrations:
        return public
    return Challenge.objects.filter(
        pk__in=public.values("pk").union(
            Challenge.objects.owned_by_any_of(administrations).values("pk")
        )
    )


def managed_by(user):
    return Challenge.objects.owned_by_any_of(_managed_administration_ids(user))


def get_challenge_for_view(user, pk) -> Challenge:
    challenge = get_object_or_404(Challenge.objects.select_related("owner"), pk=pk)
    if not can_view(user, challenge):
        raise Http404
    return challenge


def get_challenge_for_change(user, pk) -> Challenge:
    """404 for what the user may not see (drafts), 403 for a public one the user may not change."""
    challenge = get_challenge_for_view(user, pk)
    if not can_manage(user, challenge):
        raise PermissionDenied
    return challenge
