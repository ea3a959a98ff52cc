from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from challenges import rules, services
from challenges.explanations import COLLABORATION_EXPLANATIONS
from challenges.forms import ChallengeForm
from challenges.models import CHALLENGE_ACTIONS, Challenge, Response, Status
from challenges.overview import ChallengeOverview
from portal.decorators import staff_member_required
from portal.models import Administration
from portal.overview import overview_page

LIST_RELATIONS = (
    Prefetch("co_owners", queryset=Administration.objects.only("code", "name_da", "name_en")),
)


def _list_queryset():
    return (
        Challenge.objects.published()
        .select_related("owner")
        .prefetch_related(*LIST_RELATIONS)
        .defer("description", "search_vector")
    )


def challenge_list(request):
    """The overview (portal.overview.overview_page: rendered once per query string and
    kept for a few seconds, so a popular page costs no database query at all)."""
    return overview_page(request, ChallengeOverview, _list_queryset, "challenges/list.html")


def challenge_detail(request, pk):
    challenge = rules.get_challenge_for_view(request.user, pk)
    can_manage = rules.can_manage(request.user, challenge)
    own_responses = list(
        Response.objects.for_member(request.user)
        .filter(challenge=challenge)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    can_respond = rules.can_respond(request.user, challenge)
    context = {
        "challenge": challenge,
        "breadcrumb_trail": [(_("Challenges"), reverse("challenges:list"))],
        "collaboration_explanation": COLLABORATION_EXPLANATIONS[challenge.collaboration],
        "can_manage": can_manage,
        "actions": challenge.available_actions() if can_manage else [],
        "events": challenge.events.select_related("actor")[:50] if can_manage else [],
        "own_responses": own_responses,
        # Visitors and people without an organisation are led to log in or register one.
        "show_respond_button": challenge.is_open_for_responses
        and not can_manage
        and (can_respond or not own_responses),
        "responses": (
            challenge.responses.select_related("organisation", "submitted_by").order_by(
                "-created_at", "-pk"
            )
            if can_manage
            else []
        ),
    }
    return render(request, "challenges/detail.html", context)


@staff_member_required
def challenge_create(request):
    if not rules.can_create(request.user):
        raise PermissionDenied
    form = ChallengeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            challenge = services.challenge_create(user=request.user, data=dict(form.cleaned_data))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The challenge has been saved as a draft. Publish it when it is ready.")
            )
            return redirect(challenge)
    return render(request, "challenges/form.html", {"form": form, "challenge": None})


@staff_member_required
def challenge_edit(request, pk):
    challenge = rules.get_challenge_for_change(request.user, pk)
    form = ChallengeForm(request.POST or None, instance=challenge, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_update(
                user=request.user, challenge=challenge, data=dict(form.cleaned_data)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The challenge has been saved."))
            return redirect(challenge)
    return render(request, "challenges/form.html", {"form": form, "challenge": challenge})


@staff_member_required
@require_POST
def challenge_transition(request, pk):
    challenge = rules.get_challenge_for_change(request.user, pk)
    to_status = request.POST.get("to", "")
    try:
        services.challenge_change_status(
            user=request.user, challenge=challenge, to_status=to_status
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, str(CHALLENGE_ACTIONS[Status(to_status)].done))
    return redirect(challenge)


@staff_member_required
def my_challenges(request):
    challenges = (
        rules.managed_by(request.user)
        .select_related("owner")
        .annotate(response_count=Count("responses"))
        .order_by("status", "-updated_at")
    )
    context = {"challenges": challenges, "can_create": rules.can_create(request.user)}
    return render(request, "challenges/mine.html", context)
