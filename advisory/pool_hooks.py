"""How the pools take part in the portal's shared pages: the pool secretaries' staff
links (wrapped around the council's `staff_links` at the end of advisory/hooks.py) and
the work overview's final reports (`pool_parts`, wrapped around the council's
`work_overview` the same way)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory import pool_rules
from advisory.models import REPORT_OWED, Application, Grant, GrantStatus, Pool, ReportStatus
from portal import rules as portal_rules
from portal.hooks import Link, Part


def pool_links(user) -> list[Link]:
    links = []
    if pool_rules.can_create_pools(user):
        links.append(
            Link(reverse("pool:pools"), _("Pools"), _("create pools and edit their terms"))
        )
    if not pool_rules.is_pool_secretary(user):
        return links
    for pool in Pool.objects.open().select_related("area"):
        if not pool_rules.can_manage_pool(user, pool):
            continue
        awaiting = Application.objects.filter(
            Q(proposal__status__in=("submitted", "screening")),
            pool=pool,
            amount__lte=pool.fast_track_limit,
        ).count()
        links.append(
            Link(
                reverse("pool:manage", args=[pool.pk]),
                str(pool),
                _("record contributions and payouts, decide fast-track applications"),
                awaiting,
            )
        )
    return links


def with_pool_links(staff_links):
    def links(user) -> list[Link]:
        return staff_links(user) + pool_links(user)

    return links


def export_user_data(user) -> dict:
    """The pools' records that name the user: money they booked, grants they decided, the
    areas whose pools they run."""
    from advisory.models import Grant, LedgerEntry, LocalPoolSecretary, PoolEvent

    return {
        "pool_ledger_entries_booked": [
            {
                "pool": str(entry.pool),
                "kind": entry.kind,
                "amount_ore": entry.amount,
                "reason": entry.reason,
                "booked_on": entry.booked_on.isoformat(),
            }
            for entry in LedgerEntry.objects.filter(actor=user).select_related("pool__area")
        ],
        "pool_grants_decided": [
            {"grant": str(grant), "amount_ore": grant.amount, "on": grant.decided_on.isoformat()}
            for grant in Grant.objects.filter(decided_by=user).select_related(
                "application__proposal"
            )
        ],
        **_report_data(user),
        "pool_changes_made": [
            {
                "pool": str(event.pool),
                "kind": event.kind,
                "changes": event.changes,
                "at": event.created_at.isoformat(),
            }
            for event in PoolEvent.objects.filter(actor=user).select_related("pool__area")
        ],
        "local_pool_secretary_of": [
            secretaryship.area.name
            for secretaryship in LocalPoolSecretary.objects.filter(user=user).select_related("area")
        ],
    }


def _report_data(user) -> dict:
    """Final reports the user submitted or decided, their steps and their uploads."""
    from advisory.models import FinalReport, ReportAttachment, ReportEvent

    def report(row):
        return {"grant": str(row.grant), "status": row.status, "what_was_done": row.what_was_done}

    reports = FinalReport.objects.select_related("grant__application__proposal")
    return {
        "pool_reports_submitted": [report(r) for r in reports.filter(submitted_by=user)],
        "pool_reports_decided": [report(r) for r in reports.filter(decided_by=user)],
        "pool_report_steps": [
            {
                "grant": str(event.report.grant),
                "to_status": event.to_status,
                "body": event.body,
                "at": event.created_at.isoformat(),
            }
            for event in ReportEvent.objects.filter(actor=user).select_related(
                "report__grant__application__proposal"
            )
        ],
        "pool_report_attachments_uploaded": [
            {"grant": str(a.report.grant), "file_name": a.original_name, "size": a.size}
            for a in ReportAttachment.objects.filter(uploaded_by=user).select_related(
                "report__grant__application__proposal"
            )
        ],
    }


def before_user_delete(user) -> None:
    """The ledger is immutable and names who booked each movement of money, so an account
    that booked money is kept (it can be deactivated instead)."""
    from django.core.exceptions import ValidationError

    from advisory.models import LedgerEntry

    if LedgerEntry.objects.filter(actor=user).exists():
        raise ValidationError(
            _(
                "You have booked money in a pool's ledger, which must keep who booked each "
                "entry. Ask the portal's administrators to deactivate your account instead."
            ),
            code="ledger_actor",
        )


def _managed_pools(user):
    """The pools the user runs, as a filter (None when they run none)."""
    if not pool_rules.is_pool_secretary(user):
        return None
    condition = Q(area_id__in=pool_rules._local_area_ids(user))
    if portal_rules.is_council_secretary(user):
        condition |= Q(area__isnull=True)
    return condition


def _secretary_part(user) -> Part | None:
    condition = _managed_pools(user)
    if condition is None:
        return None
    today = timezone.localdate()
    live = ~Q(grants__status=GrantStatus.CANCELLED)
    pools = [
        pool
        for pool in Pool.objects.filter(condition)
        .select_related("area")
        .annotate(
            waiting=Count("grants", filter=live & Q(grants__report_status=ReportStatus.SUBMITTED)),
            overdue=Count(
                "grants",
                filter=live
                & Q(grants__report_status__in=REPORT_OWED, grants__report_due__lt=today),
            ),
        )
        .order_by("-year", "area__name_da", "pk")
        if pool.waiting or pool.overdue
    ]
    if not pools:
        return None
    return Part(
        key="pool_reports",
        heading=_("Final reports in your pools"),
        template="advisory/pool/overview_reports.html",
        context={"pools": pools},
        order=25,
    )


def _grantee_part(user) -> Part | None:
    grants = list(
        Grant.objects.public()
        .filter(
            Q(application__proposal__submitter=user)
            | Q(
                application__proposal__organisation__in=user.organisation_memberships.values(
                    "organisation_id"
                )
            )
        )
        .exclude(report_status=ReportStatus.ACCEPTED)
        .select_related("application__proposal")
        .order_by("report_due", "pk")[:20]
    )
    if not grants:
        return None
    return Part(
        key="pool_grants",
        heading=_("Your grants' final reports"),
        template="advisory/pool/overview_grants.html",
        context={"grants": grants, "today": timezone.localdate()},
        order=30,
    )


def with_pool_parts(work_overview):
    """The council's work overview parts, then the pools' (advisory/hooks.py)."""

    def parts(request) -> list[Part]:
        return work_overview(request) + pool_parts(request)

    return parts


def pool_parts(request) -> list[Part]:
    """The pool's secretary: reports waiting and overdue per pool; a grantee: the final
    reports they owe (one query each)."""
    user = request.user
    if not user.is_authenticated:
        return []
    return [part for part in (_secretary_part(user), _grantee_part(user)) if part is not None]
