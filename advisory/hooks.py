"""How the council takes part in the portal's shared pages (see portal/hooks.py)."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory import rules
from advisory.models import (
    QUEUE_STATUSES,
    REVIEWABLE_STATUSES,
    ConflictOfInterest,
    Decision,
    FollowUp,
    MeetingEvent,
    ProgressUpdate,
    Proposal,
    ProposalEvent,
    ProposalStatus,
    Review,
)
from portal import rules as portal_rules
from portal.hooks import Link, Part

# Screening is overdue while the secretary has the proposal (not while the submitter is
# asked for more information), as on the secretary's queue.
SCREENING_STATUSES = (ProposalStatus.SUBMITTED, ProposalStatus.SCREENING)
SHOWN = 20


def _awaiting_answer(user) -> QuerySet[FollowUp]:
    """Recommendations the user's administrations have still to answer."""
    return rules.follow_ups_for(user).awaiting_answer()


def _overdue_answer_count() -> int:
    """Answers to recommendations past their due date, for the secretary (one query)."""
    return FollowUp.objects.overdue(timezone.localdate()).count()


def staff_links(user) -> list[Link]:
    links = []
    if rules.is_secretary(user):
        links += [
            Link(
                reverse("advisory:queue"),
                _("The council's secretariat"),
                _("screen proposals, build agendas, record decisions and publish minutes"),
                Proposal.objects.in_queue().count(),
            ),
            Link(
                reverse("advisory:follow_ups_manage"),
                _("Overdue answers to the council"),
                _("recommendations the administrations have not answered in time"),
                _overdue_answer_count(),
            ),
        ]
    if rules.is_member(user):
        links.append(
            Link(
                reverse("advisory:member"),
                _("The council's own pages"),
                _("review proposals, declare conflicts of interest, read the papers"),
            )
        )
    if portal_rules.is_civil_servant(user):
        waiting = _awaiting_answer(user).count()
        if waiting:
            links.append(
                Link(
                    reverse("advisory:follow_ups"),
                    _("The council's recommendations to answer"),
                    _("recommendations your administrations must answer"),
                    waiting,
                )
            )
    return links


def _to_review_part(user) -> Part:
    """A council member: the proposals in review that wait for their review (not reviewed,
    no conflict of interest declared), oldest first."""
    reviewed = Review.objects.filter(proposal=OuterRef("pk"), member=user)
    conflicted = ConflictOfInterest.objects.filter(proposal=OuterRef("pk"), member=user)
    proposals = list(
        Proposal.objects.filter(status__in=REVIEWABLE_STATUSES)
        .filter(~Exists(reviewed), ~Exists(conflicted))
        .only("pk", "title", "kind", "status", "submitted_at")
        .order_by("submitted_at", "pk")[:SHOWN]
    )
    return Part(
        key="council_reviews",
        heading=_("Proposals waiting for your review"),
        template="advisory/includes/overview_reviews.html",
        context={"proposals": proposals},
        order=16,
    )


def _queue_part(request) -> Part:
    """The council's secretary: the queue's new, waiting and overdue counts (one query)."""
    today = timezone.localdate()
    since = getattr(request, "work_overview_since", None)
    queue = Q(status__in=QUEUE_STATUSES)
    counts = Proposal.objects.filter(queue).aggregate(
        new=Count("pk", filter=Q(submitted_at__gt=since) if since else queue),
        submitted=Count("pk", filter=Q(status=ProposalStatus.SUBMITTED)),
        overdue=Count("pk", filter=Q(status__in=SCREENING_STATUSES, screening_due__lt=today)),
    )
    return Part(
        key="council_queue",
        heading=_("The council's secretariat"),
        template="advisory/includes/overview_queue.html",
        context={"counts": counts},
        order=17,
    )


def _overdue_answers_part() -> Part:
    """The council's secretary: how many answers to recommendations are overdue (one query)."""
    return Part(
        key="council_overdue_answers",
        heading=_("Overdue answers to the council"),
        template="advisory/includes/overview_overdue_answers.html",
        context={"overdue": _overdue_answer_count()},
        order=18,
    )


def _answers_part(user) -> Part | None:
    """A civil servant: the recommendations their administrations must answer, soonest due
    first, the overdue marked (one query); nothing when none waits."""
    follow_ups = list(
        _awaiting_answer(user)
        .select_related("proposal", "administration")
        .only(
            "pk",
            "due",
            "answered_at",
            "proposal",
            "proposal__title",
            "administration",
            "administration__name_da",
            "administration__name_en",
        )
        .order_by("due", "pk")[:SHOWN]
    )
    if not follow_ups:
        return None
    return Part(
        key="council_answers",
        heading=_("The council's recommendations to answer"),
        template="advisory/includes/overview_answers.html",
        context={"follow_ups": follow_ups},
        order=26,
    )


def _own_proposals_part(request) -> Part | None:
    """A submitter: their proposals whose status someone else changed since they last
    looked (every such proposal on a first visit), the latest change first (one query)."""
    user = request.user
    since = getattr(request, "work_overview_since", None)
    changes = ProposalEvent.objects.filter(
        proposal=OuterRef("pk"), kind=ProposalEvent.Kind.STATUS, for_submitter=True
    ).exclude(actor=user)
    if since is not None:
        changes = changes.filter(created_at__gt=since)
    proposals = list(
        Proposal.objects.filter(submitter=user)
        .annotate(changed_at=Subquery(changes.order_by("-created_at").values("created_at")[:1]))
        .filter(changed_at__isnull=False)
        .only("pk", "title", "status")
        .order_by("-changed_at", "-pk")[:SHOWN]
    )
    if not proposals:
        return None
    return Part(
        key="council_own_proposals",
        heading=_("News on your proposals to the council"),
        template="advisory/includes/overview_own_proposals.html",
        context={"proposals": proposals},
        order=45,
    )


def work_overview(request) -> list[Part]:
    """The council's part of the work overview (one query per part): a member's proposals
    to review, the secretary's queue counts and overdue answers, a civil servant's
    recommendations to answer, and a submitter's proposals with a new status."""
    user = request.user
    parts: list[Part | None] = []
    if rules.is_member(user):
        parts.append(_to_review_part(user))
    if rules.is_secretary(user):
        parts += [_queue_part(request), _overdue_answers_part()]
    if portal_rules.is_civil_servant(user):
        parts.append(_answers_part(user))
    parts.append(_own_proposals_part(request))
    return [part for part in parts if part is not None]


def export_user_data(user) -> dict:
    """The user's proposals, reviews, conflicts of interest, terms and answers, what they
    did as the council's secretary or as a civil servant answering the council, and the
    pools' records that name them."""
    from advisory import pool_hooks

    return {**_own_contributions(user), **_actions(user), **pool_hooks.export_user_data(user)}


def before_user_delete(user) -> None:
    from advisory import pool_hooks

    pool_hooks.before_user_delete(user)


def _actions(user) -> dict:
    return {
        "council_proposal_steps": [
            {
                "proposal": e.proposal.title,
                "kind": e.kind,
                "to_status": e.to_status,
                "body": e.body,
                "at": e.created_at.isoformat(),
            }
            for e in ProposalEvent.objects.filter(actor=user).select_related("proposal")
        ],
        "council_meeting_steps": [
            {
                "meeting": e.meeting.title,
                "to_status": e.to_status,
                "note": e.note,
                "at": e.created_at.isoformat(),
            }
            for e in MeetingEvent.objects.filter(actor=user).select_related("meeting")
        ],
        "council_decisions_recorded": [
            {"item": d.item.title, "outcome": d.outcome, "at": d.recorded_at.isoformat()}
            for d in Decision.objects.filter(recorded_by=user).select_related("item")
        ],
        "council_decisions_not_taking_part": [
            {"item": d.item.title, "at": d.recorded_at.isoformat()}
            for d in Decision.objects.filter(not_participating=user).select_related("item")
        ],
        "council_answers": [
            {
                "proposal": f.proposal.title,
                "verdict": f.verdict,
                "reasons": f.reasons,
                "at": f.answered_at.isoformat() if f.answered_at else None,
            }
            for f in FollowUp.objects.filter(answered_by=user).select_related("proposal")
        ],
        "council_progress_updates": [
            {"proposal": u.follow_up.proposal.title, "body": u.body, "at": u.created_at.isoformat()}
            for u in ProgressUpdate.objects.filter(author=user).select_related(
                "follow_up__proposal"
            )
        ],
    }


def _own_contributions(user) -> dict:
    return {
        "council_proposals": [
            {
                "title": p.title,
                "what": p.what,
                "why": p.why,
                "expected_effect": p.expected_effect,
                "status": p.status,
                "outcome": p.outcome,
                "created": p.created_at.isoformat(),
                "events": [
                    {
                        "kind": e.kind,
                        "to_status": e.to_status,
                        "body": e.body,
                        "at": e.created_at.isoformat(),
                    }
                    for e in p.events.filter(actor=user)
                ],
            }
            for p in user.council_proposals.all()
        ],
        "council_reviews": [
            {
                "proposal": r.proposal.title,
                "social_impact": r.social_impact,
                "feasibility": r.feasibility,
                "economic_sustainability": r.economic_sustainability,
                "comment": r.comment,
                "submitted": r.submitted_at.isoformat(),
            }
            for r in user.council_reviews.select_related("proposal")
        ],
        "council_conflicts_of_interest": [
            {
                "proposal": c.proposal.title,
                "reason": c.reason,
                "declared": c.declared_at.isoformat(),
            }
            for c in user.council_conflicts.select_related("proposal")
        ],
        "council_memberships": [
            {
                "position": m.position,
                "seat": m.seat,
                "affiliation": m.affiliation,
                "term_start": m.term_start.isoformat(),
                "term_end": m.term_end.isoformat() if m.term_end else None,
            }
            for m in user.council_memberships.all()
        ],
    }


from advisory import pool_hooks  # noqa: E402  (the pools)

staff_links = pool_hooks.with_pool_links(staff_links)
work_overview = pool_hooks.with_pool_parts(work_overview)
