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
from advisory.models import (
    COUNCIL_STATUSES,
    Application,
    FinalReportStatus,
    Grant,
    GrantStatus,
    LedgerEntry,
    Pool,
    PoolRound,
    ProposalAttachment,
    ProposalStatus,
    ReportAttachment,
)
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


# Final reports and attachments.
#
# The grantee is the application's submitter and every member of the organisation it was
# made for. The pool's secretary accepts a report or asks for more. Reports are private
# until accepted; then their figures are public, and their text and attachments once the
# secretary publishes the report.


def _organisation_ids(user) -> frozenset[int]:
    cached = getattr(user, "_pool_organisation_ids", None)
    if cached is None:
        cached = frozenset(user.organisation_memberships.values_list("organisation_id", flat=True))
        user._pool_organisation_ids = cached
    return cached


def is_applicant(user, proposal) -> bool:
    """The submitter of a pool application or a member of its organisation."""
    if not (user.is_authenticated and user.is_active):
        return False
    if proposal.submitter_id == user.pk:
        return True
    return proposal.organisation_id is not None and proposal.organisation_id in (
        _organisation_ids(user)
    )


def is_grantee(user, grant: Grant) -> bool:
    return is_applicant(user, grant.application.proposal)


def can_see_report(user, grant: Grant) -> bool:
    if grant.status == GrantStatus.CANCELLED:
        return False
    return is_grantee(user, grant) or can_manage_pool(user, grant.pool)


def can_write_report(user, grant: Grant, report=None) -> bool:
    """The grantee writes, and submits, a report that is new, a draft or asked to be
    completed."""
    if grant.status == GrantStatus.CANCELLED or not is_grantee(user, grant):
        return False
    return report is None or report.pk is None or report.is_editable


def can_decide_report(user, report) -> bool:
    return (
        report.status == FinalReportStatus.SUBMITTED
        and report.grant.status != GrantStatus.CANCELLED
        and can_manage_pool(user, report.grant.pool)
    )


def can_publish_report(user, report) -> bool:
    return report.status == FinalReportStatus.ACCEPTED and can_manage_pool(user, report.grant.pool)


def can_see_report_attachments(user, report) -> bool:
    if report.is_published and report.status == FinalReportStatus.ACCEPTED:
        return True
    return can_see_report(user, report.grant)


def can_see_application_attachments(user, application: Application) -> bool:
    """An application's attachments (its budget among them) are never public: the
    applicant, the pool's secretary, and for an application that goes to the council (not
    on the fast track) the council's secretary and its members without a conflict of
    interest once it is in review."""
    proposal = application.proposal
    if is_applicant(user, proposal):
        return True
    if proposal.status == S.DRAFT:
        return False
    if can_manage_pool(user, application.pool):
        return True
    if application.is_fast_track:
        return False
    if council_rules.is_secretary(user):
        return True
    return (
        council_rules.is_member(user)
        and proposal.status in COUNCIL_STATUSES
        and not council_rules.has_conflict(user, proposal)
    )


def get_grant_for_report(user, pk) -> Grant:
    """404 unless the user is the grantee or the pool's secretary."""
    grant = get_object_or_404(
        Grant.objects.select_related("pool__area", "application__proposal__organisation"), pk=pk
    )
    if not can_see_report(user, grant):
        raise Http404
    return grant


def get_report_attachment(user, grant_pk, pk) -> ReportAttachment:
    attachment = get_object_or_404(
        ReportAttachment.objects.select_related(
            "report__grant__pool", "report__grant__application__proposal"
        ),
        report__grant_id=grant_pk,
        pk=pk,
    )
    if not can_see_report_attachments(user, attachment.report):
        raise Http404
    return attachment


def get_application_attachment(user, application_pk, pk) -> ProposalAttachment:
    application = get_object_or_404(
        Application.objects.select_related("proposal", "pool"), pk=application_pk
    )
    if not can_see_application_attachments(user, application):
        raise Http404
    return get_object_or_404(ProposalAttachment, proposal_id=application.proposal_id, pk=pk)
