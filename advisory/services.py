"""State changes of the council. Each is one function: it checks through `advisory.rules`
that the actor may do it, checks the transition, locks the row, writes the history and
queues the e-mails, all in one transaction."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory import rules
from advisory.models import (
    MEETING_TRANSITIONS,
    PROPOSAL_TRANSITIONS,
    SCREENING_WORKING_DAYS,
    AgendaItem,
    ConflictOfInterest,
    CouncilMembership,
    Decision,
    FollowUp,
    Meeting,
    MeetingEvent,
    MeetingStatus,
    Outcome,
    Paper,
    ProgressUpdate,
    Proposal,
    ProposalAttachment,
    ProposalEvent,
    ProposalStatus,
    Review,
)
from portal.mail import PageLink, send_templated_email_to_users
from portal.models import Role, RoleAssignment, User
from portal.transitions import check_transition
from portal.workdays import add_working_days, working_days_between

S = ProposalStatus
Kind = ProposalEvent.Kind


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# Who hears about what.


def secretaries():
    return User.objects.with_role(Role.COUNCIL_SECRETARY).order_by("email")


def current_members():
    return User.objects.filter(
        is_active=True,
        role_assignments__role=Role.COUNCIL_MEMBER,
        council_memberships__in=CouncilMembership.objects.current(),
    ).distinct()


def administration_staff(administration_ids):
    return User.objects.filter(
        is_active=True, administration_memberships__administration_id__in=list(administration_ids)
    ).distinct()


def email_users(users, kind: str, context: dict) -> None:
    send_templated_email_to_users(
        users=list(users), template_prefix=f"advisory/email/{kind}", context=context
    )


def _proposal_link(proposal: Proposal) -> PageLink:
    return PageLink("advisory:proposal", [proposal.pk])


# Proposals: the submitter's side.


def _store_attachments(proposal: Proposal, uploads) -> None:
    for upload in uploads:
        ProposalAttachment.objects.create(
            proposal=proposal, file=upload, original_name=upload.name[:255], size=upload.size
        )


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def _change_status(proposal: Proposal, to_status: str, actor, *, body: str = "") -> ProposalEvent:
    """Check the transition, record it, set the status (saved by the caller) and tell the
    submitter."""
    from_status = check_transition(
        ProposalStatus,
        PROPOSAL_TRANSITIONS,
        proposal.status,
        to_status,
        _("A proposal cannot go from %(from)s to %(to)s."),
    )
    if from_status == S.MORE_INFORMATION:
        _resume_clock(proposal)
    event = ProposalEvent.objects.create(
        proposal=proposal,
        kind=Kind.STATUS,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        body=body,
        is_public=to_status in (S.SUBMITTED, S.ON_AGENDA, S.DECIDED, S.PUBLISHED),
    )
    proposal.status = to_status
    if proposal.submitter is not None and proposal.submitter != actor:
        email_users(
            [proposal.submitter],
            "status_changed",
            {"proposal": proposal, "event": event, "link": _proposal_link(proposal)},
        )
    return event


def _resume_clock(proposal: Proposal) -> None:
    """The screening clock pauses while the secretary waits for more information: the
    deadline moves by the working days it waited."""
    waited_since = (
        proposal.events.filter(kind=Kind.STATUS, to_status=S.MORE_INFORMATION)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if waited_since is None or proposal.screening_due is None:
        return
    paused = working_days_between(timezone.localdate(waited_since), timezone.localdate())
    if paused:
        proposal.screening_due = add_working_days(proposal.screening_due, paused)


@transaction.atomic
def proposal_create(*, actor: User, data: dict, administrations, attachments=()) -> Proposal:
    _require(rules.can_propose(actor))
    proposal = Proposal.objects.create(submitter=actor, **data)
    proposal.administrations.set(administrations)
    _store_attachments(proposal, attachments)
    ProposalEvent.objects.create(
        proposal=proposal, kind=Kind.STATUS, actor=actor, to_status=S.DRAFT
    )
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal: Proposal, actor: User, data: dict, administrations, attachments=()
) -> Proposal:
    proposal = _locked(proposal)
    _require(rules.can_edit(actor, proposal))
    for field, value in data.items():
        setattr(proposal, field, value)
    proposal.save()
    proposal.administrations.set(administrations)
    _store_attachments(proposal, attachments)
    return proposal


@transaction.atomic
def proposal_submit(*, proposal: Proposal, actor: User) -> Proposal:
    proposal = _locked(proposal)
    if proposal.status == S.SUBMITTED and rules.is_submitter(actor, proposal):
        return proposal  # a double submit
    _require(rules.can_submit(actor, proposal))
    if not proposal.administrations.exists():
        raise ValidationError(_("Choose at least one administration the proposal concerns."))
    _change_status(proposal, S.SUBMITTED, actor)
    now = timezone.now()
    proposal.submitted_at = now
    proposal.screening_due = add_working_days(timezone.localdate(now), SCREENING_WORKING_DAYS)
    proposal.save(update_fields=["status", "submitted_at", "screening_due"])
    email_users([actor], "received", {"proposal": proposal, "link": _proposal_link(proposal)})
    email_users(
        secretaries(), "new_proposal", {"proposal": proposal, "link": _proposal_link(proposal)}
    )
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, actor: User, reason: str = "") -> Proposal:
    proposal = _locked(proposal)
    if proposal.status == S.WITHDRAWN:
        return proposal
    _require(rules.can_withdraw(actor, proposal))
    _change_status(proposal, S.WITHDRAWN, actor, body=reason)
    proposal.save(update_fields=["status", "screening_due"])
    AgendaItem.objects.filter(
        proposal=proposal, meeting__status__in=(MeetingStatus.PLANNED,)
    ).delete()
    if proposal.submitted_at:
        email_users(
            secretaries(), "withdrawn", {"proposal": proposal, "link": _proposal_link(proposal)}
        )
    return proposal


@transaction.atomic
def proposal_answer_request(
    *, proposal: Proposal, actor: User, body: str, attachments=()
) -> Proposal:
    """The submitter gives the information asked for; the proposal goes back to screening
    and the clock runs again."""
    proposal = _locked(proposal)
    _require(rules.can_answer_request(actor, proposal))
    ProposalEvent.objects.create(proposal=proposal, kind=Kind.MESSAGE, actor=actor, body=body)
    _store_attachments(proposal, attachments)
    _change_status(proposal, S.SCREENING, actor)
    proposal.save(update_fields=["status", "screening_due"])
    email_users(
        secretaries(), "information_given", {"proposal": proposal, "link": _proposal_link(proposal)}
    )
    return proposal


# Proposals: the secretary's side.


@transaction.atomic
def proposal_start_screening(*, proposal: Proposal, actor: User) -> Proposal:
    proposal = _locked(proposal)
    if proposal.status == S.SCREENING:
        return proposal
    _require(rules.can_screen(actor, proposal))
    _change_status(proposal, S.SCREENING, actor)
    proposal.save(update_fields=["status"])
    return proposal


@transaction.atomic
def proposal_ask_for_information(*, proposal: Proposal, actor: User, question: str) -> Proposal:
    proposal = _locked(proposal)
    if proposal.status == S.MORE_INFORMATION:
        return proposal
    _require(rules.can_ask_for_information(actor, proposal))
    _change_status(proposal, S.MORE_INFORMATION, actor, body=question)
    proposal.save(update_fields=["status"])
    return proposal


@transaction.atomic
def proposal_accept_for_review(*, proposal: Proposal, actor: User) -> Proposal:
    proposal = _locked(proposal)
    if proposal.status == S.IN_REVIEW:
        return proposal
    _require(rules.can_accept_for_review(actor, proposal))
    _change_status(proposal, S.IN_REVIEW, actor)
    proposal.save(update_fields=["status"])
    email_users(
        current_members(),
        "ready_for_review",
        {"proposal": proposal, "link": _proposal_link(proposal)},
    )
    return proposal


@transaction.atomic
def proposal_return(*, proposal: Proposal, actor: User, reason: str) -> Proposal:
    proposal = _locked(proposal)
    if proposal.status == S.RETURNED:
        return proposal
    _require(rules.can_return(actor, proposal))
    _change_status(proposal, S.RETURNED, actor, body=reason)
    proposal.save(update_fields=["status", "screening_due"])
    return proposal


# Reviews and conflicts of interest.


def _all_reviewed(proposal: Proposal) -> bool:
    members = current_members().exclude(council_conflicts__proposal=proposal)
    return members.exists() and not members.exclude(council_reviews__proposal=proposal).exists()


@transaction.atomic
def review_submit(*, proposal: Proposal, actor: User, scores: dict, comment: str) -> Review:
    """A member's review; they may change it until the council has decided."""
    proposal = _locked(proposal)
    if not rules.can_review(actor, proposal):
        if rules.is_member(actor) and proposal.status not in (S.IN_REVIEW, S.ON_AGENDA):
            raise ValidationError(
                _("The council has decided on this proposal; reviews can no longer be given."),
                code="decided",
            )
        raise PermissionDenied
    review, created = Review.objects.update_or_create(
        proposal=proposal,
        member=actor,
        defaults={**scores, "comment": comment, "submitted_at": timezone.now()},
    )
    if created:
        ProposalEvent.objects.create(
            proposal=proposal, kind=Kind.REVIEWED, actor=actor, for_submitter=False
        )
        if _all_reviewed(proposal):
            email_users(
                secretaries(),
                "all_reviewed",
                {"proposal": proposal, "link": _proposal_link(proposal)},
            )
    return review


@transaction.atomic
def conflict_declare(*, proposal: Proposal, actor: User, reason: str) -> ConflictOfInterest:
    """A member steps aside: their review, if any, is removed, and from now on they see
    neither the reviews nor the closed papers of the proposal."""
    proposal = _locked(proposal)
    existing = ConflictOfInterest.objects.filter(proposal=proposal, member=actor).first()
    if existing is not None:
        return existing
    _require(rules.can_declare_conflict(actor, proposal))
    Review.objects.filter(proposal=proposal, member=actor).delete()
    conflict = ConflictOfInterest.objects.create(proposal=proposal, member=actor, reason=reason)
    ProposalEvent.objects.create(
        proposal=proposal, kind=Kind.CONFLICT, actor=actor, for_submitter=False
    )
    actor.__dict__.pop("_advisory_conflicts", None)
    return conflict


# Membership and terms.


@transaction.atomic
def membership_add(
    *,
    actor: User,
    user: User,
    position: str,
    seat: str,
    affiliation: str,
    term_start: date,
    term_end: date | None,
) -> CouncilMembership:
    _require(rules.is_secretary(actor))
    if term_end is not None and term_end < term_start:
        raise ValidationError({"term_end": _("The term cannot end before it starts.")})
    membership = CouncilMembership.objects.create(
        user=user,
        position=position,
        seat=seat,
        affiliation=affiliation,
        term_start=term_start,
        term_end=term_end,
    )
    RoleAssignment.objects.get_or_create(user=user, role=Role.COUNCIL_MEMBER)
    return membership


@transaction.atomic
def membership_end(
    *, membership: CouncilMembership, actor: User, term_end: date
) -> CouncilMembership:
    """End a term; the member keeps the council role only while another term runs."""
    _require(rules.is_secretary(actor))
    membership = CouncilMembership.objects.select_for_update().get(pk=membership.pk)
    if term_end < membership.term_start:
        raise ValidationError({"term_end": _("The term cannot end before it starts.")})
    membership.term_end = term_end
    membership.save(update_fields=["term_end"])
    if term_end < timezone.localdate():
        revoke_roles_of_former_members(users=[membership.user_id])
    return membership


def revoke_roles_of_former_members(*, users=None) -> int:
    """Take the council role from those whose every term has ended (also run daily)."""
    holders = RoleAssignment.objects.filter(
        role=Role.COUNCIL_MEMBER, user__council_memberships__isnull=False
    )
    if users is not None:
        holders = holders.filter(user_id__in=users)
    current = CouncilMembership.objects.current().values("user_id")
    deleted, _rows = holders.exclude(user_id__in=current).delete()
    return deleted


# Meetings and agendas.


def _meeting_status(meeting: Meeting, to_status: str, actor, note: str = "") -> None:
    from_status = check_transition(
        MeetingStatus,
        MEETING_TRANSITIONS,
        meeting.status,
        to_status,
        _("A meeting cannot go from %(from)s to %(to)s."),
    )
    MeetingEvent.objects.create(
        meeting=meeting, actor=actor, from_status=from_status, to_status=to_status, note=note
    )
    meeting.status = to_status
    meeting.updated_at = timezone.now()


def _locked_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _check_future(starts_at: datetime) -> None:
    if starts_at <= timezone.now():
        raise ValidationError(
            {"starts_at": _("A new meeting must start in the future.")}, code="past"
        )


@transaction.atomic
def meeting_create(
    *, actor: User, title: str, starts_at: datetime, ends_at: datetime, place: str
) -> Meeting:
    _require(rules.can_manage_meetings(actor))
    _check_future(starts_at)
    meeting = Meeting.objects.create(title=title, starts_at=starts_at, ends_at=ends_at, place=place)
    MeetingEvent.objects.create(meeting=meeting, actor=actor, to_status=MeetingStatus.PLANNED)
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, actor: User, title: str, starts_at: datetime, ends_at: datetime, place: str
) -> Meeting:
    """Change time, place or title; calendars get the new version (SEQUENCE + 1)."""
    meeting = _locked_meeting(meeting)
    _require(rules.can_edit_agenda(actor, meeting))
    if starts_at != meeting.starts_at:
        _check_future(starts_at)
    meeting.title, meeting.starts_at, meeting.ends_at, meeting.place = (
        title,
        starts_at,
        ends_at,
        place,
    )
    meeting.sequence += 1
    meeting.updated_at = timezone.now()
    meeting.save()
    MeetingEvent.objects.create(meeting=meeting, actor=actor, note="changed")
    return meeting


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    actor: User,
    title: str,
    description: str = "",
    is_closed: bool = False,
    proposal: Proposal | None = None,
) -> AgendaItem:
    meeting = _locked_meeting(meeting)
    _require(rules.can_edit_agenda(actor, meeting))
    if proposal is not None:
        proposal = _locked(proposal)
        if AgendaItem.objects.filter(meeting=meeting, proposal=proposal).exists():
            raise ValidationError(
                {"proposal": _("This proposal is already on the meeting's agenda.")},
                code="twice",
            )
        if proposal.status == S.ON_AGENDA:
            raise ValidationError(
                {"proposal": _("This proposal is already on another meeting's agenda.")},
                code="elsewhere",
            )
        if proposal.status not in (S.IN_REVIEW, S.DECIDED) or (
            proposal.status == S.DECIDED and proposal.outcome != Outcome.DEFERRED
        ):
            raise ValidationError(
                {"proposal": _("Only proposals in review or deferred can go on an agenda.")},
                code="status",
            )
        _change_status(proposal, S.ON_AGENDA, actor)
        proposal.save(update_fields=["status"])
        title = title or proposal.title
    number = (meeting.items.aggregate(n=Max("number"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            return AgendaItem.objects.create(
                meeting=meeting,
                number=number,
                title=title,
                description=description,
                is_closed=is_closed,
                proposal=proposal,
            )
    except IntegrityError as error:
        raise ValidationError(_("The agenda changed meanwhile; try again.")) from error


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, actor: User) -> None:
    meeting = _locked_meeting(item.meeting)
    _require(rules.can_edit_agenda(actor, meeting))
    if hasattr(item, "decision"):
        raise ValidationError(_("An item with a recorded decision cannot be removed."))
    if item.proposal is not None:
        proposal = _locked(item.proposal)
        if proposal.status == S.ON_AGENDA:
            _change_status(proposal, S.IN_REVIEW, actor)
            proposal.save(update_fields=["status"])
    item.delete()
    _renumber(meeting)


def _renumber(meeting: Meeting, order: list[int] | None = None) -> None:
    items = list(meeting.items.order_by("number"))
    if order is not None:
        items.sort(key=lambda i: order.index(i.pk))
    offset = 1000
    for index, item in enumerate(items):
        item.number = offset + index
    AgendaItem.objects.bulk_update(items, ["number"])
    for index, item in enumerate(items):
        item.number = index + 1
    AgendaItem.objects.bulk_update(items, ["number"])


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, actor: User, up: bool) -> None:
    meeting = _locked_meeting(item.meeting)
    _require(rules.can_edit_agenda(actor, meeting))
    order = list(meeting.items.order_by("number").values_list("pk", flat=True))
    index = order.index(item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
        _renumber(meeting, order)


@transaction.atomic
def paper_add(*, item: AgendaItem, actor: User, title: str, upload) -> Paper:
    meeting = _locked_meeting(item.meeting)
    _require(rules.can_edit_agenda(actor, meeting) or meeting.status == MeetingStatus.HELD)
    return Paper.objects.create(
        item=item, title=title, file=upload, original_name=upload.name[:255], size=upload.size
    )


@transaction.atomic
def meeting_publish_agenda(*, meeting: Meeting, actor: User) -> Meeting:
    meeting = _locked_meeting(meeting)
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        return meeting
    _require(rules.is_secretary(actor))
    if not meeting.items.exists():
        raise ValidationError(_("Add at least one item before publishing the agenda."))
    _meeting_status(meeting, MeetingStatus.AGENDA_PUBLISHED, actor)
    meeting.agenda_published_at = timezone.now()
    meeting.sequence += 1
    meeting.save()
    email_users(
        current_members(),
        "agenda_published",
        {"meeting": meeting, "link": PageLink("advisory:meeting", [meeting.pk])},
    )
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor: User, reason: str = "") -> Meeting:
    meeting = _locked_meeting(meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        return meeting
    _require(rules.is_secretary(actor))
    _meeting_status(meeting, MeetingStatus.CANCELLED, actor, note=reason)
    meeting.sequence += 1
    meeting.save()
    on_agenda = meeting.items.filter(proposal__status=S.ON_AGENDA).select_related("proposal")
    for item in on_agenda:
        if item.proposal is None:
            continue
        proposal = _locked(item.proposal)
        _change_status(proposal, S.IN_REVIEW, actor)
        proposal.save(update_fields=["status"])
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, actor: User) -> Meeting:
    meeting = _locked_meeting(meeting)
    if meeting.status == MeetingStatus.HELD:
        return meeting
    _require(rules.is_secretary(actor))
    _meeting_status(meeting, MeetingStatus.HELD, actor)
    meeting.save()
    return meeting


@transaction.atomic
def decision_record(
    *,
    item: AgendaItem,
    actor: User,
    outcome: str,
    minutes: str,
    responsible_administrations=(),
    answer_working_days: int | None = None,
) -> Decision:
    """The council's decision on an item and the minutes' text. Members with a conflict of
    interest on the item's proposal are recorded as not taking part."""
    meeting = _locked_meeting(item.meeting)
    _require(rules.can_record_decisions(actor, meeting))
    proposal = item.proposal
    if proposal is None and outcome != Outcome.NOTED:
        raise ValidationError({"outcome": _("A free-standing item can only be noted.")})
    if proposal is not None and outcome == Outcome.NOTED:
        raise ValidationError({"outcome": _("Choose the council's decision on the proposal.")})
    if outcome == Outcome.RECOMMENDED and not responsible_administrations:
        raise ValidationError(
            {"responsible_administrations": _("Name the administrations that must answer.")}
        )
    decision, _created = Decision.objects.update_or_create(
        item=item, defaults={"outcome": outcome, "minutes": minutes, "recorded_by": actor}
    )
    decision.responsible_administrations.set(responsible_administrations)
    if proposal is not None:
        decision.not_participating.set(User.objects.filter(council_conflicts__proposal=proposal))
        _decide_proposal(proposal, actor, outcome, answer_working_days)
    return decision


def _decide_proposal(proposal: Proposal, actor, outcome: str, answer_working_days) -> None:
    proposal = _locked(proposal)
    if proposal.status == S.ON_AGENDA:
        _change_status(proposal, S.DECIDED, actor)
    elif proposal.status != S.DECIDED:
        raise ValidationError(_("This proposal is no longer on the agenda."))
    proposal.outcome = outcome
    proposal.decided_at = timezone.now()
    if answer_working_days:
        proposal.answer_working_days = answer_working_days
    proposal.save(update_fields=["status", "outcome", "decided_at", "answer_working_days"])


@transaction.atomic
def meeting_publish_minutes(*, meeting: Meeting, actor: User, summary: str = "") -> Meeting:
    """Publish the minutes: decided proposals of open items are published, and each
    recommendation's responsible administrations get their answer deadline."""
    meeting = _locked_meeting(meeting)
    if meeting.status == MeetingStatus.MINUTES_PUBLISHED:
        return meeting
    _require(rules.is_secretary(actor))
    items = list(meeting.items.select_related("proposal", "decision"))
    undecided = [item for item in items if not hasattr(item, "decision")]
    if undecided:
        raise ValidationError(
            _("Record a decision on every item first: %(items)s.")
            % {"items": ", ".join(str(item.number) for item in undecided)}
        )
    _meeting_status(meeting, MeetingStatus.MINUTES_PUBLISHED, actor)
    meeting.minutes_published_at = timezone.now()
    if summary:
        meeting.minutes_summary = summary
    meeting.save()
    for item in items:
        publish = not item.is_closed and item.decision.outcome != Outcome.DEFERRED
        if item.proposal is not None and publish:
            _publish_proposal(item.proposal, item.decision, actor)
    return meeting


def _publish_proposal(proposal: Proposal, decision: Decision, actor) -> None:
    proposal = _locked(proposal)
    if proposal.status != S.DECIDED:
        return
    _change_status(proposal, S.PUBLISHED, actor)
    proposal.published_at = timezone.now()
    proposal.save(update_fields=["status", "published_at"])
    if proposal.outcome != Outcome.RECOMMENDED:
        return
    due = add_working_days(timezone.localdate(), proposal.answer_working_days)
    administrations = list(decision.responsible_administrations.all())
    FollowUp.objects.bulk_create(
        [FollowUp(proposal=proposal, administration=a, due=due) for a in administrations],
        ignore_conflicts=True,
    )
    email_users(
        administration_staff(a.pk for a in administrations),
        "answer_awaited",
        {"proposal": proposal, "due": due, "link": PageLink("advisory:follow_ups")},
    )


# The follow-up of recommendations.


@transaction.atomic
def follow_up_answer(*, follow_up: FollowUp, actor: User, verdict: str, reasons: str) -> FollowUp:
    follow_up = FollowUp.objects.select_for_update().select_related("proposal").get(pk=follow_up.pk)
    if follow_up.answered_at is not None:
        raise ValidationError(_("The administration has already answered this recommendation."))
    _require(rules.can_answer(actor, follow_up))
    follow_up.verdict, follow_up.reasons = verdict, reasons
    follow_up.answered_by, follow_up.answered_at = actor, timezone.now()
    follow_up.save()
    ProposalEvent.objects.create(
        proposal=follow_up.proposal,
        kind=Kind.ANSWER,
        actor=actor,
        body=f"{follow_up.administration.code}: {follow_up.get_verdict_display()}\n{reasons}",
        is_public=True,
    )
    proposal = follow_up.proposal
    recipients = list(secretaries()) + ([proposal.submitter] if proposal.submitter else [])
    email_users(
        recipients,
        "answered",
        {
            "proposal": proposal,
            "follow_up": follow_up,
            "link": PageLink("advisory:recommendation", [proposal.pk]),
        },
    )
    return follow_up


@transaction.atomic
def progress_add(*, follow_up: FollowUp, actor: User, body: str) -> ProgressUpdate:
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    _require(rules.can_add_progress(actor, follow_up))
    update = ProgressUpdate.objects.create(follow_up=follow_up, body=body, author=actor)
    ProposalEvent.objects.create(
        proposal_id=follow_up.proposal_id,
        kind=Kind.PROGRESS,
        actor=actor,
        body=f"{follow_up.administration.code}: {body}",
        is_public=True,
    )
    return update
