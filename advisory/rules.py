"""Who may see and do what in the council: the one place for these checks.

- The public sees meetings once their agenda is published, open items' papers, minutes
  once published, and published decisions and recommendations.
- A submitter sees their own proposals in every status.
- Council members (with two-factor) see proposals from "in review" on, closed items and
  their papers; a member with a conflict of interest on a proposal sees neither its
  reviews, nor its attachments, nor the papers of its agenda items, and cannot review it.
  Reviews are blind: a member sees the others' reviews only after submitting their own.
- The secretary (with two-factor) sees and runs everything.
- Civil servants of an administration that must answer a recommendation answer it.

Getters raise 404 for what the user may not see, and 403 where the object is visible but
the action is not allowed.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from advisory.models import (
    COUNCIL_STATUSES,
    EDITABLE_MEETING_STATUSES,
    PROPOSAL_TRANSITIONS,
    REVIEWABLE_STATUSES,
    WITHDRAWABLE_STATUSES,
    AgendaItem,
    FollowUp,
    Meeting,
    MeetingStatus,
    Paper,
    Proposal,
    ProposalAttachment,
    ProposalKind,
    ProposalStatus,
)
from portal import rules as portal_rules

S = ProposalStatus


# Who the user is.


def is_secretary(user) -> bool:
    return portal_rules.can_open_staff_pages(user) and portal_rules.is_council_secretary(user)


def is_member(user) -> bool:
    return portal_rules.can_open_staff_pages(user) and portal_rules.is_council_member(user)


def is_council(user) -> bool:
    return is_secretary(user) or is_member(user)


def can_propose(user) -> bool:
    """Any logged-in, active user (entrepreneurs and civil servants)."""
    return bool(user.is_authenticated and user.is_active)


def is_submitter(user, proposal: Proposal) -> bool:
    return user.is_authenticated and proposal.submitter_id == user.pk


def _conflicted_proposal_ids(user) -> frozenset[int]:
    cached = getattr(user, "_advisory_conflicts", None)
    if cached is None:
        cached = frozenset(user.council_conflicts.values_list("proposal_id", flat=True))
        user._advisory_conflicts = cached
    return cached


def has_conflict(user, proposal: Proposal) -> bool:
    return user.is_authenticated and proposal.pk in _conflicted_proposal_ids(user)


def has_reviewed(user, proposal: Proposal) -> bool:
    return user.is_authenticated and proposal.reviews.filter(member=user).exists()


def _may_become(proposal: Proposal, status: str) -> bool:
    return status in PROPOSAL_TRANSITIONS[ProposalStatus(proposal.status)]


# Proposals.


def can_view_proposal(user, proposal: Proposal) -> bool:
    if is_submitter(user, proposal):
        return True
    if is_secretary(user):
        return proposal.status != S.DRAFT
    return is_member(user) and proposal.status in COUNCIL_STATUSES


def can_edit(user, proposal: Proposal) -> bool:
    return is_submitter(user, proposal) and proposal.status == S.DRAFT


def can_submit(user, proposal: Proposal) -> bool:
    return can_edit(user, proposal)


def can_withdraw(user, proposal: Proposal) -> bool:
    return is_submitter(user, proposal) and proposal.status in WITHDRAWABLE_STATUSES


def can_answer_request(user, proposal: Proposal) -> bool:
    return is_submitter(user, proposal) and proposal.status == S.MORE_INFORMATION


def can_screen(user, proposal: Proposal) -> bool:
    return is_secretary(user) and proposal.status == S.SUBMITTED


def can_ask_for_information(user, proposal: Proposal) -> bool:
    return (
        is_secretary(user)
        and proposal.status in (S.SUBMITTED, S.SCREENING)
        and _may_become(proposal, S.MORE_INFORMATION)
    )


def can_accept_for_review(user, proposal: Proposal) -> bool:
    return is_secretary(user) and proposal.status in (S.SUBMITTED, S.SCREENING)


def can_return(user, proposal: Proposal) -> bool:
    return is_secretary(user) and _may_become(proposal, S.RETURNED)


def can_see_attachments(user, proposal: Proposal) -> bool:
    application = (
        getattr(proposal, "application", None)
        if proposal.kind == ProposalKind.POOL_APPLICATION
        else None
    )
    if application is not None:
        from advisory import pool_rules  # the pools' rules build on these

        return pool_rules.can_see_application_attachments(user, application)
    if is_submitter(user, proposal) or (is_secretary(user) and proposal.status != S.DRAFT):
        return True
    return (
        is_member(user) and proposal.status in COUNCIL_STATUSES and not has_conflict(user, proposal)
    )


# Reviews and conflicts.


def can_review(user, proposal: Proposal) -> bool:
    return (
        is_member(user)
        and proposal.status in REVIEWABLE_STATUSES
        and not has_conflict(user, proposal)
    )


def can_declare_conflict(user, proposal: Proposal) -> bool:
    return (
        is_member(user)
        and proposal.status in REVIEWABLE_STATUSES
        and not has_conflict(user, proposal)
    )


def can_see_reviews(user, proposal: Proposal) -> bool:
    """Blind reviews: the secretary always; a member without a conflict only after
    submitting their own review."""
    if is_secretary(user) and proposal.status != S.DRAFT:
        return True
    return (
        is_member(user)
        and proposal.status in COUNCIL_STATUSES
        and not has_conflict(user, proposal)
        and has_reviewed(user, proposal)
    )


def can_see_summary(user, proposal: Proposal) -> bool:
    return is_secretary(user) and proposal.status in COUNCIL_STATUSES


# Meetings, items, papers.


def can_view_meeting(user, meeting: Meeting) -> bool:
    return meeting.is_public or is_council(user)


def can_manage_meetings(user) -> bool:
    return is_secretary(user)


def can_edit_agenda(user, meeting: Meeting) -> bool:
    return is_secretary(user) and meeting.status in EDITABLE_MEETING_STATUSES


def can_record_decisions(user, meeting: Meeting) -> bool:
    return is_secretary(user) and meeting.status in (
        MeetingStatus.AGENDA_PUBLISHED,
        MeetingStatus.HELD,
    )


def can_see_item_details(user, item: AgendaItem) -> bool:
    """An open item's description and papers are public with the agenda; a closed item's
    only for the council, and not for a member with a conflict on its proposal."""
    if not can_view_meeting(user, item.meeting):
        return False
    if not item.is_closed:
        return True
    if is_secretary(user):
        return True
    if not is_member(user):
        return False
    return item.proposal_id is None or item.proposal_id not in _conflicted_proposal_ids(user)


def can_see_decision(user, item: AgendaItem) -> bool:
    """The minutes are public once published, except closed items' decisions."""
    if is_secretary(user):
        return True
    if item.meeting.minutes_are_public and not item.is_closed:
        return True
    return (
        is_member(user)
        and item.meeting.status
        in (
            MeetingStatus.HELD,
            MeetingStatus.MINUTES_PUBLISHED,
        )
        and can_see_item_details(user, item)
    )


# Follow-up of recommendations.


def can_answer(user, follow_up: FollowUp) -> bool:
    return (
        portal_rules.can_open_staff_pages(user)
        and follow_up.administration_id in portal_rules.administration_ids(user)
        and follow_up.answered_at is None
    )


def can_add_progress(user, follow_up: FollowUp) -> bool:
    return (
        portal_rules.can_open_staff_pages(user)
        and follow_up.administration_id in portal_rules.administration_ids(user)
        and follow_up.answered_at is not None
    )


def can_view_follow_up(user, follow_up: FollowUp) -> bool:
    return is_secretary(user) or (
        portal_rules.can_open_staff_pages(user)
        and follow_up.administration_id in portal_rules.administration_ids(user)
    )


def follow_ups_for(user) -> QuerySet[FollowUp]:
    if not portal_rules.can_open_staff_pages(user):
        return FollowUp.objects.none()
    return FollowUp.objects.for_administrations(portal_rules.administration_ids(user))


# Fetch and check.


def get_proposal_for_view(user, pk) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.select_related("submitter"), pk=pk)
    if not can_view_proposal(user, proposal):
        raise Http404
    return proposal


def get_proposal_for_action(user, pk, predicate) -> Proposal:
    """404 when the user may not see the proposal, 403 when they may but not do this."""
    proposal = get_proposal_for_view(user, pk)
    if not predicate(user, proposal):
        raise PermissionDenied
    return proposal


def get_attachment(user, pk, attachment_pk) -> ProposalAttachment:
    proposal = get_proposal_for_view(user, pk)
    if not can_see_attachments(user, proposal):
        raise Http404
    return get_object_or_404(ProposalAttachment, proposal=proposal, pk=attachment_pk)


def get_meeting_for_view(user, pk) -> Meeting:
    meeting = get_object_or_404(Meeting, pk=pk)
    if not can_view_meeting(user, meeting):
        raise Http404
    return meeting


def get_meeting_for_secretary(user, pk) -> Meeting:
    if not is_secretary(user):
        raise Http404
    return get_object_or_404(Meeting, pk=pk)


def get_item_for_secretary(user, meeting_pk, item_pk) -> AgendaItem:
    meeting = get_meeting_for_secretary(user, meeting_pk)
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting", "proposal"), meeting=meeting, pk=item_pk
    )


def get_paper(user, meeting_pk, paper_pk) -> Paper:
    paper = get_object_or_404(
        Paper.objects.select_related("item", "item__meeting"),
        pk=paper_pk,
        item__meeting_id=meeting_pk,
    )
    if not can_see_item_details(user, paper.item):
        raise Http404
    return paper


def get_recommendation(pk) -> Proposal:
    return get_object_or_404(Proposal.objects.published_decisions(), pk=pk)


def get_follow_up_for_view(user, pk) -> FollowUp:
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("proposal", "administration"), pk=pk
    )
    if not can_view_follow_up(user, follow_up):
        raise Http404
    return follow_up
