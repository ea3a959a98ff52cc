"""The final reports' parts of other pages: the grant's public page, the pool's management
page and the organisation's profile (which loads this library instead of importing the
pools)."""

from django import template
from django.db.models import Q
from django.utils import timezone

from advisory import pool_reports, pool_rules
from advisory.models import (
    REPORT_OWED,
    AchievedFigure,
    FinalReport,
    FinalReportStatus,
    Grant,
    GrantStatus,
    ReportStatus,
)

register = template.Library()

# The profile shows at most this many figures documented through the pools.
PROFILE_FIGURES = 30


@register.inclusion_tag("advisory/pool/_grant_report.html")
def grant_report_section(grant):
    """The report on the grant's public page: its status and, once accepted, the achieved
    figures against the expected (the text and attachments only once published). The same
    for everyone, so it is part of the page's cached public content; the grantee's and the
    secretary's link to the report is `grant_report_link`."""
    report = (
        FinalReport.objects.filter(grant=grant, status=FinalReportStatus.ACCEPTED)
        .prefetch_related("figures")
        .first()
    )
    rows, extra, attachments = [], [], []
    if report is not None:
        rows, extra = pool_reports.figures_against_expected(
            grant.application.expected_impacts.all(), report
        )
        if report.is_published:
            attachments = list(report.attachments.all())
    return {
        "grant": grant,
        "report": report,
        "rows": rows,
        "extra": extra,
        "attachments": attachments,
    }


@register.inclusion_tag("advisory/pool/_grant_report_link.html", takes_context=True)
def grant_report_link(context, grant_pk):
    """The link to the final report's page, for the grantee and the pool's secretary only
    (one query, and only for a logged-in user: a visitor's page stays query-free)."""
    user = context["request"].user
    grant = None
    if user.is_authenticated:
        grant = (
            Grant.objects.select_related("pool", "application__proposal")
            .filter(pk=grant_pk)
            .first()
        )
    return {"grant": grant if grant and pool_rules.can_see_report(user, grant) else None}


@register.inclusion_tag("advisory/pool/_reports_panel.html")
def pool_reports_panel(pool):
    """For the pool's secretary: reports waiting for a decision, and overdue reports."""
    today = timezone.localdate()
    waiting, overdue = [], []
    for grant in (
        Grant.objects.public()
        .filter(pool=pool)
        .filter(
            Q(report_status=ReportStatus.SUBMITTED)
            | Q(report_status__in=REPORT_OWED, report_due__lt=today)
        )
        .select_related("application__proposal__organisation")
        .order_by("report_due", "pk")
    ):
        (waiting if grant.report_status == ReportStatus.SUBMITTED else overdue).append(grant)
    return {"waiting": waiting, "overdue": overdue, "today": today}


@register.inclusion_tag("advisory/pool/_documented_impact.html")
def documented_impact(organisation):
    """ "Dokumenteret gennem puljen": the achieved figures of the organisation's accepted
    final reports (one query)."""
    figures = list(
        AchievedFigure.objects.filter(
            report__status=FinalReportStatus.ACCEPTED,
            report__grant__application__proposal__organisation=organisation,
        )
        .exclude(report__grant__status=GrantStatus.CANCELLED)
        .select_related("report__grant__application__proposal")
        .order_by("-report__decided_at", "report_id", "expected_id", "pk")[:PROFILE_FIGURES]
    )
    return {"figures": figures}
