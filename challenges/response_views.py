"""Responses to challenges: organisations answer, the challenge's owners decide, both talk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from challenges import rules, services
from challenges.forms import (
    ResponseDecisionForm,
    ResponseEditForm,
    ResponseForm,
    ResponseMessageForm,
)
from challenges.models import RESPONSE_ACTIONS, Response, ResponseStatus
from organisations.models import Organisation
from portal.decorators import staff_member_required
from portal.ratelimit import allow

NOT_EDITABLE = gettext_lazy(
    "The response can no longer be changed or withdrawn: the owners are already considering it. "
    "You can still write to them below."
)

TOO_MANY = gettext_lazy(
    "You have sent many messages in a short time. Wait a while and try again; "
    "what you wrote is kept below."
)


def _add_service_error(form, error: ValidationError) -> None:
    """A service's refusal at its field when the form shows that field, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _challenge_crumbs(challenge):
    return [
        (_("Challenges"), reverse("challenges:list")),
        (challenge.title, challenge.get_absolute_url()),
    ]


@login_required
def respond(request, pk):
    challenge = rules.get_challenge_for_view(request.user, pk)
    context = {"challenge": challenge, "breadcrumb_trail": _challenge_crumbs(challenge)}
    if not Organisation.objects.for_member(request.user).exists():
        return render(request, "challenges/no_organisation.html", context)
    existing = (
        Response.objects.for_member(request.user)
        .filter(challenge=challenge)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    context["existing_responses"] = existing
    if not challenge.is_open_for_responses:
        return render(request, "challenges/respond.html", {**context, "closed": True})
    organisations = list(rules.organisations_that_may_respond(request.user, challenge))
    if not organisations:
        return render(request, "challenges/respond.html", {**context, "all_responded": True})
    form = ResponseForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        user=request.user,
        proposed=request.GET,
    )
    if request.method == "POST" and form.is_valid():
        if not allow("response_submit", f"user:{request.user.pk}"):
            form.add_error(None, TOO_MANY)
            return render(request, "challenges/respond.html", {**context, "form": form})
        try:
            response = services.response_submit(
                user=request.user,
                challenge=challenge,
                organisation=form.cleaned_data["organisation"],
                message=form.cleaned_data["message"],
                offer=form.cleaned_data["offer"],
                solution=form.cleaned_data.get("solution"),
                attachment=form.cleaned_data.get("attachment"),
                url_builder=request.build_absolute_uri,
            )
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Your response has been sent. The contact person has been notified by e-mail."),
            )
            return redirect(response)
    return render(request, "challenges/respond.html", {**context, "form": form})


def _render_detail(request, response, *, decision_form=None, message_form=None):
    user = request.user
    can_decide = rules.can_decide_response(user, response)
    can_write = rules.can_post_response_message(user, response)
    member_ids = set(response.organisation.memberships.values_list("user_id", flat=True))
    is_member = user.pk in member_ids
    context = {
        "response": response,
        "challenge": response.challenge,
        "thread": response.messages.select_related("author"),
        "history": response.events.select_related("actor"),
        "organisation_member_ids": member_ids,
        "is_member": is_member,
        # The solution's organisation is the response's (services), so members may open it
        # in any status; the owners and everyone else only while it is published.
        "solution_is_linked": response.solution is not None
        and (response.solution.is_public or is_member),
        "can_decide": can_decide,
        "can_edit": is_member and response.is_editable,
        "actions": response.available_actions(by_organisation=False) if can_decide else [],
        "own_actions": response.available_actions(by_organisation=True) if is_member else [],
        "decision_form": decision_form or (ResponseDecisionForm() if can_decide else None),
        "can_write": can_write,
        "message_form": message_form or (ResponseMessageForm() if can_write else None),
        "breadcrumb_trail": _challenge_crumbs(response.challenge),
    }
    return render(request, "challenges/response_detail.html", context)


@login_required
def response_detail(request, pk):
    response = rules.get_response_for_view(request.user, pk)
    return _render_detail(request, response)


def _confirm(request, response, action, form):
    """The page that asks before accepting, declining or withdrawing: nothing has changed yet."""
    context = {
        "response": response,
        "challenge": response.challenge,
        "action": action,
        "question": action.question % {"organisation": response.organisation.name},
        "form": form,
        "breadcrumb_trail": _challenge_crumbs(response.challenge),
    }
    return render(request, "challenges/response_confirm.html", context)


def _change_status(request, response, to_status, form):
    """Make the change (after the confirmation where one is needed) and go back to the page."""
    action = RESPONSE_ACTIONS.get(to_status)
    if (
        action is not None
        and action.needs_confirmation
        and to_status in response.allowed_transitions()
        and request.POST.get("confirmed") != "yes"
    ):
        return _confirm(request, response, action, form)
    try:
        services.response_change_status(
            user=request.user,
            response=response,
            to_status=to_status,
            message=form.cleaned_data["message"],
            url_builder=request.build_absolute_uri,
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if action is not None:
            messages.success(request, str(action.done))
    return redirect(response)


@staff_member_required
@require_POST
def response_transition(request, pk):
    """The owners' decisions. Accepting and declining ask for confirmation first."""
    response = rules.get_response_for_decision(request.user, pk)
    form = ResponseDecisionForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, response, decision_form=form)
    to_status = request.POST.get("to", "")
    if not rules.can_make_response_transition(request.user, response, to_status):
        raise PermissionDenied  # withdrawing belongs to the organisation
    return _change_status(request, response, to_status, form)


@login_required
def response_withdraw(request, pk):
    """The organisation takes its response back (until the owners shortlist it)."""
    response = rules.get_response_of_organisation(request.user, pk)
    action = RESPONSE_ACTIONS[ResponseStatus.WITHDRAWN]
    if not response.is_editable:
        messages.info(request, str(NOT_EDITABLE))
        return redirect(response)
    form = ResponseDecisionForm(request.POST or None, label=_("Why you withdraw it"))
    if request.method != "POST" or not form.is_valid():
        return _confirm(request, response, action, form)
    return _change_status(request, response, ResponseStatus.WITHDRAWN, form)


@login_required
def response_edit(request, pk):
    response = rules.get_response_of_organisation(request.user, pk)
    if not response.is_editable:
        messages.info(request, str(NOT_EDITABLE))
        return redirect(response)
    form = ResponseEditForm(request.POST or None, request.FILES or None, instance=response)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_update(
                user=request.user,
                response=response,
                data=form.cleaned_data,
                attachment=form.cleaned_data.get("attachment"),
                url_builder=request.build_absolute_uri,
            )
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, _("Your response has been saved."))
            return redirect(response)
    context = {
        "response": response,
        "challenge": response.challenge,
        "form": form,
        "breadcrumb_trail": _challenge_crumbs(response.challenge),
    }
    return render(request, "challenges/response_edit.html", context)


@login_required
@require_POST
def response_message(request, pk):
    response = rules.get_response_for_view(request.user, pk)
    form = ResponseMessageForm(request.POST)
    if form.is_valid() and not allow("response_message", f"user:{request.user.pk}"):
        form.add_error(None, TOO_MANY)
    if not form.is_valid():
        return _render_detail(request, response, message_form=form)
    try:
        services.response_post_message(
            user=request.user,
            response=response,
            body=form.cleaned_data["body"],
            url_builder=request.build_absolute_uri,
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your message has been sent."))
    return redirect(response)


@login_required
@cache_control(private=True, no_store=True)
def response_attachment(request, pk):
    response = rules.get_response_for_view(request.user, pk)
    if not response.attachment:
        raise Http404
    try:
        handle = response.attachment.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=response.attachment_name or "attachment",
        content_type="application/octet-stream",
    )


@login_required
def my_responses(request):
    responses = (
        Response.objects.for_member(request.user)
        .select_related("challenge", "organisation")
        .order_by("-updated_at", "-pk")
    )
    has_organisation = Organisation.objects.for_member(request.user).exists()
    return render(
        request,
        "challenges/my_responses.html",
        {"responses": responses, "has_organisation": has_organisation},
    )
