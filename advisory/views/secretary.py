"""The secretary's work: the queue, meetings and agendas, decisions and minutes, the
council's membership, and the answers the administrations owe."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from advisory import forms, rules, services
from advisory.models import (
    CouncilMembership,
    FollowUp,
    Meeting,
    Paper,
    Proposal,
    ProposalStatus,
)
from advisory.views.common import add_errors
from portal.decorators import staff_member_required
from portal.workdays import working_days_between


def secretary_required(view):
    """Staff pages (two-factor) for the secretary only: 403 for other staff."""

    @staff_member_required
    def wrapper(request, *args, **kwargs):
        if not rules.is_secretary(request.user):
            raise PermissionDenied
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@dataclass(frozen=True)
class QueueRow:
    proposal: Proposal
    overdue: bool
    working_days: int


@secretary_required
def queue(request):
    today = timezone.localdate()
    rows = []
    for proposal in Proposal.objects.in_queue().select_related("submitter"):
        due = proposal.screening_due or today
        overdue = due < today and proposal.status != ProposalStatus.MORE_INFORMATION
        days = working_days_between(due, today) if overdue else working_days_between(today, due)
        rows.append(QueueRow(proposal, overdue, days))
    in_review = (
        Proposal.objects.filter(status__in=(ProposalStatus.IN_REVIEW, ProposalStatus.ON_AGENDA))
        .annotate(review_count=Count("reviews", distinct=True))
        .order_by("submitted_at")
    )
    context = {
        "rows": rows,
        "in_review": in_review,
        "deferred": Proposal.objects.filter(status=ProposalStatus.DECIDED, outcome="deferred"),
        "member_count": services.current_members().count(),
        "overdue_answers": FollowUp.objects.overdue(today).count(),
    }
    return render(request, "advisory/secretary/queue.html", context)


@secretary_required
def meetings(request):
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request.user, **form.meeting_data())
        except ValidationError as error:
            add_errors(form, _to_form_fields(error))
        else:
            messages.success(request, _("The meeting has been created. Now build its agenda."))
            return redirect("advisory:meeting_manage", pk=meeting.pk)
    context = {
        "form": form,
        "upcoming": Meeting.objects.upcoming().annotate(item_count=Count("items")),
        "past": Meeting.objects.past().annotate(item_count=Count("items"))[:30],
    }
    return render(
        request, "advisory/secretary/meetings.html", context, status=400 if form.errors else 200
    )


def _to_form_fields(error: ValidationError) -> ValidationError:
    """The service names `starts_at`; the form has `date`."""
    if hasattr(error, "error_dict") and "starts_at" in error.error_dict:
        return ValidationError({"date": error.error_dict["starts_at"]})
    return error


def _meeting_context(user, meeting, bound: dict) -> dict:
    items = meeting.items.select_related("proposal", "decision").prefetch_related(
        Prefetch("papers", queryset=Paper.objects.order_by("pk")),
        "decision__not_participating",
        "proposal__administrations",
    )
    decision_forms = {}
    for item in items:
        decision = getattr(item, "decision", None)
        initial = {
            "answer_working_days": item.proposal.answer_working_days if item.proposal else None
        }
        if item.proposal:
            initial["responsible_administrations"] = list(item.proposal.administrations.all())
        else:
            initial["outcome"] = "noted"
        if decision:
            initial.update(outcome=decision.outcome, minutes=decision.minutes)
        decision_forms[item.pk] = (
            bound.get(("decide", item.pk))
            or forms.DecisionForm(initial=initial, prefix=f"item{item.pk}"),
            bound.get(("paper", item.pk)) or forms.PaperForm(prefix=f"paper{item.pk}"),
        )
    return {
        "meeting": meeting,
        "items": [(item, *decision_forms[item.pk]) for item in items],
        "edit_form": bound.get("update")
        or forms.MeetingForm.for_meeting(meeting, prefix="meeting"),
        "item_form": bound.get("add_item") or forms.AgendaItemForm(prefix="item"),
        "minutes_form": bound.get("minutes")
        or forms.MinutesForm(initial={"summary": meeting.minutes_summary}),
        "cancel_form": bound.get("cancel") or forms.CancelForm(prefix="cancel"),
        "can_edit": rules.can_edit_agenda(user, meeting),
        "can_decide": rules.can_record_decisions(user, meeting),
        "events": meeting.events.select_related("actor"),
    }


def _render_meeting(request, meeting, bound=None, status=200):
    context = _meeting_context(request.user, meeting, bound or {})
    return render(request, "advisory/secretary/meeting.html", context, status=status)


@secretary_required
def meeting_manage(request, pk):
    return _render_meeting(request, rules.get_meeting_for_secretary(request.user, pk))


@dataclass(frozen=True)
class MeetingAction:
    form: Any
    perform: Any
    message: str
    prefix: str | None = None


def _add_item(meeting, user, form):
    data = form.cleaned_data
    return services.agenda_item_add(
        meeting=meeting,
        actor=user,
        title=data["title"],
        description=data["description"],
        is_closed=data["is_closed"],
        proposal=data["proposal"],
    )


def _update(meeting, user, form):
    return services.meeting_update(meeting=meeting, actor=user, **form.meeting_data())


MEETING_ACTIONS = {
    "update": MeetingAction(
        forms.MeetingForm, _update, gettext_lazy("The meeting has been changed."), "meeting"
    ),
    "add_item": MeetingAction(
        forms.AgendaItemForm,
        _add_item,
        gettext_lazy("The item has been added to the agenda."),
        "item",
    ),
    "publish": MeetingAction(
        None,
        lambda m, u, f: services.meeting_publish_agenda(meeting=m, actor=u),
        gettext_lazy("The agenda has been published. The members have been told."),
    ),
    "cancel": MeetingAction(
        forms.CancelForm,
        lambda m, u, f: services.meeting_cancel(
            meeting=m, actor=u, reason=f.cleaned_data["reason"]
        ),
        gettext_lazy("The meeting has been cancelled."),
        "cancel",
    ),
    "held": MeetingAction(
        None,
        lambda m, u, f: services.meeting_mark_held(meeting=m, actor=u),
        gettext_lazy("The meeting is marked as held. Record the decisions."),
    ),
    "minutes": MeetingAction(
        forms.MinutesForm,
        lambda m, u, f: services.meeting_publish_minutes(
            meeting=m, actor=u, summary=f.cleaned_data["summary"]
        ),
        gettext_lazy("The minutes have been published."),
    ),
}


@secretary_required
@require_POST
def meeting_action(request, pk, action):
    if action not in MEETING_ACTIONS:
        raise Http404
    meeting = rules.get_meeting_for_secretary(request.user, pk)
    spec = MEETING_ACTIONS[action]
    form = spec.form(request.POST, prefix=spec.prefix) if spec.form else None
    if form is not None and not form.is_valid():
        return _render_meeting(request, meeting, {action: form}, status=400)
    try:
        spec.perform(meeting, request.user, form)
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("advisory:meeting_manage", pk=meeting.pk)
        add_errors(form, _to_form_fields(error))
        return _render_meeting(request, meeting, {action: form}, status=400)
    messages.success(request, str(spec.message))
    return redirect("advisory:meeting_manage", pk=meeting.pk)


def _decide(item, user, request):
    form = forms.DecisionForm(request.POST, prefix=f"item{item.pk}")
    if not form.is_valid():
        return form
    data = form.cleaned_data
    services.decision_record(
        item=item,
        actor=user,
        outcome=data["outcome"],
        minutes=data["minutes"],
        responsible_administrations=data["responsible_administrations"],
        answer_working_days=data["answer_working_days"],
    )
    return None


def _paper(item, user, request):
    form = forms.PaperForm(request.POST, request.FILES, prefix=f"paper{item.pk}")
    if not form.is_valid():
        return form
    services.paper_add(
        item=item, actor=user, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
    )
    return None


ITEM_ACTIONS = {
    "up": (
        lambda i, u, r: services.agenda_item_move(item=i, actor=u, up=True),
        gettext_lazy("The item has been moved."),
    ),
    "down": (
        lambda i, u, r: services.agenda_item_move(item=i, actor=u, up=False),
        gettext_lazy("The item has been moved."),
    ),
    "remove": (
        lambda i, u, r: services.agenda_item_remove(item=i, actor=u),
        gettext_lazy("The item has been removed."),
    ),
    "decide": (_decide, gettext_lazy("The decision has been recorded.")),
    "paper": (_paper, gettext_lazy("The paper has been added.")),
}


@secretary_required
@require_POST
def item_action(request, pk, item_pk, action):
    if action not in ITEM_ACTIONS:
        raise Http404
    item = rules.get_item_for_secretary(request.user, pk, item_pk)
    perform, message = ITEM_ACTIONS[action]
    key = (action, item.pk)
    try:
        invalid = perform(item, request.user, request)
    except ValidationError as error:
        if action not in ("decide", "paper"):
            messages.error(request, " ".join(error.messages))
            return redirect("advisory:meeting_manage", pk=item.meeting_id)
        form = (
            forms.DecisionForm(request.POST, prefix=f"item{item.pk}")
            if action == "decide"
            else forms.PaperForm(request.POST, request.FILES)
        )
        form.is_valid()
        add_errors(form, error)
        invalid = form
    if invalid is not None:
        return _render_meeting(request, item.meeting, {key: invalid}, status=400)
    messages.success(request, str(message))
    return redirect("advisory:meeting_manage", pk=item.meeting_id)


@secretary_required
def members(request):
    form = forms.MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.membership_add(
                actor=request.user,
                user=data["email"],
                position=data["position"],
                seat=data["seat"],
                affiliation=data["affiliation"],
                term_start=data["term_start"],
                term_end=data["term_end"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The member has been added to the council."))
            return redirect("advisory:members")
    today = timezone.localdate()
    memberships = CouncilMembership.objects.select_related("user")
    context = {
        "form": form,
        "current": memberships.current(today).in_council_order(),
        "future": memberships.filter(term_start__gt=today),
        "former": memberships.former(today).order_by("-term_end"),
        "end_form": forms.EndTermForm(initial={"term_end": today}),
    }
    return render(
        request, "advisory/secretary/members.html", context, status=400 if form.errors else 200
    )


@secretary_required
@require_POST
def membership_end(request, pk):
    membership = get_object_or_404(CouncilMembership, pk=pk)
    form = forms.EndTermForm(request.POST)
    if form.is_valid():
        try:
            services.membership_end(
                membership=membership, actor=request.user, term_end=form.cleaned_data["term_end"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The term has been ended."))
    else:
        messages.error(request, _("Enter a valid date for the end of the term."))
    return redirect("advisory:members")


@secretary_required
def follow_ups(request):
    today = timezone.localdate()
    rows = FollowUp.objects.select_related("proposal", "administration")
    context = {
        "overdue": rows.overdue(today),
        "awaiting": rows.awaiting_answer().filter(due__gte=today),
        "answered": rows.filter(answered_at__isnull=False).order_by("-answered_at")[:50],
    }
    return render(request, "advisory/secretary/follow_ups.html", context)
