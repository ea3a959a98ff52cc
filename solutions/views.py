"""The solution pages: thin views over solutions.rules, solutions.forms and
solutions.services."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.caching import cached_fragment_for
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal
from portal.overview import overview_page
from solutions import rules, services
from solutions.forms import SolutionForm, impact_formset
from solutions.models import TRANSITION_ACTIONS, TRANSITION_MESSAGES, Solution
from solutions.overview import SolutionOverview


def _list_queryset():
    return (
        Solution.objects.published()
        .select_related("organisation")
        .only(
            "pk",
            "title",
            "summary",
            "price_model",
            "collaborations",
            "published_at",
            "image_small",
            "image_description",
            "organisation__name",
            "organisation__slug",
            "organisation__is_rsv_registered",
        )
    )


def solution_list(request):
    """The overview (portal.overview.overview_page)."""
    return overview_page(request, SolutionOverview, _list_queryset, "solutions/list.html")


def _breadcrumbs():
    return [(_("Solutions"), reverse("solutions:list"))]


# The public part of a solution page shows the solution, its organisation and the open
# challenges suggested for it: a change in any of these apps makes a new copy.
DETAIL_NAMESPACES = ["solutions", "organisations", "matching", "challenges"]


def _content(solution) -> dict:
    """The article and the suggested challenges: what everyone who may see the solution
    sees (its organisation's members see their drafts in it too)."""
    article = render_to_string(
        "solutions/includes/article.html",
        {
            "solution": solution,
            "impact_statements": list(solution.impact_statements.all()),
            "districts": list(LocalCommitteeArea.objects.filter(pk__in=solution.district_ids)),
            "sdgs": list(SustainableDevelopmentGoal.objects.filter(pk__in=solution.sdg_ids)),
        },
    )
    suggestions = render_to_string("solutions/detail_suggestions.html", {"solution": solution})
    return {"title": solution.title, "article": article, "suggestions": suggestions}


def _public_content(request, pk, solution: Solution | None) -> dict:
    """The public content, rendered once per solution, content version, language and day
    and kept a few seconds (portal.caching). A copy is only made of a public solution (the
    getter gives a visitor nothing else, and `solution` is one its viewer may see but not
    manage), so a visitor's cache hit needs no query at all."""

    def render_public() -> str:
        shown = solution or rules.get_solution_for_view(request.user, pk)
        return json.dumps(_content(shown))

    day = timezone.localdate().isoformat()  # the suggested challenges' deadlines
    parts = ["detail", str(pk), day]
    return json.loads(cached_fragment_for(DETAIL_NAMESPACES, parts, render_public))


def solution_detail(request, pk):
    """The solution page. What every visitor sees is rendered once and kept a few seconds
    (portal.caching; every change of a solution, its organisation or its suggestions bumps
    a version); the organisation's members get it fresh, with their drafts and the
    management part."""
    solution, can_manage = None, False
    if request.user.is_authenticated:
        solution = rules.get_solution_for_view(request.user, pk)
        can_manage = rules.can_manage(request.user, solution)
    content = _content(solution) if can_manage else _public_content(request, pk, solution)
    context = {
        "title": content["title"],
        "breadcrumb_trail": _breadcrumbs(),
        "article_html": mark_safe(content["article"]),  # noqa: S308  (our own templates)
        "suggestions_html": mark_safe(content["suggestions"]),  # noqa: S308
        "can_manage": can_manage,
    }
    if can_manage:
        context |= {
            "solution": solution,
            "transitions": [
                (s, TRANSITION_ACTIONS[s]) for s in sorted(solution.allowed_transitions())
            ],
            "events": list(solution.events.select_related("actor")[:50]),
        }
    return render(request, "solutions/detail.html", context)


def _render_form(request, form, formset, solution):
    return render(
        request,
        "solutions/form.html",
        {
            "form": form,
            "formset": formset,
            "solution": solution,
            "breadcrumb_trail": _breadcrumbs(),
        },
    )


def _save(request, form, formset, solution):
    """Create or update through the services; None when a rule said no (shown on the form)."""
    image = form.cleaned_data.get("image_upload")
    try:
        if solution is None:
            return services.solution_create(
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                data=form.solution_data(),
                impact_statements=formset.statements(),
                image=image,
            )
        return services.solution_update(
            user=request.user,
            solution=solution,
            data=form.solution_data(),
            impact_statements=formset.statements(),
            image=image,
            remove_image=form.cleaned_data.get("remove_image", False),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _form_page(request, solution):
    organisations = None if solution else rules.organisations_for_new_solution(request.user)
    post = request.method == "POST"
    form = SolutionForm(
        request.POST if post else None,
        request.FILES if post else None,
        instance=solution,
        organisations=organisations,
    )
    adding = post and "add_impact" in request.POST
    formset = impact_formset(request.POST if post else None, solution=solution, add_one=adding)
    if post and not adding and form.is_valid() and formset.is_valid():
        saved = _save(request, form, formset, solution)
        if saved is not None:
            messages.success(
                request,
                _("The solution has been saved.")
                if solution
                else _("The solution has been saved as a draft. Publish it when it is ready."),
            )
            return redirect(saved)
    return _render_form(request, form, formset, solution)


@login_required
def solution_create(request):
    if not rules.can_create(request.user):
        return render(
            request, "solutions/no_organisation.html", {"breadcrumb_trail": _breadcrumbs()}
        )
    return _form_page(request, None)


@login_required
def solution_edit(request, pk):
    solution = rules.get_solution_for_change(request.user, pk)
    return _form_page(request, solution)


@login_required
@require_POST
def solution_transition(request, pk):
    solution = rules.get_solution_for_change(request.user, pk)
    to_status = request.POST.get("to", "")
    try:
        services.solution_change_status(user=request.user, solution=solution, to_status=to_status)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, str(TRANSITION_MESSAGES[to_status]))
    return redirect(solution)


def solution_image(request, pk, size):
    """The image's resized copy, only for those who may see the solution."""
    solution = rules.get_solution_for_view(request.user, pk)
    file_field = {"large": solution.image, "small": solution.image_small}.get(size)
    if not file_field:
        raise Http404
    try:
        handle = file_field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="image/webp")
    response["Cache-Control"] = "public, max-age=300" if solution.is_public else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def my_solutions(request):
    solutions = (
        rules.managed_by(request.user)
        .select_related("organisation")
        .defer("description", "search_vector")
        .order_by("status", "-updated_at", "-pk")
    )
    return render(
        request,
        "solutions/mine.html",
        {"solutions": solutions, "can_create": rules.can_create(request.user)},
    )
