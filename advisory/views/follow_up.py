"""The administrations' answers to recommendations, and the council members' own page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory import forms, rules, services
from advisory.models import (
    ConflictOfInterest,
    Meeting,
    Proposal,
    ProposalStatus,
    Review,
)
from advisory.views.common import add_errors
from portal import rules as portal_rules
from portal.decorators import staff_member_required


@staff_member_required
def follow_ups(request):
    """What the user's administrations owe the council."""
    if not portal_rules.is_civil_servant(request.user):
        raise PermissionDenied
    rows = rules.follow_ups_for(request.user).select_related("proposal", "administration")
    context = {
        "awaiting": rows.awaiting_answer().order_by("due"),
        "answered": rows.filter(answered_at__isnull=False).order_by("-answered_at")[:50],
        "today": timezone.localdate(),
    }
    return render(request, "advisory/follow_ups.html", context)


@staff_member_required
def follow_up(request, pk):
    follow_up = rules.get_follow_up_for_view(request.user, pk)
    answer_form = progress_form = None
    status = 200
    if rules.can_answer(request.user, follow_up):
        answer_form = forms.AnswerForm(request.POST or None)
    elif rules.can_add_progress(request.user, follow_up):
        progress_form = forms.ProgressForm(request.POST or None)
    form = answer_form or progress_form
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                _save(request.user, follow_up, form)
                messages.success(
                    request, _("Thank you. It is now on the recommendation's public page.")
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("advisory:follow_up", pk=follow_up.pk)
        status = 400
    context = {
        "follow_up": follow_up,
        "proposal": follow_up.proposal,
        "updates": follow_up.updates.all(),
        "answer_form": answer_form,
        "progress_form": progress_form,
    }
    response = render(request, "advisory/follow_up.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _save(user, follow_up, form) -> None:
    data = form.cleaned_data
    if isinstance(form, forms.AnswerForm):
        services.follow_up_answer(
            follow_up=follow_up, actor=user, verdict=data["verdict"], reasons=data["reasons"]
        )
    else:
        services.progress_add(follow_up=follow_up, actor=user, body=data["body"])


@staff_member_required
def member_home(request):
    """A council member's page: what waits for their review, meetings and papers."""
    user = request.user
    if not rules.is_member(user):
        raise PermissionDenied
    reviewed = Review.objects.filter(proposal=OuterRef("pk"), member=user)
    conflicted = ConflictOfInterest.objects.filter(proposal=OuterRef("pk"), member=user)
    proposals = (
        Proposal.objects.filter(status__in=(ProposalStatus.IN_REVIEW, ProposalStatus.ON_AGENDA))
        .annotate(reviewed=Exists(reviewed), conflicted=Exists(conflicted))
        .order_by("submitted_at")
    )
    context = {
        "to_review": [p for p in proposals if not p.reviewed and not p.conflicted],
        "reviewed": [p for p in proposals if p.reviewed],
        "conflicted": [p for p in proposals if p.conflicted],
        "meetings": Meeting.objects.upcoming().exclude(status="cancelled"),
    }
    response = render(request, "advisory/member.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
