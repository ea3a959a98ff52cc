"""A proposal's pages: the submitter's list, form and status page; the same page shows a
council member their review and the secretary the screening, reviews and summary."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Avg, Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from advisory import forms, rules, services
from advisory.models import ProposalKind, ProposalStatus, Review
from advisory.pool_models import Application
from advisory.views.common import add_errors, file_response
from portal.ratelimit import allow

PAGE_SIZE = 25
# The submitter's steps that e-mail the secretaries are rate limited per user.
RATE_LIMITED = ("submit", "answer", "withdraw")
TOO_MANY = gettext_lazy("You have done this many times in a short while. Try again in an hour.")


@dataclass(frozen=True)
class Action:
    predicate: Any
    form: Any
    perform: Any
    message: str


ACTIONS = {
    "submit": Action(
        rules.can_submit,
        None,
        lambda p, u, d, f: services.proposal_submit(proposal=p, actor=u),
        gettext_lazy("Your proposal has been submitted. The secretary will screen it."),
    ),
    "withdraw": Action(
        rules.can_withdraw,
        forms.OptionalReasonForm,
        lambda p, u, d, f: services.proposal_withdraw(proposal=p, actor=u, reason=d["reason"]),
        gettext_lazy("The proposal has been withdrawn."),
    ),
    "answer": Action(
        rules.can_answer_request,
        forms.MessageForm,
        lambda p, u, d, f: services.proposal_answer_request(
            proposal=p, actor=u, body=d["body"], attachments=d["attachments"]
        ),
        gettext_lazy("Thank you. The secretary has your answer."),
    ),
    "screen": Action(
        rules.can_screen,
        None,
        lambda p, u, d, f: services.proposal_start_screening(proposal=p, actor=u),
        gettext_lazy("You are screening the proposal."),
    ),
    "ask": Action(
        rules.can_ask_for_information,
        forms.QuestionForm,
        lambda p, u, d, f: services.proposal_ask_for_information(
            proposal=p, actor=u, question=d["question"]
        ),
        gettext_lazy("The submitter has been asked for more information."),
    ),
    "accept": Action(
        rules.can_accept_for_review,
        None,
        lambda p, u, d, f: services.proposal_accept_for_review(proposal=p, actor=u),
        gettext_lazy("The proposal is in review. The members have been told."),
    ),
    "return": Action(
        rules.can_return,
        forms.ReasonForm,
        lambda p, u, d, f: services.proposal_return(proposal=p, actor=u, reason=d["reason"]),
        gettext_lazy("The proposal has been returned to the submitter."),
    ),
    "review": Action(
        rules.can_review,
        forms.ReviewForm,
        lambda p, u, d, f: services.review_submit(
            proposal=p, actor=u, scores=f.scores(), comment=d["comment"]
        ),
        gettext_lazy("Your review has been saved."),
    ),
    "conflict": Action(
        rules.can_declare_conflict,
        forms.ConflictForm,
        lambda p, u, d, f: services.conflict_declare(proposal=p, actor=u, reason=d["reason"]),
        gettext_lazy(
            "Your conflict of interest has been recorded. You take no part in this proposal."
        ),
    ),
}


@login_required
def my_proposals(request):
    proposals = request.user.council_proposals.order_by("-created_at", "-pk")
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "advisory/my_proposals.html", {"page_obj": page})


@login_required
def proposal_create(request):
    form = forms.ProposalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        proposal = services.proposal_create(
            actor=request.user,
            data=form.proposal_data(),
            administrations=form.cleaned_data["administrations"],
            attachments=form.cleaned_data["attachments"],
        )
        messages.success(request, _("Your draft has been saved. Submit it when it is ready."))
        return redirect("advisory:proposal", pk=proposal.pk)
    return render(request, "advisory/proposal_form.html", {"form": form})


@login_required
def proposal_edit(request, pk):
    proposal = rules.get_proposal_for_action(request.user, pk, rules.can_edit)
    form = forms.ProposalForm.for_proposal(proposal, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.proposal_update(
            proposal=proposal,
            actor=request.user,
            data=form.proposal_data(),
            administrations=form.cleaned_data["administrations"],
            attachments=form.cleaned_data["attachments"],
        )
        messages.success(request, _("Your draft has been saved."))
        return redirect("advisory:proposal", pk=proposal.pk)
    return render(request, "advisory/proposal_form.html", {"form": form, "proposal": proposal})


def _summary(proposal) -> dict:
    """The secretary's summary: averages per criterion, who has reviewed, who is missing,
    the conflicts."""
    averages = proposal.reviews.aggregate(
        social_impact=Avg("social_impact"),
        feasibility=Avg("feasibility"),
        economic_sustainability=Avg("economic_sustainability"),
        count=Count("pk"),
    )
    conflicts = list(proposal.conflicts.select_related("member"))
    members = services.current_members().order_by("first_name", "last_name", "email")
    reviewed = set(proposal.reviews.values_list("member_id", flat=True))
    conflicted = {conflict.member_id for conflict in conflicts}
    return {
        "averages": averages,
        "conflicts": conflicts,
        "missing": [m for m in members if m.pk not in reviewed and m.pk not in conflicted],
    }


def _forms_for(user, proposal, bound: dict) -> dict:
    return {
        name: bound.get(name) or (action.form() if action.form else None)
        for name, action in ACTIONS.items()
        if action.predicate(user, proposal)
    }


def _events_for(user, proposal):
    events = proposal.events.select_related("actor")
    if rules.is_secretary(user):
        return events
    if rules.is_submitter(user, proposal):
        return events.filter(for_submitter=True)
    return events.filter(is_public=True)


def _application_terms(proposal):
    """A pool application's terms (the pool, the amount, the period, the budget and the
    expected impact) with what the page shows of them; None for any other proposal."""
    if proposal.kind != ProposalKind.POOL_APPLICATION:
        return None
    return (
        Application.objects.filter(proposal=proposal)
        .select_related("pool__area")
        .prefetch_related("budget_lines", "expected_impacts", "goals", "areas")
        .first()
    )


def render_proposal(request, proposal, bound=None, status=200):
    user = request.user
    own_review = proposal.reviews.filter(member=user).first() if rules.is_member(user) else None
    action_forms = _forms_for(user, proposal, bound or {})
    if own_review and "review" in action_forms and not (bound or {}).get("review"):
        action_forms["review"] = forms.ReviewForm(
            initial={
                "social_impact": own_review.social_impact,
                "feasibility": own_review.feasibility,
                "economic_sustainability": own_review.economic_sustainability,
                "comment": own_review.comment,
            }
        )
    # An application's terms are shown to those who may open its attachments (its budget is
    # among them: advisory.pool_rules.can_see_application_attachments).
    may_see_attachments = rules.can_see_attachments(user, proposal)
    context = {
        "proposal": proposal,
        "application": _application_terms(proposal) if may_see_attachments else None,
        "administrations": proposal.administrations.all(),
        "events": _events_for(user, proposal),
        "attachments": proposal.attachments.all() if may_see_attachments else None,
        "action_forms": action_forms,
        "own_review": own_review,
        "has_conflict": rules.has_conflict(user, proposal),
        "is_submitter": rules.is_submitter(user, proposal),
        "is_secretary": rules.is_secretary(user),
        "can_edit": rules.can_edit(user, proposal),
        "reviews": (
            Review.objects.filter(proposal=proposal).select_related("member")
            if rules.can_see_reviews(user, proposal)
            else None
        ),
        "summary": _summary(proposal) if rules.can_see_summary(user, proposal) else None,
        "agenda_items": proposal.agenda_items.select_related("meeting"),
    }
    response = render(request, "advisory/proposal.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def proposal_detail(request, pk):
    return render_proposal(request, rules.get_proposal_for_view(request.user, pk))


@login_required
@require_POST
def proposal_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    spec = ACTIONS[action]
    proposal = rules.get_proposal_for_view(request.user, pk)
    if not spec.predicate(request.user, proposal):
        return _refused(request, proposal, action)
    form = spec.form(request.POST, request.FILES) if spec.form else None
    if form is not None and not form.is_valid():
        return render_proposal(request, proposal, {action: form}, status=400)
    if action in RATE_LIMITED and not allow("council_proposal", f"user:{request.user.pk}"):
        return _too_many(request, proposal, action, form)
    try:
        spec.perform(proposal, request.user, form.cleaned_data if form else {}, form)
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("advisory:proposal", pk=proposal.pk)
        add_errors(form, error)
        return render_proposal(request, proposal, {action: form}, status=400)
    messages.success(request, str(spec.message))
    return redirect("advisory:proposal", pk=proposal.pk)


def _too_many(request, proposal, action, form):
    if form is None:
        messages.error(request, str(TOO_MANY))
        return redirect("advisory:proposal", pk=proposal.pk)
    form.add_error(None, str(TOO_MANY))
    return render_proposal(request, proposal, {action: form}, status=429)


# The status an action leads to: the same action again (a double submit) lands on the
# page with the current status instead of an error.
DONE_STATUS = {
    "submit": ProposalStatus.SUBMITTED,
    "withdraw": ProposalStatus.WITHDRAWN,
    "screen": ProposalStatus.SCREENING,
    "ask": ProposalStatus.MORE_INFORMATION,
    "accept": ProposalStatus.IN_REVIEW,
    "return": ProposalStatus.RETURNED,
}


def _refused(request, proposal, action):
    """An action that is not (or no longer) possible."""
    user = request.user
    actor_may = (
        rules.is_submitter(user, proposal)
        if action in ("submit", "withdraw")
        else rules.is_secretary(user)
    )
    if DONE_STATUS.get(action) == proposal.status and actor_may:
        return redirect("advisory:proposal", pk=proposal.pk)
    if action == "review" and rules.is_member(user) and not rules.has_conflict(user, proposal):
        messages.error(
            request,
            _("The council has decided on this proposal; reviews can no longer be given."),
        )
        return render_proposal(request, proposal, status=400)
    raise PermissionDenied


@login_required
@cache_control(private=True, no_store=True)
def attachment(request, pk, attachment_pk):
    return file_response(rules.get_attachment(request.user, pk, attachment_pk))
