from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matching import rules, services
from portal.hooks import collect_list
from portal.ratelimit import allow


@require_POST
@login_required
def invite(request, pk):
    suggestion = rules.get_suggestion_for_action(request.user, pk)
    if not allow("suggestion_invite", f"user:{request.user.pk}"):
        messages.error(request, _("Too many invitations in a short time. Try again later."))
        return redirect(suggestion.challenge)
    try:
        services.suggestion_invite(
            user=request.user, suggestion=suggestion, url_builder=request.build_absolute_uri
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(organisation)s has been invited to respond.")
            % {"organisation": suggestion.solution.organisation.name},
        )
    return redirect(suggestion.challenge)


@require_POST
@login_required
def dismiss(request, pk):
    suggestion = rules.get_suggestion_for_action(request.user, pk)
    services.suggestion_dismiss(user=request.user, suggestion=suggestion)
    messages.success(request, _("The suggestion will not be shown again."))
    return redirect(suggestion.challenge)


_VISIT = """
INSERT INTO matching_overviewvisit AS visit (user_id, last_seen_at, previous_seen_at)
VALUES (%s, %s, NULL)
ON CONFLICT (user_id) DO UPDATE
SET previous_seen_at = visit.last_seen_at, last_seen_at = EXCLUDED.last_seen_at
RETURNING previous_seen_at
"""


def _remember_visit(user) -> datetime | None:
    """When the user looked last, before now; this visit is remembered (one statement)."""
    with connection.cursor() as cursor:
        cursor.execute(_VISIT, [user.pk, timezone.now()])
        return cursor.fetchone()[0]


@login_required
def overview(request):
    """The work overview: each app's part (portal.hooks `work_overview`), new marked."""
    request.work_overview_since = _remember_visit(request.user)
    parts = sorted(collect_list("work_overview", request), key=lambda part: part.order)
    return render(
        request,
        "matching/overview.html",
        {"parts": parts, "since": request.work_overview_since},
    )
