"""Who may see and change a challenge and its responses: the one place for these checks.

Managing a challenge (edit, change status, see drafts and history, decide on responses)
belongs to the civil servants of its owner and co-owner administrations, behind two-factor
authentication. A response is seen by the members of the organisation that gave it and
by those who manage the challenge.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from challenges.models import Challenge, Response
from organisations.models import Organisation, OrganisationMembership
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
    challenge = get_object_or_404(
        Challenge.objects.select_related("owner", "contact_person")
        .prefetch_related("co_owners", "districts", "sdgs")
        .defer("search_vector"),
        pk=pk,
    )
    if not can_view(user, challenge):
        raise Http404
    return challenge


def get_challenge_for_change(user, pk) -> Challenge:
    """404 for what the user may not see (drafts), 403 for a public one the user may not change."""
    challenge = get_challenge_for_view(user, pk)
    if not can_manage(user, challenge):
        raise PermissionDenied
    return challenge


# Responses


def organisations_that_may_respond(user, challenge: Challenge):
    """The user's organisations that have not yet responded to an open challenge."""
    if not user.is_authenticated or not challenge.is_open_for_responses:
        return Organisation.objects.none()
    return (
        Organisation.objects.for_member(user)
        .exclude(challenge_responses__challenge=challenge)
        .order_by("name", "pk")
    )


def can_respond(user, challenge: Challenge) -> bool:
    return organisations_that_may_respond(user, challenge).exists()


def is_member_of_responding_organisation(user, response: Response) -> bool:
    return (
        user.is_authenticated
        and OrganisationMembership.objects.filter(
            user=user, organisation_id=response.organisation_id
        ).exists()
    )


def can_view_response(user, response: Response) -> bool:
    return is_member_of_responding_organisation(user, response) or can_manage(
        user, response.challenge
    )


def can_decide_response(user, response: Response) -> bool:
    return can_manage(user, response.challenge)


def can_post_response_message(user, response: Response) -> bool:
    return response.accepts_messages and can_view_response(user, response)


def get_response_for_view(user, pk) -> Response:
    response = get_object_or_404(
        Response.objects.select_related(
            "challenge", "challenge__owner", "challenge__contact_person", "organisation"
        ),
        pk=pk,
    )
    if not can_view_response(user, response):
        raise Http404
    return response


def get_response_for_decision(user, pk) -> Response:
    """404 for a response the user may not see, 403 for one the user may see but not decide."""
    response = get_response_for_view(user, pk)
    if not can_decide_response(user, response):
        raise PermissionDenied
    return response
