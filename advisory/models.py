"""The social enterprise council (Socialt Virksomhedsråd): its members and terms, its
meetings with agendas, papers and minutes, the proposals put before it, members' reviews
and conflicts of interest, decisions, and the follow-up of its recommendations.

Modelled after OParl (body, membership, meeting, agenda item, paper, file) and Decidim's
assemblies (members with positions and terms). A `Proposal` has a `kind`: today only
recommendations to the City; the pool's applications (issue 13) are proposals of another
kind with an amount, and go through the same statuses, screening, reviews and decisions.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Administration
from portal.uploads import private_upload_path

# How many working days the secretary has to screen a submitted proposal, and the default
# number of working days an administration has to answer a recommendation.
SCREENING_WORKING_DAYS = getattr(settings, "COUNCIL_SCREENING_WORKING_DAYS", 10)
ANSWER_WORKING_DAYS = getattr(settings, "COUNCIL_ANSWER_WORKING_DAYS", 40)
# A reminder goes out this many working days before an answer is due.
ANSWER_REMINDER_WORKING_DAYS = 5


# Members and terms.


class Position(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    MEMBER = "member", _("Member")


class Seat(models.TextChoices):
    ENTREPRENEUR = "entrepreneur", _("Social entrepreneur")
    POLITICIAN = "politician", _("Politician")
    OTHER = "other", _("Other")


POSITION_ORDER = models.Case(
    models.When(position=Position.CHAIR, then=0),
    models.When(position=Position.VICE_CHAIR, then=1),
    default=2,
)


class CouncilMembershipQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(term_start__lte=today).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=today)
        )

    def former(self, today=None):
        today = today or timezone.localdate()
        return self.filter(term_end__lt=today)

    def in_council_order(self):
        return self.alias(position_order=POSITION_ORDER).order_by(
            "position_order", "user__first_name", "user__last_name", "pk"
        )


class CouncilMembership(models.Model):
    """A person's seat on the council for a term (OParl's Membership)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_memberships",
        verbose_name=_("member"),
    )
    position = models.CharField(
        _("position"), max_length=16, choices=Position.choices, default=Position.MEMBER
    )
    seat = models.CharField(_("seat"), max_length=16, choices=Seat.choices)
    affiliation = models.CharField(
        _("organisation or party"),
        max_length=200,
        help_text=_("The social enterprise, party or body the member comes from."),
    )
    term_start = models.DateField(_("term from"))
    term_end = models.DateField(_("term to"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = CouncilMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("council membership")
        verbose_name_plural = _("council memberships")
        ordering = ["-term_start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="council_term_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.user.display_name} ({self.get_position_display()})"


# Meetings, agendas, papers, decisions.


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    AGENDA_PUBLISHED = "agenda_published", _("Agenda published")
    HELD = "held", _("Held")
    MINUTES_PUBLISHED = "minutes_published", _("Minutes published")
    CANCELLED = "cancelled", _("Cancelled")


MEETING_TRANSITIONS = {
    MeetingStatus.PLANNED: {MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED},
    MeetingStatus.AGENDA_PUBLISHED: {MeetingStatus.HELD, MeetingStatus.CANCELLED},
    MeetingStatus.HELD: {MeetingStatus.MINUTES_PUBLISHED},
    MeetingStatus.MINUTES_PUBLISHED: set(),
    MeetingStatus.CANCELLED: set(),
}
# Statuses in which the public sees the meeting, its agenda and its open papers.
PUBLIC_MEETING_STATUSES = (
    MeetingStatus.AGENDA_PUBLISHED,
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_PUBLISHED,
)
# Statuses in which the agenda can still be changed.
EDITABLE_MEETING_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED)


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings whose agenda has been published (also when later cancelled)."""
        return self.filter(agenda_published_at__isnull=False)

    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at")


class Meeting(models.Model):
    """A meeting of the council (OParl's Meeting)."""

    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes_summary = models.TextField(_("minutes: introduction"), blank=True)
    agenda_published_at = models.DateTimeField(_("agenda published"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    # Counts changes of what a calendar shows (time, place, title, status): iCalendar's
    # SEQUENCE, so calendar clients take the newest version.
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["starts_at"], name="advisory_meeting_starts")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.agenda_published_at is not None

    @property
    def minutes_are_public(self) -> bool:
        return self.status == MeetingStatus.MINUTES_PUBLISHED


class MeetingEvent(models.Model):
    """The meeting's history: status changes and changes of time or place."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    from_status = models.CharField(max_length=20, choices=MeetingStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=MeetingStatus.choices, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.meeting_id}: {self.from_status} → {self.to_status}"


# Proposals.


class ProposalKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation to the City")
    POOL_APPLICATION = "pool_application", _("Application to a pool")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SCREENING = "screening", _("Being screened")
    MORE_INFORMATION = "more_information", _("More information needed")
    IN_REVIEW = "in_review", _("In review")
    ON_AGENDA = "on_agenda", _("On the agenda")
    DECIDED = "decided", _("Decided")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    RETURNED = "returned", _("Returned")


S = ProposalStatus
PROPOSAL_TRANSITIONS = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.SCREENING, S.MORE_INFORMATION, S.IN_REVIEW, S.RETURNED, S.WITHDRAWN},
    S.SCREENING: {S.MORE_INFORMATION, S.IN_REVIEW, S.RETURNED, S.WITHDRAWN},
    S.MORE_INFORMATION: {S.SCREENING, S.RETURNED, S.WITHDRAWN},
    S.IN_REVIEW: {S.ON_AGENDA, S.WITHDRAWN},
    S.ON_AGENDA: {S.DECIDED, S.IN_REVIEW, S.WITHDRAWN},
    # A deferred proposal goes on a later agenda.
    S.DECIDED: {S.PUBLISHED, S.ON_AGENDA},
    S.PUBLISHED: set(),
    S.WITHDRAWN: set(),
    S.RETURNED: set(),
}
# The secretary's queue: proposals waiting for screening, with a running clock.
QUEUE_STATUSES = (S.SUBMITTED, S.SCREENING, S.MORE_INFORMATION)
# Council members read and review proposals in these statuses.
COUNCIL_STATUSES = (S.IN_REVIEW, S.ON_AGENDA, S.DECIDED, S.PUBLISHED)
REVIEWABLE_STATUSES = (S.IN_REVIEW, S.ON_AGENDA)
# The submitter can withdraw until the council has decided.
WITHDRAWABLE_STATUSES = (
    S.DRAFT,
    S.SUBMITTED,
    S.SCREENING,
    S.MORE_INFORMATION,
    S.IN_REVIEW,
    S.ON_AGENDA,
)


class Outcome(models.TextChoices):
    RECOMMENDED = "recommended", _("Recommended")
    NOT_RECOMMENDED = "not_recommended", _("Not recommended")
    DEFERRED = "deferred", _("Deferred")
    NOTED = "noted", _("Noted")


class ProposalQuerySet(models.QuerySet):
    def in_queue(self):
        return self.filter(status__in=QUEUE_STATUSES).order_by("screening_due", "submitted_at")

    def for_council(self):
        return self.filter(status__in=COUNCIL_STATUSES)

    def recommendations(self):
        """Published recommendations: public, each with its follow-up."""
        return self.filter(status=S.PUBLISHED, outcome=Outcome.RECOMMENDED)

    def published_decisions(self):
        return self.filter(status=S.PUBLISHED)


class Proposal(models.Model):
    """Something put before the council."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=ProposalKind.choices, default=ProposalKind.RECOMMENDATION
    )
    title = models.CharField(_("title"), max_length=200)
    what = models.TextField(_("what do you recommend?"), max_length=10_000)
    why = models.TextField(_("why?"), max_length=10_000)
    expected_effect = models.TextField(_("expected effect"), max_length=10_000)
    administrations = models.ManyToManyField(
        Administration,
        related_name="council_proposals",
        verbose_name=_("administrations concerned"),
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="council_proposals",
        verbose_name=_("submitter"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_proposals",
        verbose_name=_("on behalf of"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=S.DRAFT
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The secretary's working-day deadline for screening (paused while waiting for more
    # information, as with enquiries).
    screening_due = models.DateField(_("screening due"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    answer_working_days = models.PositiveSmallIntegerField(
        _("working days to answer"), default=ANSWER_WORKING_DAYS
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "screening_due"], name="advisory_proposal_queue"),
            models.Index(
                fields=["-published_at"],
                name="advisory_proposal_published",
                condition=Q(status="published"),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def reference(self) -> str:
        return f"SVR-{self.pk:05d}"

    @property
    def is_recommendation(self) -> bool:
        return self.outcome == Outcome.RECOMMENDED


class ProposalEvent(models.Model):
    """The proposal's history. Public events make the recommendation's public timeline."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status change")
        MESSAGE = "message", _("Message")
        NOTE = "note", _("Note")
        REVIEWED = "reviewed", _("Reviewed")
        CONFLICT = "conflict", _("Conflict of interest")
        ANSWER = "answer", _("Answer from an administration")
        PROGRESS = "progress", _("Progress update")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    from_status = models.CharField(max_length=20, choices=ProposalStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ProposalStatus.choices, blank=True)
    body = models.TextField(blank=True)
    # Seen by the submitter on their status page.
    for_submitter = models.BooleanField(default=True)
    # Seen by everyone on the recommendation's public page.
    is_public = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["proposal", "created_at"], name="advisory_event_order")]

    def __str__(self):
        return f"{self.proposal_id}: {self.kind}"

    @property
    def to_status_label(self) -> str:
        return ProposalStatus(self.to_status).label if self.to_status else ""


def attachment_path(instance, filename):
    return private_upload_path("advisory")


class ProposalAttachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name


# Reviews and conflicts of interest.

SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class Review(models.Model):
    """A council member's assessment of a proposal: three scores from 1 to 5 and a comment."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reviews")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_reviews"
    )
    social_impact = models.PositiveSmallIntegerField(_("social impact"), choices=SCORE_CHOICES)
    feasibility = models.PositiveSmallIntegerField(_("feasibility"), choices=SCORE_CHOICES)
    economic_sustainability = models.PositiveSmallIntegerField(
        _("economic sustainability"), choices=SCORE_CHOICES
    )
    comment = models.TextField(_("comment"), max_length=10_000)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member"], name="one_review_per_member"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
                    name=f"review_{field}_1_to_5",
                )
                for field in ("social_impact", "feasibility", "economic_sustainability")
            ],
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.member_id}"


class ConflictOfInterest(models.Model):
    """A member declares that they cannot take part in a proposal's review and decision."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="conflicts")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_conflicts"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member"], name="one_conflict_per_member")
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.member_id}"


# Agenda items, papers and decisions.


class AgendaItem(models.Model):
    """One item of a meeting's agenda: open or closed, about a proposal or free-standing."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=10_000)
    is_closed = models.BooleanField(
        _("closed item"),
        default=False,
        help_text=_("The public sees only the title; the papers only the council."),
    )
    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("proposal"),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_number"),
            models.UniqueConstraint(
                fields=["meeting", "proposal"],
                name="agenda_item_proposal_once",
                condition=Q(proposal__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


def paper_path(instance, filename):
    return private_upload_path("advisory-papers")


class Paper(models.Model):
    """A meeting paper (OParl's File) on an agenda item."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=paper_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("paper")
        verbose_name_plural = _("papers")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title


class Decision(models.Model):
    """The council's decision on an agenda item, with the minutes' text (decision and
    reasons) and the members who did not take part because of a conflict of interest."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    minutes = models.TextField(_("minutes: decision and reasons"), max_length=20_000)
    not_participating = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+"
    )
    # For a recommendation: the administrations that must answer it.
    responsible_administrations = models.ManyToManyField(
        Administration, blank=True, related_name="+", verbose_name=_("responsible administrations")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return self.get_outcome_display()


# The follow-up of recommendations.


class Verdict(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


class FollowUpQuerySet(models.QuerySet):
    def awaiting_answer(self):
        return self.filter(answered_at__isnull=True)

    def overdue(self, today=None):
        return self.awaiting_answer().filter(due__lt=today or timezone.localdate())

    def for_administrations(self, administration_ids):
        return self.filter(administration_id__in=administration_ids)


class FollowUp(models.Model):
    """An administration's duty to answer a recommendation by a date, and its answer."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="follow_ups")
    administration = models.ForeignKey(
        Administration, on_delete=models.PROTECT, related_name="council_follow_ups"
    )
    due = models.DateField(_("answer due"))
    verdict = models.CharField(_("answer"), max_length=20, choices=Verdict.choices, blank=True)
    reasons = models.TextField(_("reasons"), blank=True, max_length=10_000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    overdue_reminded_at = models.DateTimeField(null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "administration"], name="one_follow_up_per_administration"
            )
        ]
        indexes = [
            models.Index(
                fields=["due"], name="advisory_followup_open", condition=Q(answered_at__isnull=True)
            )
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.administration_id}"

    @property
    def is_overdue(self) -> bool:
        return self.answered_at is None and self.due < timezone.localdate()


class ProgressUpdate(models.Model):
    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="updates")
    body = models.TextField(_("progress"), max_length=10_000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:50]


from advisory.pool_models import *  # noqa: E402,F403  (the pools)
