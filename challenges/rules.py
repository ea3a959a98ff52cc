"""Who may see and change a challenge and its responses: the one place for these checks.

Managing a challenge (edit, change status, see drafts and history, decide on responses)
belongs to the civil servants of its owner and co-owner administrations, behind two-factor
authentication; the portal's administrators may also correct and change the status of any
challenge (moderation, through the Django admin). A response is seen by the members of the
organisation that gave it and by those who manage the challenge; its members may edit and
withdraw it until the owners shortlist it, and both sides write while it is open and after
it is accepted.

The views check these predicates (through the fetch-and-check getters) and so do the
services, with the acting user: no view, admin action, task or later API skips a check.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from challenges.models import RESPONSE_ACTIONS, Challenge, ChallengeQuerySet, Response
from organisations.models import MembershipRole, Organisation, OrganisationMembership
from portal import rules as portal_rules
from portal.models import Administration, User
from solutions.models import Solution

# The session's user, or the anonymous visitor.
AnyUser = User | AnonymousUser


def _managed_administration_ids(user: AnyUser) -> frozenset[int]:
    if not portal_rules.can_open_staff_pages(user):
        return frozenset()
    return portal_rules.administration_ids(user)


def can_create(user: AnyUser) -> bool:
    """Civil servants (with two-factor) post challenges for their administrations."""
    return bool(_managed_administration_ids(user))


def can_create_for(user: AnyUser, owner: Administration) -> bool:
    return owner.pk in _managed_administration_ids(user)


def can_moderate(user: AnyUser) -> bool:
    """The portal's administrators correct any challenge (in the Django admin)."""
    return portal_rules.can_open_admin(user)


def can_manage(user: AnyUser, challenge: Challenge) -> bool:
    administrations = _managed_administration_ids(user)
    if not administrations:
        return False
    if challenge.owner_id in administrations:
        return True
    return any(a.pk in administrations for a in challenge.co_owners.all())


def can_edit(user: AnyUser, challenge: Challenge) -> bool:
    return can_manage(user, challenge) or can_moderate(user)


def can_change_status(user: AnyUser, challenge: Challenge) -> bool:
    return can_manage(user, challenge) or can_moderate(user)


def can_view(user: AnyUser, challenge: Challenge) -> bool:
    return challenge.is_public or can_manage(user, challenge)


def visible_to(user: AnyUser) -> ChallengeQuerySet:
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


def managed_by(user: AnyUser) -> ChallengeQuerySet:
    return Challenge.objects.owned_by_any_of(_managed_administration_ids(user))


def get_challenge_for_view(user: AnyUser, pk: int) -> Challenge:
    challenge = get_object_or_404(
        Challenge.objects.select_related("owner", "contact_person")
        .prefetch_related("co_owners", "districts", "sdgs")
        .defer("search_vector"),
        pk=pk,
    )
    if not can_view(user, challenge):
        raise Http404
    return challenge


def get_challenge_for_change(user: AnyUser, pk: int) -> Challenge:
    """404 for what the user may not see (drafts), 403 for a public one the user may not change."""
    challenge = get_challenge_for_view(user, pk)
    if not can_manage(user, challenge):
        raise PermissionDenied
    return challenge


# Responses


def organisations_that_may_respond(user: AnyUser, challenge: Challenge):
    """The user's organisations that have not yet responded to an open challenge."""
    if not user.is_authenticated or not challenge.is_open_for_responses:
        return Organisation.objects.none()
    return (
        Organisation.objects.for_member(user)
        .exclude(challenge_responses__challenge=challenge)
        .order_by("name", "pk")
    )


def can_respond(user: AnyUser, challenge: Challenge) -> bool:
    return organisations_that_may_respond(user, challenge).exists()


def can_respond_for(user: AnyUser, organisation: Organisation) -> bool:
    """Only a member answers on behalf of an organisation."""
    return (
        user.is_authenticated
        and OrganisationMembership.objects.filter(user=user, organisation=organisation).exists()
    )


def preferred_organisation(
    user: AnyUser, organisations: Iterable[Organisation]
) -> Organisation | None:
    """The organisation the response form proposes: the first (by name) of those where the
    user administers the profile, else the first. `organisations` is the form's list."""
    organisations = list(organisations)
    if not organisations or not user.is_authenticated:
        return None
    administered = set(
        OrganisationMembership.objects.filter(
            user=user,
            role=MembershipRole.ADMIN,
            organisation_id__in=[o.pk for o in organisations],
        ).values_list("organisation_id", flat=True)
    )
    return next((o for o in organisations if o.pk in administered), organisations[0])


def solutions_to_point_at(organisations: Iterable[Organisation | int]) -> QuerySet[Solution]:
    """The solutions a response on behalf of these organisations may point at: their
    published ones (by organisation, then title)."""
    return (
        Solution.objects.published()
        .filter(organisation__in=organisations)
        .select_related("organisation")
        .only("pk", "title", "status", "organisation", "organisation__name")
        .order_by("organisation__name", "organisation_id", "title", "pk")
    )


def may_point_at(organisation: Organisation, solution: Solution) -> bool:
    """A response points only at a published solution of the organisation that responds."""
    return solution.organisation_id == organisation.pk and solution.is_public


def is_member_of_responding_organisation(user: AnyUser, response: Response) -> bool:
    return (
        user.is_authenticated
        and OrganisationMembership.objects.filter(
            user=user, organisation_id=response.organisation_id
        ).exists()
    )


def can_view_response(user: AnyUser, response: Response) -> bool:
    return is_member_of_responding_organisation(user, response) or can_manage(
        user, response.challenge
    )


def can_decide_response(user: AnyUser, response: Response) -> bool:
    return can_manage(user, response.challenge)


def can_make_response_transition(user: AnyUser, response: Response, to_status: str) -> bool:
    """Each move belongs to one side: withdrawing to the organisation, the rest to the owners.
    Whether the move is legal from the current status is the transition table's business."""
    action = RESPONSE_ACTIONS.get(to_status)
    if action is not None and action.by_organisation:
        return is_member_of_responding_organisation(user, response)
    return can_decide_response(user, response)


def can_edit_response(user: AnyUser, response: Response) -> bool:
    return response.is_editable and is_member_of_responding_organisation(user, response)


def can_post_response_message(user: AnyUser, response: Response) -> bool:
    return response.accepts_messages and can_view_response(user, response)


def get_response_for_view(user: AnyUser, pk: int) -> Response:
    response = get_object_or_404(
        Response.objects.select_related(
            "challenge",
            "challenge__owner",
            "challenge__contact_person",
            "organisation",
            "submitted_by",
            "solution",
        ),
        pk=pk,
    )
    if not can_view_response(user, response):
        raise Http404
    return response


def get_response_for_decision(user: AnyUser, pk: int) -> Response:
    """404 for a response the user may not see, 403 for one the user may see but not decide."""
    response = get_response_for_view(user, pk)
    if not can_decide_response(user, response):
        raise PermissionDenied
    return response


def get_response_of_organisation(user: AnyUser, pk: int) -> Response:
    """For the organisation's own changes (edit, withdraw): 404 for a response the user may
    not see, 403 for the owners, who see it but may not change it."""
    response = get_response_for_view(user, pk)
    if not is_member_of_responding_organisation(user, response):
        raise PermissionDenied
    return response
