"""Who may see and do what with the pools.

- The public sees the pools, their figures and the register of grants (the public
  information of each grant: organisation, title, amount, date, pool, SDGs, areas, report
  status); never budgets, attachments or unaccepted reports.
- The council secretary (with two-factor) runs the city pools: records contributions,
  decides fast-track applications, records grants, payouts, returns and reversals.
- A local pool secretary (`LocalPoolSecretary`: a civil servant, with two-factor) does the
  same for the pools of their area.
- The applicant sees their own application (through the council's proposal rules).
- The council secretary creates and edits the city pool of a year; the council secretary
  or an administrator creates and edits the local pools (one per area and year). The
  pool's secretary manages its rounds and changes its grants.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from advisory import rules as council_rules
from advisory.models import Application, Grant, LedgerEntry, Pool, PoolRound, ProposalStatus
from portal import rules as portal_rules

S = ProposalStatus


def _local_area_ids(user) -> frozenset[int]:
    cached = getattr(user, "_pool_area_ids", None)
    if cached is None:
        cached = frozenset(user.local_pool_secretaryships.values_list("area_id", flat=True))
        user._pool_area_ids = cached
    return cached


def is_pool_secretary(user) -> bool:
    """Runs at least one pool (the city's, or a local committee area's)."""
    if not portal_rules.can_open_staff_pages(user):
        return False
    return portal_rules.is_council_secretary(user) or bool(_local_area_ids(user))


def can_manage_pool(user, pool: Pool) -> bool:
    """Record money and decisions in this pool."""
    if not portal_rules.can_open_staff_pages(user):
        return False
    if pool.area_id is None:
        return portal_rules.is_council_secretary(user)
    return pool.area_id in _local_area_ids(user)


def can_create_pool(user, *, local: bool) -> bool:
    """A city pool: the council secretary; a local pool: the council secretary or an
    administrator."""
    if not portal_rules.can_open_staff_pages(user):
        return False
    if portal_rules.is_council_secretary(user):
        return True
    return local and portal_rules.is_administrator(user)


def can_create_pools(user) -> bool:
    """May create some pool (the page with the form)."""
    return can_create_pool(user, local=True)


def can_edit_pool(user, pool: Pool) -> bool:
    """Its terms: rules, maximum grant, fast track, intake, open or closed."""
    return can_create_pool(user, local=pool.area_id is not None)


def can_manage_rounds(user, pool: Pool) -> bool:
    """Add and remove the deadlines of a pool that takes applications in rounds."""
    return can_manage_pool(user, pool)


def can_change_grant(user, grant: Grant) -> bool:
    return can_manage_pool(user, grant.pool)


def can_decide_alone(user, application: Application) -> bool:
    """The fast track: the pool's secretary decides an application up to the pool's
    fast-track limit without the council, once it is submitted or being screened."""
    return (
        can_manage_pool(user, application.pool)
        and application.is_fast_track
        and application.proposal.status in (S.SUBMITTED, S.SCREENING)
    )


def can_record_grant(user, application: Application) -> bool:
    """After a fast-track decision, or after the council recommended the application."""
    return can_manage_pool(user, application.pool)


def can_see_application(user, application: Application) -> bool:
    proposal = application.proposal
    if council_rules.can_view_proposal(user, proposal):
        return True
    return can_manage_pool(user, application.pool) and proposal.status != S.DRAFT


# Fetch and check.


def get_pool_for_management(user, pk) -> Pool:
    """404 for a pool that does not exist, 403 for one the user does not run."""
    pool = get_object_or_404(Pool.objects.select_related("area"), pk=pk)
    if not can_manage_pool(user, pool):
        raise PermissionDenied
    return pool


def get_pool_for_edit(user, pk) -> Pool:
    """404 for a pool that does not exist, 403 for one the user may not edit."""
    pool = get_object_or_404(Pool.objects.select_related("area"), pk=pk)
    if not can_edit_pool(user, pool):
        raise PermissionDenied
    return pool


def get_round_for_management(user, pool: Pool, pk) -> PoolRound:
    return get_object_or_404(PoolRound, pool=pool, pk=pk)


def get_public_grant(pk) -> Grant:
    return get_object_or_404(
        Grant.objects.public().select_related("pool__area", "application__proposal__organisation"),
        pk=pk,
    )


def get_grant_for_management(user, pool: Pool, pk) -> Grant:
    return get_object_or_404(
        Grant.objects.select_related("application__proposal"), pool=pool, pk=pk
    )


def get_entry_for_management(user, pool: Pool, pk) -> LedgerEntry:
    return get_object_or_404(LedgerEntry.objects.select_related("reverses"), pool=pool, pk=pk)


def get_application_for_decision(user, pool: Pool, pk) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("proposal", "pool"), pool=pool, pk=pk
    )
    if not can_see_application(user, application):
        raise Http404
    return application
