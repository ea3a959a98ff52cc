import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from challenges import rules, services
from challenges.explanations import COLLABORATION_EXPLANATIONS
from challenges.forms import ChallengeForm
from challenges.models import CHALLENGE_ACTIONS, Challenge, Response, Status
from challenges.overview import ChallengeOverview
from portal.caching import cached_fragment_for
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


# The public part of a challenge page shows the challenge, the suggested solutions and
# their organisations: a change in any of these apps makes a new copy (portal.caching).
DETAIL_NAMESPACES = ["challenges", "matching", "solutions", "organisations"]


def _content(challenge, *, can_manage: bool, request=None) -> dict:
    """The parts of a challenge page that are the same for everyone who sees it, or, for
    its owners (`can_manage`), their own version with the draft badge and the buttons on
    the suggestions (only then with `request`, for the forms' CSRF token)."""
    context = {
        "challenge": challenge,
        "can_manage": can_manage,
        "collaboration_explanation": COLLABORATION_EXPLANATIONS[challenge.collaboration],
    }
    return {
        "title": challenge.title,
        "open": challenge.is_open_for_responses,
        "intro": render_to_string("challenges/detail_intro.html", context),
        "body": render_to_string("challenges/detail_body.html", context),
        "facts": render_to_string("challenges/detail_facts.html", context),
        "suggestions": render_to_string("challenges/detail_suggestions.html", context, request),
    }


def _public_content(request, pk, challenge: Challenge | None) -> dict:
    """The public parts, rendered once per challenge, content version, language and day
    and kept a few seconds. A copy is only made of a public challenge (the getter gives a
    visitor nothing else, and `challenge` is one its viewer may see but not manage), so a
    visitor's cache hit needs no query at all."""

    def render_public() -> str:
        shown = challenge or rules.get_challenge_for_view(request.user, pk)
        return json.dumps(_content(shown, can_manage=False))

    day = timezone.localdate().isoformat()  # whether it is open, the suggestions' deadlines
    parts = ["detail", str(pk), day]
    return json.loads(cached_fragment_for(DETAIL_NAMESPACES, parts, render_public))


def challenge_detail(request, pk):
    """The challenge page: the public content from the short-lived cache around the
    user's own part (their organisations' responses, the respond button); its owners get
    it fresh, with drafts, suggestions to act on and the management part."""
    user = request.user
    challenge, can_manage = None, False
    if user.is_authenticated:
        challenge = rules.get_challenge_for_view(user, pk)
        can_manage = rules.can_manage(user, challenge)
    if can_manage:
        content = _content(challenge, can_manage=True, request=request)
    else:
        content = _public_content(request, pk, challenge)
    own_responses = []
    can_respond = False
    if challenge is not None and not can_manage:
        own_responses = list(
            Response.objects.for_member(user)
            .filter(challenge=challenge)
            .select_related("organisation")
            .order_by("organisation__name", "pk")
        )
        # Asked only where it decides the button: with no response yet, it is shown.
        can_respond = content["open"] and bool(own_responses) and rules.can_respond(user, challenge)
    context = {
        "challenge_pk": pk,
        "title": content["title"],
        "intro_html": mark_safe(content["intro"]),  # noqa: S308  (our own templates)
        "body_html": mark_safe(content["body"]),  # noqa: S308
        "facts_html": mark_safe(content["facts"]),  # noqa: S308
        "suggestions_html": mark_safe(content["suggestions"]),  # noqa: S308
        "breadcrumb_trail": [(_("Challenges"), reverse("challenges:list"))],
        "can_manage": can_manage,
        "own_responses": own_responses,
        # Visitors and people without an organisation are led to log in or register one.
        "show_respond_button": content["open"]
        and not can_manage
        and (can_respond or not own_responses),
    }
    if can_manage:
        context |= {
            "challenge": challenge,
            "actions": challenge.available_actions(),
            "events": challenge.events.select_related("actor")[:50],
            "responses": challenge.responses.select_related(
                "organisation", "submitted_by"
            ).order_by("-created_at", "-pk"),
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
