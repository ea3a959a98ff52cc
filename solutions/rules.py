"""Who may see and change a solution: the one place for these checks.

Every member of the organisation (member or administrator of its profile) writes, edits,
publishes and archives its solutions; nobody else does, not even the portal's
administrators (they moderate through the organisation). A published solution is public;
a draft or an archived one is seen only by the organisation's members: for everyone else
it does not exist (404).
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.models import Organisation
from portal import rules as portal_rules
from portal.models import User
from solutions.models import Solution

AnyUser = User | AnonymousUser


def member_organisation_ids(user: AnyUser) -> frozenset[int]:
    """The organisations the user is a member of, read once per request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    return portal_rules._per_request(
        user,
        "_solutions_organisation_ids",
        lambda: frozenset(Organisation.objects.for_member(user).values_list("pk", flat=True)),
    )


def is_member(user: AnyUser, organisation: Organisation | int) -> bool:
    organisation_id = getattr(organisation, "pk", organisation)
    return organisation_id in member_organisation_ids(user)


def can_create(user: AnyUser) -> bool:
    return bool(member_organisation_ids(user))


def can_create_for(user: AnyUser, organisation: Organisation) -> bool:
    return is_member(user, organisation)


def can_manage(user: AnyUser, solution: Solution) -> bool:
    return is_member(user, solution.organisation_id)


def can_view(user: AnyUser, solution: Solution) -> bool:
    return solution.is_public or can_manage(user, solution)


def can_change_status(user: AnyUser, solution: Solution, to_status: str) -> bool:
    return can_manage(user, solution) and to_status in solution.allowed_transitions()


def organisations_for_new_solution(user: AnyUser) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=member_organisation_ids(user)).order_by("name")


def managed_by(user: AnyUser) -> QuerySet[Solution]:
    """Every solution the user may change, in any status."""
    return Solution.objects.filter(organisation_id__in=member_organisation_ids(user))


def get_solution_for_view(user: AnyUser, pk: int) -> Solution:
    solution = get_object_or_404(
        Solution.objects.select_related("organisation").defer("search_vector"), pk=pk
    )
    if not can_view(user, solution):
        raise Http404
    return solution


def get_solution_for_change(user: AnyUser, pk: int) -> Solution:
    """404 for what the user may not see (drafts, archived), 403 for a published solution
    the user may see but not change."""
    solution = get_solution_for_view(user, pk)
    if not can_manage(user, solution):
        raise PermissionDenied
    return solution
