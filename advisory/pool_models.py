"""The funding pools (puljen): a city pool per year and local pools per local committee
area per year, filled by several payers and spent on grants to applications.

Money is kept as a ledger: every movement is an immutable `LedgerEntry` in øre (a positive
integer; the kind says which figure it moves and in which direction). Corrections are
reversing entries, never edits. A pool's figures (contributed, granted, paid, returned,
remaining) are derived from its entries in one aggregate query
(`LedgerEntry.objects.figures()`).

An application is a council `Proposal` of kind "pool application" with an `Application`
row (pool, amount, period, budget lines, SDGs, areas, expected impact). A decided
application gets one `Grant` with a payout plan of `Instalment`s.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Prefetch, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal
from portal.uploads import private_upload_path

# Pools.


class Intake(models.TextChoices):
    ROLLING = "rolling", _("Rolling: apply at any time")
    ROUNDS = "rounds", _("In rounds with deadlines")


class PoolQuerySet(models.QuerySet):
    def open(self):
        return self.filter(is_open=True)

    def with_rounds(self, today=None):
        """Each pool's rounds from `today` on as `future_rounds` (for `Pool.next_round`)."""
        today = today or timezone.localdate()
        return self.prefetch_related(
            Prefetch(
                "rounds",
                queryset=PoolRound.objects.filter(deadline__gte=today).order_by("deadline"),
                to_attr="future_rounds",
            )
        )

    def city(self):
        return self.filter(area__isnull=True)

    def local(self):
        return self.filter(area__isnull=False)


class Pool(models.Model):
    """The city pool of a year (no area) or a local pool of an area for a year."""

    year = models.PositiveSmallIntegerField(_("year"))
    area = models.ForeignKey(
        LocalCommitteeArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pools",
        verbose_name=_("local committee area"),
        help_text=_("Empty for the city pool."),
    )
    rules_text = models.TextField(_("rules"), max_length=20_000)
    maximum_grant = models.PositiveBigIntegerField(_("maximum grant (øre)"))
    fast_track_limit = models.PositiveBigIntegerField(
        _("fast-track limit (øre)"),
        help_text=_("Applications up to this amount are decided by the secretary alone."),
    )
    fast_track_working_days = models.PositiveSmallIntegerField(
        _("working days for a fast-track decision"), default=10
    )
    intake = models.CharField(
        _("intake"), max_length=10, choices=Intake.choices, default=Intake.ROLLING
    )
    is_open = models.BooleanField(_("open for applications"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = PoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("pool")
        verbose_name_plural = _("pools")
        ordering = ["-year", "area__name_da", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["year"], condition=Q(area__isnull=True), name="one_city_pool_per_year"
            ),
            models.UniqueConstraint(fields=["year", "area"], name="one_local_pool_per_year"),
            models.CheckConstraint(
                condition=Q(fast_track_limit__lte=F("maximum_grant")),
                name="pool_fast_track_within_maximum",
            ),
        ]

    def __str__(self):
        if self.area_id is None:
            return _("City pool %(year)s") % {"year": self.year}
        return _("Local pool %(area)s %(year)s") % {"area": self.area.name, "year": self.year}

    @property
    def is_city_pool(self) -> bool:
        return self.area_id is None

    def figures(self) -> dict[str, int]:
        return LedgerEntry.objects.filter(pool=self).figures()

    def next_round(self, today=None) -> "PoolRound | None":
        """The round whose deadline comes next (today's counts until the day is over).
        Uses `future_rounds` when the caller prefetched them (`PoolQuerySet.with_rounds`)."""
        today = today or timezone.localdate()
        rounds = getattr(self, "future_rounds", None)
        if rounds is None:
            return self.rounds.filter(deadline__gte=today).order_by("deadline").first()
        return next((one for one in rounds if one.deadline >= today), None)

    def intake_state(self, today=None) -> "IntakeState":
        """Whether the pool takes applications now, and until when."""
        if not self.is_open:
            return IntakeState(False, None, _("This pool does not take applications now."))
        if self.intake == Intake.ROLLING:
            return IntakeState(True, None, _("Applications are taken at any time."))
        next_round = self.next_round(today)
        if next_round is None:
            return IntakeState(
                False,
                None,
                _("The last round's deadline has passed: this pool takes no more applications."),
            )
        return IntakeState(
            True,
            next_round,
            _("The next application deadline is %(date)s.")
            % {"date": date_format(next_round.deadline, "j. F Y")},
        )


@dataclass(frozen=True)
class IntakeState:
    accepts: bool
    round: "PoolRound | None"
    message: str


class PoolRound(models.Model):
    """A round's application deadline, for pools that take applications in rounds."""

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="rounds")
    deadline = models.DateField(_("application deadline"))

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["deadline"]
        constraints = [
            models.UniqueConstraint(fields=["pool", "deadline"], name="one_round_per_deadline")
        ]

    def __str__(self):
        return f"{self.pool}: {self.deadline}"


class LocalPoolSecretary(models.Model):
    """The person who runs a local committee area's pools (decides its applications and
    records its money)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="local_pool_secretaryships"
    )
    area = models.ForeignKey(
        LocalCommitteeArea, on_delete=models.CASCADE, related_name="pool_secretaries"
    )

    class Meta:
        verbose_name = _("local pool secretary")
        verbose_name_plural = _("local pool secretaries")
        constraints = [
            models.UniqueConstraint(fields=["user", "area"], name="one_local_secretaryship")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.area}"


class PoolEvent(models.Model):
    """The pool's own history: who created it, changed its terms or its rounds, and what
    changed (the money's history is the ledger)."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Pool created")
        CHANGED = "changed", _("Terms changed")
        ROUND_ADDED = "round_added", _("Round added")
        ROUND_REMOVED = "round_removed", _("Round removed")

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # What changed: {field: [before, after]} (amounts in øre, dates as ISO text).
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("pool event")
        verbose_name_plural = _("pool events")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.pool}: {self.get_kind_display()}"


# Applications.


class Application(models.Model):
    """What a pool application asks for; the flow (statuses, screening, reviews, the
    decision) is the council proposal's."""

    proposal = models.OneToOneField(
        "advisory.Proposal", on_delete=models.CASCADE, related_name="application"
    )
    pool = models.ForeignKey(
        Pool, on_delete=models.PROTECT, related_name="applications", verbose_name=_("pool")
    )
    amount = models.PositiveBigIntegerField(_("amount applied for (øre)"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    goals = models.ManyToManyField(
        SustainableDevelopmentGoal, blank=True, related_name="+", verbose_name=_("SDGs")
    )
    areas = models.ManyToManyField(
        LocalCommitteeArea, blank=True, related_name="+", verbose_name=_("areas")
    )
    # For a pool with rounds: the round whose deadline the application was sent before.
    round = models.ForeignKey(
        PoolRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("round"),
    )
    # When it is fast-tracked: the date by which the secretary has promised a decision.
    decision_due = models.DateField(_("decision promised by"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="application_amount_positive"),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="application_period_order"
            ),
        ]

    def __str__(self):
        return str(self.proposal)

    @property
    def is_fast_track(self) -> bool:
        return self.amount <= self.pool.fast_track_limit

    def budget_total(self) -> int:
        return sum(line.amount for line in self.budget_lines.all())


class BudgetLine(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines"
    )
    text = models.CharField(_("budget line"), max_length=200)
    amount = models.PositiveBigIntegerField(_("amount (øre)"))

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["pk"]

    def __str__(self):
        return self.text


class ExpectedImpact(models.Model):
    """An expected impact figure with its unit ("40 young people in work")."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="expected_impacts"
    )
    label = models.CharField(_("what"), max_length=200)
    figure = models.DecimalField(_("figure"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=50)

    class Meta:
        verbose_name = _("expected impact")
        verbose_name_plural = _("expected impacts")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.label}: {self.figure} {self.unit}"


# Grants.


class GrantStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class ReportStatus(models.TextChoices):
    NOT_DUE = "not_due", _("Not yet due")
    OVERDUE = "overdue", _("Overdue")
    SUBMITTED = "submitted", _("Submitted")
    MORE_ASKED = "more_asked", _("More asked for")
    ACCEPTED = "accepted", _("Accepted")


# The grant's report status while its report is still owed (none, a draft, more asked for).
REPORT_OWED = (ReportStatus.NOT_DUE, ReportStatus.OVERDUE, ReportStatus.MORE_ASKED)


class GrantQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=GrantStatus.CANCELLED)

    def report_owed(self):
        """Grants whose final report is still to come (or to come again)."""
        return self.public().filter(report_status__in=REPORT_OWED)

    def report_overdue(self, today):
        return self.report_owed().filter(report_due__lt=today)


class Grant(models.Model):
    """The money a decided application was granted, on what conditions, paid how."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="grant")
    pool = models.ForeignKey(Pool, on_delete=models.PROTECT, related_name="grants")
    # The granted amount now (the grant plus its changes); the ledger is the record.
    amount = models.PositiveBigIntegerField(_("amount granted (øre)"))
    conditions = models.TextField(_("conditions"), blank=True, max_length=10_000)
    report_due = models.DateField(_("final report due"))
    report_status = models.CharField(
        _("report"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.NOT_DUE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.ACTIVE
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_on = models.DateField(_("granted on"), default=timezone.localdate)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-decided_on", "-pk"]
        indexes = [
            models.Index(fields=["pool", "-decided_on"], name="advisory_grant_pool"),
            # The register's order (newest first) without sorting every grant.
            models.Index(fields=["-decided_on", "-id"], name="advisory_grant_register"),
        ]

    def __str__(self):
        return str(self.application)

    def figures(self) -> dict[str, int]:
        return LedgerEntry.objects.filter(grant=self).figures()


class Instalment(models.Model):
    """One payment of a grant's payout plan."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="instalments")
    due = models.DateField(_("due"))
    amount = models.PositiveBigIntegerField(_("amount (øre)"))

    class Meta:
        verbose_name = _("instalment")
        verbose_name_plural = _("instalments")
        ordering = ["due", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="instalment_amount_positive")
        ]

    def __str__(self):
        return f"{self.due}: {self.amount}"


# The ledger.


class EntryKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution")
    GRANT = "grant", _("Grant")
    GRANT_INCREASE = "grant_increase", _("Grant increased")
    GRANT_DECREASE = "grant_decrease", _("Grant reduced")
    PAYOUT = "payout", _("Payout")
    RETURN = "return", _("Returned to the pool")
    REVERSAL = "reversal", _("Reversal")


K = EntryKind
# The sign rule: which figure each kind moves, and in which direction. A reversal moves
# the figure of the entry it reverses, the other way.
SIGN_RULE: dict[str, tuple[str, int]] = {
    K.CONTRIBUTION: ("contributed", 1),
    K.GRANT: ("granted", 1),
    K.GRANT_INCREASE: ("granted", 1),
    K.GRANT_DECREASE: ("granted", -1),
    K.PAYOUT: ("paid", 1),
    K.RETURN: ("returned", 1),
}
FIGURES = ("contributed", "granted", "paid", "returned")
GRANT_KINDS = (K.GRANT, K.GRANT_INCREASE, K.GRANT_DECREASE, K.PAYOUT, K.RETURN)


def _figure_sum(figure: str):
    """Σ of the entries that move `figure`, with the sign rule, reversals included."""
    whens = []
    for kind, (target, sign) in SIGN_RULE.items():
        if target != figure:
            continue
        whens.append(When(kind=kind, then=F("amount") * sign))
        whens.append(When(kind=K.REVERSAL, reverses__kind=kind, then=F("amount") * -sign))
    return Coalesce(Sum(Case(*whens, default=Value(0), output_field=models.BigIntegerField())), 0)


class LedgerQuerySet(models.QuerySet):
    def figures(self) -> dict[str, int]:
        """Contributed, granted, paid, returned and remaining, in one query."""
        sums = self.aggregate(**{figure: _figure_sum(figure) for figure in FIGURES})
        sums = {figure: int(value) for figure, value in sums.items()}
        sums["remaining"] = sums["contributed"] - sums["granted"] + sums["returned"]
        # Granted and not yet paid or returned: what the grantees may still draw.
        sums["outstanding"] = sums["granted"] - sums["returned"] - sums["paid"]
        return sums

    def remaining_by_pool(self) -> dict[int, int]:
        """Each pool's remaining amount (contributed - granted + returned), in one query."""
        rows = self.values("pool_id").annotate(
            **{figure: _figure_sum(figure) for figure in ("contributed", "granted", "returned")}
        )
        return {
            row["pool_id"]: int(row["contributed"]) - int(row["granted"]) + int(row["returned"])
            for row in rows
        }

    def update(self, **kwargs):
        raise ValidationError(_("Ledger entries cannot be changed; record a reversal."))

    def delete(self):
        raise ValidationError(_("Ledger entries cannot be deleted; record a reversal."))


class LedgerEntry(models.Model):
    """One movement of money. Immutable: corrections are reversals."""

    pool = models.ForeignKey(Pool, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=16, choices=EntryKind.choices)
    amount = models.PositiveBigIntegerField(_("amount (øre)"))
    booked_on = models.DateField(_("date"), default=timezone.localdate)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    reason = models.TextField(_("reason"), max_length=2000)
    payer_administration = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pool_contributions",
        verbose_name=_("paid by (administration)"),
    )
    payer_area = models.ForeignKey(
        LocalCommitteeArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pool_contributions",
        verbose_name=_("paid by (local committee)"),
    )
    grant = models.ForeignKey(
        Grant, on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = LedgerQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["booked_on", "pk"]
        indexes = [models.Index(fields=["pool", "kind"], name="advisory_ledger_pool_kind")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="ledger_amount_positive"),
            models.CheckConstraint(
                condition=~Q(kind="contribution")
                | (
                    Q(payer_administration__isnull=False, payer_area__isnull=True)
                    | Q(payer_administration__isnull=True, payer_area__isnull=False)
                ),
                name="ledger_contribution_has_one_payer",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=GRANT_KINDS) | Q(grant__isnull=False),
                name="ledger_grant_entry_has_grant",
            ),
            models.CheckConstraint(
                condition=Q(kind="reversal", reverses__isnull=False)
                | (~Q(kind="reversal") & Q(reverses__isnull=True)),
                name="ledger_reversal_points_at_entry",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Ledger entries cannot be changed; record a reversal."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Ledger entries cannot be deleted; record a reversal."))

    @property
    def payer(self):
        return self.payer_administration or self.payer_area


# Final reports.


class FinalReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    MORE_ASKED = "more_asked", _("More asked for")
    ACCEPTED = "accepted", _("Accepted")


FR = FinalReportStatus
REPORT_TRANSITIONS = {
    FR.DRAFT: {FR.SUBMITTED},
    FR.SUBMITTED: {FR.ACCEPTED, FR.MORE_ASKED},
    FR.MORE_ASKED: {FR.SUBMITTED},
    FR.ACCEPTED: set(),
}
# The grantee writes while the report is a draft or more has been asked for.
EDITABLE_REPORT_STATUSES = (FR.DRAFT, FR.MORE_ASKED)
# At most this many attachments per report.
MAX_REPORT_ATTACHMENTS = 10


class FinalReport(models.Model):
    """The grantee's final report: what was done and the achieved figures against the
    expected ones. Accepted reports' figures are public (the grant's page, the
    organisation's profile); the text and the attachments only once the secretary
    publishes the report."""

    grant = models.OneToOneField(Grant, on_delete=models.CASCADE, related_name="report")
    what_was_done = models.TextField(_("what was done"), max_length=20_000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=FinalReportStatus.choices, default=FR.DRAFT
    )
    is_published = models.BooleanField(_("text and attachments published"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")
        indexes = [models.Index(fields=["status"], name="advisory_report_status")]

    def __str__(self):
        return str(self.grant)

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_REPORT_STATUSES


class AchievedFigure(models.Model):
    """An achieved figure: against one of the application's expected impacts, or an extra
    line of the grantee's own."""

    report = models.ForeignKey(FinalReport, on_delete=models.CASCADE, related_name="figures")
    expected = models.ForeignKey(
        ExpectedImpact,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="achieved",
        verbose_name=_("expected"),
    )
    label = models.CharField(_("what"), max_length=200)
    figure = models.DecimalField(_("figure"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=50)

    class Meta:
        verbose_name = _("achieved figure")
        verbose_name_plural = _("achieved figures")
        ordering = ["expected_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "expected"],
                condition=Q(expected__isnull=False),
                name="one_achieved_figure_per_expected",
            ),
            models.CheckConstraint(condition=Q(figure__gte=0), name="achieved_figure_not_negative"),
        ]

    def __str__(self):
        return f"{self.label}: {self.figure} {self.unit}"


def report_attachment_path(instance, filename):
    return private_upload_path("pool-reports")


class ReportAttachment(models.Model):
    report = models.ForeignKey(FinalReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=report_attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name


class ReportEvent(models.Model):
    """The report's history: every status change, with who and why (the audit trail)."""

    report = models.ForeignKey(FinalReport, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_status = models.CharField(max_length=12, choices=FinalReportStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=FinalReportStatus.choices)
    body = models.TextField(blank=True, max_length=10_000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report_id}: {self.from_status} → {self.to_status}"


class ReportReminder(models.Model):
    """A reminder of a final report that has been sent: each kind once per grant
    ("before", "after", "week-2", …)."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="report_reminders")
    kind = models.CharField(max_length=12)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["grant", "kind"], name="one_report_reminder_per_kind")
        ]

    def __str__(self):
        return f"{self.grant_id}: {self.kind}"


__all__ = [
    "EDITABLE_REPORT_STATUSES",
    "MAX_REPORT_ATTACHMENTS",
    "REPORT_OWED",
    "REPORT_TRANSITIONS",
    "AchievedFigure",
    "Application",
    "BudgetLine",
    "EntryKind",
    "ExpectedImpact",
    "FinalReport",
    "FinalReportStatus",
    "Grant",
    "GrantStatus",
    "Instalment",
    "Intake",
    "LedgerEntry",
    "LocalPoolSecretary",
    "Pool",
    "PoolEvent",
    "PoolRound",
    "ReportAttachment",
    "ReportEvent",
    "ReportReminder",
    "ReportStatus",
]
