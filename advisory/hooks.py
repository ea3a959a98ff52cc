"""How the council takes part in the portal's shared pages (see portal/hooks.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory import rules
from advisory.models import (
    Decision,
    FollowUp,
    MeetingEvent,
    ProgressUpdate,
    Proposal,
    ProposalEvent,
)
from portal import rules as portal_rules
from portal.hooks import Link


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
                FollowUp.objects.overdue(timezone.localdate()).count(),
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
        waiting = rules.follow_ups_for(user).awaiting_answer().count()
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
work_overview = pool_hooks.work_overview
