"""Final reports of the pools' grants. Each change is one function: it locks the grant's
row (so two saves of one report queue up), checks through `advisory.pool_rules` that the
actor may do it and through `REPORT_TRANSITIONS` that the status may follow, writes the
report's history (`ReportEvent`), keeps `Grant.report_status` in step and queues the
e-mails, all in one transaction.

`Grant.report_status` is the public summary of the report and is written only here
(`_sync_grant`): accepted, submitted or more asked for follow the report; otherwise the
report is overdue after its due date and not yet due before it. The daily task
`send_report_reminders` moves grants to overdue and sends each reminder once."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory import pool_rules
from advisory.models import (
    MAX_REPORT_ATTACHMENTS,
    REPORT_TRANSITIONS,
    AchievedFigure,
    FinalReport,
    FinalReportStatus,
    Grant,
    Pool,
    ReportAttachment,
    ReportEvent,
    ReportReminder,
    ReportStatus,
)
from advisory.services import email_users, secretaries
from organisations.models import MembershipRole
from portal.mail import PageLink
from portal.models import User
from portal.transitions import check_transition
from portal.workdays import working_days_between

FR = FinalReportStatus
# The first reminder goes out this many working days before the report is due; then one
# the day after the due date and one a week for the following weeks, at most this many.
REMINDER_WORKING_DAYS_BEFORE = 10
WEEKLY_REMINDERS_AFTER = 12


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@dataclass
class ReportContent:
    """What the grantee writes: the text, an achieved figure per expected impact (by the
    expected impact's id), extra lines of their own and new attachments."""

    what_was_done: str
    achieved: dict[int, Decimal] = field(default_factory=dict)
    extra: list[tuple[str, Decimal, str]] = field(default_factory=list)
    attachments: list = field(default_factory=list)


# Who hears about it.


def pool_secretaries(pool: Pool):
    """The people who run the pool: the council's secretaries for the city pool, the area's
    local pool secretaries for a local pool."""
    if pool.area_id is None:
        return secretaries()
    return User.objects.filter(
        is_active=True, local_pool_secretaryships__area_id=pool.area_id
    ).order_by("email")


def grantees(grant: Grant) -> list[User]:
    """Who is told about the report: the application's submitter and the organisation's
    administrators."""
    proposal = grant.application.proposal
    people = {}
    if proposal.submitter is not None and proposal.submitter.is_active:
        people[proposal.submitter.pk] = proposal.submitter
    if proposal.organisation_id is not None:
        for user in User.objects.filter(
            is_active=True,
            organisation_memberships__organisation_id=proposal.organisation_id,
            organisation_memberships__role=MembershipRole.ADMIN,
        ):
            people[user.pk] = user
    return list(people.values())


def figures_against_expected(expected, report) -> tuple[list[tuple], list]:
    """Each expected impact beside the report's achieved figure for it (None where the
    report has none), and the report's extra figures that no expected impact names."""
    achieved = {}
    extra = []
    for figure in report.figures.all() if report else ():
        if figure.expected_id is None:
            extra.append(figure)
        else:
            achieved[figure.expected_id] = figure
    return [(impact, achieved.get(impact.pk)) for impact in expected], extra


def _email(users, kind: str, grant: Grant, **context) -> None:
    email_users(
        users,
        kind,
        {
            "grant": grant,
            "title": str(grant),
            "link": PageLink("pool:report", [grant.pk]),
            **context,
        },
    )


# Keeping the grant's summary in step.


def grant_report_status(grant: Grant, report: FinalReport | None, today: date) -> str:
    """The one computation of `Grant.report_status`."""
    if report is not None and report.status == FR.ACCEPTED:
        return ReportStatus.ACCEPTED
    if report is not None and report.status == FR.SUBMITTED:
        return ReportStatus.SUBMITTED
    if report is not None and report.status == FR.MORE_ASKED:
        return ReportStatus.MORE_ASKED
    return ReportStatus.OVERDUE if grant.report_due < today else ReportStatus.NOT_DUE


def _sync_grant(grant: Grant, report: FinalReport | None) -> None:
    status = grant_report_status(grant, report, timezone.localdate())
    if grant.report_status != status:
        grant.report_status = status
        grant.save(update_fields=["report_status"])


@transaction.atomic
def report_status_sync(*, grant: Grant) -> Grant:
    """Bring `Grant.report_status` in step after something else changed the grant (its
    report's due date, for example)."""
    grant, report = _locked(grant)
    _sync_grant(grant, report)
    return grant


def _locked(grant: Grant) -> tuple[Grant, FinalReport | None]:
    grant = (
        Grant.objects.select_for_update(of=("self",))
        .select_related("pool", "application__proposal")
        .get(pk=grant.pk)
    )
    report = FinalReport.objects.filter(grant=grant).first()
    return grant, report


def _event(report: FinalReport, actor, from_status: str, to_status: str, body: str = ""):
    return ReportEvent.objects.create(
        report=report, actor=actor, from_status=from_status, to_status=to_status, body=body
    )


def _move(report: FinalReport, to_status: str, actor, body: str = "") -> None:
    from_status = check_transition(
        FinalReportStatus,
        REPORT_TRANSITIONS,
        report.status,
        to_status,
        _("A final report cannot go from %(from)s to %(to)s."),
    )
    _event(report, actor, from_status, to_status, body)
    report.status = to_status


# The grantee's side.


def _store_figures(report: FinalReport, grant: Grant, content: ReportContent) -> None:
    expected = {impact.pk: impact for impact in grant.application.expected_impacts.all()}
    report.figures.all().delete()
    rows = [
        AchievedFigure(
            report=report,
            expected=impact,
            label=impact.label,
            figure=content.achieved[pk],
            unit=impact.unit,
        )
        for pk, impact in expected.items()
        if content.achieved.get(pk) is not None
    ]
    rows += [
        AchievedFigure(report=report, label=label, figure=figure, unit=unit)
        for label, figure, unit in content.extra
    ]
    AchievedFigure.objects.bulk_create(rows)


def _store_attachments(report: FinalReport, uploads, actor: User) -> None:
    if not uploads:
        return
    if report.attachments.count() + len(uploads) > MAX_REPORT_ATTACHMENTS:
        raise ValidationError(
            {
                "attachments": _("A report can have at most %(count)d attachments.")
                % {"count": MAX_REPORT_ATTACHMENTS}
            }
        )
    for upload in uploads:
        ReportAttachment.objects.create(
            report=report,
            file=upload,
            original_name=upload.name[:255],
            size=upload.size,
            uploaded_by=actor,
        )


@transaction.atomic
def report_save(*, grant: Grant, actor: User, content: ReportContent) -> FinalReport:
    """Write (or rewrite) the report while it is a draft or more has been asked for."""
    grant, report = _locked(grant)
    _require(pool_rules.can_write_report(actor, grant, report))
    if report is None:
        report = FinalReport.objects.create(grant=grant)
        _event(report, actor, "", FR.DRAFT)
    report.what_was_done = content.what_was_done
    report.save(update_fields=["what_was_done"])
    _store_figures(report, grant, content)
    _store_attachments(report, content.attachments, actor)
    return report


def _check_complete(report: FinalReport, grant: Grant) -> None:
    errors = {}
    if not report.what_was_done.strip():
        errors["what_was_done"] = _("Say what was done before you submit the report.")
    given = set(report.figures.filter(expected__isnull=False).values_list("expected_id", flat=True))
    for impact in grant.application.expected_impacts.all():
        if impact.pk not in given:
            errors[f"achieved_{impact.pk}"] = _(
                "Give the achieved figure before you submit the report."
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_submit(*, grant: Grant, actor: User) -> FinalReport:
    """Submit the report to the pool's secretary (again, after more was asked for)."""
    grant, report = _locked(grant)
    if report is not None and report.status == FR.SUBMITTED and pool_rules.is_grantee(actor, grant):
        return report  # a double submit
    _require(report is not None and pool_rules.can_write_report(actor, grant, report))
    assert report is not None  # for mypy: checked just above
    _check_complete(report, grant)
    _move(report, FR.SUBMITTED, actor)
    report.submitted_at = timezone.now()
    report.submitted_by = actor
    report.save(update_fields=["status", "submitted_at", "submitted_by"])
    _sync_grant(grant, report)
    _email(pool_secretaries(grant.pool), "report_submitted", grant)
    _email([actor], "report_received", grant)
    return report


# The secretary's side.


def _locked_report(report: FinalReport) -> FinalReport:
    grant, locked = _locked(report.grant)
    if locked is None:
        raise FinalReport.DoesNotExist
    locked.grant = grant
    return locked


@transaction.atomic
def report_accept(*, report: FinalReport, actor: User, note: str = "") -> FinalReport:
    report = _locked_report(report)
    if report.status == FR.ACCEPTED and pool_rules.can_manage_pool(actor, report.grant.pool):
        return report  # a double submit
    _require(pool_rules.can_decide_report(actor, report))
    _move(report, FR.ACCEPTED, actor, note)
    report.decided_at = timezone.now()
    report.decided_by = actor
    report.save(update_fields=["status", "decided_at", "decided_by"])
    _sync_grant(report.grant, report)
    _email(grantees(report.grant), "report_accepted", report.grant, note=note)
    return report


@transaction.atomic
def report_ask_for_more(*, report: FinalReport, actor: User, reason: str) -> FinalReport:
    report = _locked_report(report)
    if report.status == FR.MORE_ASKED and pool_rules.can_manage_pool(actor, report.grant.pool):
        return report  # a double submit
    _require(pool_rules.can_decide_report(actor, report))
    if not reason.strip():
        raise ValidationError({"reason": _("Say what more the report needs.")})
    _move(report, FR.MORE_ASKED, actor, reason)
    report.decided_at = timezone.now()
    report.decided_by = actor
    report.save(update_fields=["status", "decided_at", "decided_by"])
    _sync_grant(report.grant, report)
    _email(grantees(report.grant), "report_more_asked", report.grant, reason=reason)
    return report


@transaction.atomic
def report_publish(*, report: FinalReport, actor: User, published: bool) -> FinalReport:
    """Make an accepted report's text and attachments public (or private again)."""
    report = _locked_report(report)
    _require(pool_rules.can_publish_report(actor, report))
    if report.is_published == published:
        return report
    report.is_published = published
    report.save(update_fields=["is_published"])
    body = _("Text and attachments published") if published else _("Made private again")
    _event(report, actor, report.status, report.status, body)
    return report


# Reminders.


def reminder_due(grant: Grant, today: date) -> str | None:
    """Which reminder a grant whose report is owed should have had by `today`: "before"
    within the working days before the due date, "after" in the first week after it,
    "week-N" in the N-th week after it (up to WEEKLY_REMINDERS_AFTER), else none."""
    due = grant.report_due
    if today <= due:
        if working_days_between(today, due) <= REMINDER_WORKING_DAYS_BEFORE:
            return "before"
        return None
    week = (today - due).days // 7
    if week == 0:
        return "after"
    return f"week-{week}" if week <= WEEKLY_REMINDERS_AFTER else None


def report_reminders_send(today: date | None = None) -> int:
    """Send the reminders that are due and not yet sent; each (grant, kind) once, recorded
    in `ReportReminder` in the transaction that queues its e-mail. Grants whose report is
    now overdue get that status. Returns the number of reminders sent."""
    today = today or timezone.localdate()
    sent = 0
    with transaction.atomic():
        owed = (
            Grant.objects.report_owed()
            .filter(report_due__lte=_latest_due(today))
            .select_for_update(of=("self",), skip_locked=True)
            .select_related("pool", "application__proposal__submitter")
            .order_by("pk")
        )
        for grant in owed:
            kind = reminder_due(grant, today)
            if kind is None or ReportReminder.objects.filter(grant=grant, kind=kind).exists():
                continue
            ReportReminder.objects.create(grant=grant, kind=kind)
            template = "report_reminder_before" if kind == "before" else "report_reminder_after"
            _email(grantees(grant), template, grant, due=grant.report_due)
            if kind == "after":
                _email(pool_secretaries(grant.pool), "report_overdue", grant, due=grant.report_due)
            sent += 1
        grants = Grant.objects.public()
        grants.filter(report_status=ReportStatus.NOT_DUE, report_due__lt=today).update(
            report_status=ReportStatus.OVERDUE
        )
        # A due date moved later (a changed grant) makes an overdue report not yet due.
        grants.filter(report_status=ReportStatus.OVERDUE, report_due__gte=today).update(
            report_status=ReportStatus.NOT_DUE
        )
    return sent


def _latest_due(today: date) -> date:
    """No report due later than this needs a reminder yet (10 working days are at most a
    month away, holidays included)."""
    return today + timedelta(days=31)
