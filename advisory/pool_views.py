"""The pools in public (the register, each grant's page, each pool's money in and out,
CSV exports) and the pool secretary's pages (contributions, payouts, returns, reversals)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from advisory import pool_forms, pool_register, pool_rules, pool_services
from advisory.models import Pool
from advisory.pool_overview import GrantOverview
from advisory.signals import CONTENT_NAMESPACE
from portal.caching import cached_fragment, cached_fragment_for
from portal.decorators import staff_member_required
from portal.overview import overview_page


def _pool_id(request) -> int | None:
    value = request.GET.get("pool", "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def register(request):
    """Public and the same for everyone: the grants are an overview (GrantOverview on
    portal.overview.overview_page, rendered once per query string and language and kept a
    few seconds); the pools with what is left are rendered once per language and kept the
    same way (every change of the app's objects bumps the `advisory` content version,
    advisory/signals.py)."""

    def render_pools() -> str:
        pools = list(Pool.objects.select_related("area"))
        return render_to_string(
            "advisory/pool/includes/register_pools.html", {"pools": pools}, request
        )

    pools_html = cached_fragment(CONTENT_NAMESPACE, ["pool-register-pools"], render_pools)
    return overview_page(
        request,
        GrantOverview,
        pool_register.register_grants,
        "advisory/pool/register.html",
        {"pools_html": mark_safe(pools_html)},  # noqa: S308  (our own template)
    )


def grant_detail(request, pk):
    """Only the grant's public information, the same for everyone: rendered once per
    language and kept a few seconds. A copy is kept only after the grant was found public,
    so a hit needs no query (a cancellation bumps the content version)."""

    def render_content() -> str:
        grant = pool_rules.get_public_grant(pk)
        html = render_to_string(
            "advisory/pool/includes/grant_content.html", {"grant": grant}, request
        )
        return json.dumps({"title": grant.application.proposal.title, "html": html})

    # The page shows the organisation's name: a change of it shows at once too.
    payload = cached_fragment_for(
        [CONTENT_NAMESPACE, "organisations"], ["pool-grant", str(pk)], render_content
    )
    content = json.loads(payload)
    return render(
        request,
        "advisory/pool/grant.html",
        {
            "page_title": content["title"],
            "content_html": mark_safe(content["html"]),  # noqa: S308  (our own template)
            "grant_pk": pk,
        },
    )


def pool_detail(request, pk):
    """The pool's public figures and charts are the same for everyone: rendered once per
    language and day and kept a few seconds, like the register."""
    pool = get_object_or_404(Pool.objects.select_related("area"), pk=pk)
    today = timezone.localdate()

    def render_content() -> str:
        pool.future_rounds = list(pool.rounds.filter(deadline__gte=today))
        context = {
            "pool": pool,
            "figures": pool.figures(),
            "money_in": pool_register.with_bars(pool_register.money_in(pool)),
            "money_out": {
                key: pool_register.with_bars(rows)
                for key, rows in pool_register.money_out(pool).items()
            },
        }
        return render_to_string("advisory/pool/includes/pool_content.html", context, request)

    key = ["pool", str(pool.pk), today.isoformat()]
    content = cached_fragment(CONTENT_NAMESPACE, key, render_content)
    return render(
        request,
        "advisory/pool/pool.html",
        {
            "pool": pool,
            "content_html": mark_safe(content),  # noqa: S308  (our own template)
            "may_manage": pool_rules.can_manage_pool(request.user, pool),
            "may_edit": pool_rules.can_edit_pool(request.user, pool),
            # No query for a rolling pool; a pool in rounds reads its next round.
            "intake": pool.intake_state(today),
        },
    )


def _csv_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def grants_csv(request):
    """The grants the register shows for the same query string, every one of them."""
    grants = GrantOverview(request.GET, pool_register.register_grants()).results()
    return _csv_response(pool_register.grants_csv(grants), "bevillinger.csv")


def contributions_csv(request, pk):
    pool = get_object_or_404(Pool, pk=pk)
    return _csv_response(pool_register.contributions_csv(pool), f"indbetalinger-{pool.pk}.csv")


# The pool secretary's pages.


@staff_member_required
def manage(request, pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    return _manage_page(request, pool)


def _manage_page(request, pool, **forms):
    context = {
        "pool": pool,
        "figures": pool.figures(),
        "contribution_form": forms.get("contribution_form") or pool_forms.ContributionForm(),
        "payout_form": forms.get("payout_form") or pool_forms.PayoutForm(pool=pool),
        "reversal_form": forms.get("reversal_form") or pool_forms.ReversalForm(pool=pool),
        "grant_change_form": forms.get("grant_change_form")
        or pool_forms.GrantChangeForm(pool=pool),
        "round_form": forms.get("round_form") or pool_forms.RoundForm(),
        "intake": pool.intake_state(),
        "rounds": pool.rounds.annotate(application_count=Count("applications")),
        "today": timezone.localdate(),
        "may_edit": pool_rules.can_edit_pool(request.user, pool),
        "events": pool.events.select_related("actor")[:20],
        "awaiting": pool.applications.filter(
            proposal__status__in=("submitted", "screening"), amount__lte=pool.fast_track_limit
        )
        .select_related("proposal__organisation")
        .order_by("decision_due", "pk"),
        "to_grant": pool.applications.filter(
            proposal__status__in=("decided", "published"),
            proposal__outcome="recommended",
            grant__isnull=True,
        ).select_related("proposal"),
        "grants": pool.grants.select_related("application__proposal").order_by("-pk")[:50],
        "entries": pool.entries.select_related(
            "payer_administration", "payer_area", "grant__application__proposal", "reverses"
        ).order_by("-pk")[:50],
    }
    status = 400 if forms else 200
    return render(request, "advisory/pool/manage.html", context, status=status)


def _act(request, pool, form_name, form, action):
    """Run a service with the form's data; errors go back to the form's fields."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, form.success_message)
            return redirect("pool:manage", pool.pk)
    return _manage_page(request, pool, **{form_name: form})


@staff_member_required
@require_POST
def contribution_add(request, pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    form = pool_forms.ContributionForm(request.POST)
    return _act(
        request,
        pool,
        "contribution_form",
        form,
        lambda data: pool_services.contribution_record(
            pool=pool,
            actor=request.user,
            amount=data["amount"],
            reason=data["reason"],
            payer=data["payer"],
        ),
    )


@staff_member_required
@require_POST
def payout_add(request, pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    form = pool_forms.PayoutForm(request.POST, pool=pool)
    return _act(
        request,
        pool,
        "payout_form",
        form,
        lambda data: pool_services.payout_record(
            grant=data["grant"], actor=request.user, amount=data["amount"], reason=data["reason"]
        ),
    )


@staff_member_required
@require_POST
def entry_reverse(request, pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    form = pool_forms.ReversalForm(request.POST, pool=pool)
    return _act(
        request,
        pool,
        "reversal_form",
        form,
        lambda data: pool_services.entry_reverse(
            entry=data["entry"], actor=request.user, reason=data["reason"]
        ),
    )


@staff_member_required
@require_POST
def grant_close(request, pk, grant_pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    grant = pool_rules.get_grant_for_management(request.user, pool, grant_pk)
    try:
        pool_services.grant_return_rest(
            grant=grant, actor=request.user, reason=_("Closed; the rest returned to the pool")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The grant is closed and the rest returned to the pool."))
    return redirect("pool:manage", pool.pk)


@staff_member_required
def application_decide(request, pk, application_pk):
    """The fast track's decision, or the grant of an application the council recommended."""
    pool = pool_rules.get_pool_for_management(request.user, pk)
    application = pool_rules.get_application_for_decision(request.user, pool, application_pk)
    fast_track = application.is_fast_track
    form_class = pool_forms.FastTrackDecisionForm if fast_track else pool_forms.CouncilGrantForm
    form = form_class(request.POST or None, initial={"decision": "grant"})
    if request.method == "POST" and form.is_valid():
        try:
            _decide(request.user, application, form, fast_track)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, form.success_message)
            return redirect("pool:manage", pool.pk)
    status = 400 if form.errors else 200
    context = {"pool": pool, "application": application, "form": form}
    return render(request, "advisory/pool/decide.html", context, status=status)


def _decide(user, application, form, fast_track: bool) -> None:
    if not fast_track:
        pool_services.grant_award(application=application, actor=user, **form.grant_terms())
        return
    granted = form.cleaned_data["decision"] == "grant"
    pool_services.application_decide_fast_track(
        application=application,
        actor=user,
        granted=granted,
        reason=form.cleaned_data["reason"],
        grant_terms=form.grant_terms() if granted else None,
    )


@login_required
def apply(request):
    initial = {"pool": _pool_id(request)} if request.method == "GET" else {}
    form = pool_forms.ApplicationForm(
        request.POST or None, request.FILES or None, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = _create_and_submit(request.user, form)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            _tell_the_promise(request, application)
            return redirect("advisory:proposal", application.proposal_id)
    status = 400 if form.errors else 200
    pools = Pool.objects.open().with_rounds().select_related("area")
    context = {"form": form, "intakes": [(pool, pool.intake_state()) for pool in pools]}
    return render(request, "advisory/pool/apply.html", context, status=status)


@transaction.atomic
def _create_and_submit(user, form):
    application = pool_services.application_create(
        actor=user,
        pool=form.cleaned_data["pool"],
        proposal_data=form.proposal_data(),
        administrations=form.cleaned_data["administrations"],
        asks=form.asks(),
        attachments=form.cleaned_data["attachments"],
    )
    return pool_services.application_submit(application=application, actor=user)


def _tell_the_promise(request, application) -> None:
    if application.decision_due:
        messages.success(
            request,
            _(
                "Your application is sent. It is on the fast track: you will have a decision "
                "by %(date)s."
            )
            % {"date": date_format(application.decision_due, "j. F Y")},
        )
    else:
        messages.success(
            request,
            _("Your application is sent. It goes to the council's review and a meeting."),
        )


# Creating and editing pools, their rounds and changing grants (issue 13's leftovers).


@staff_member_required
def pool_list(request):
    """Every pool with links to edit or run it, and the button to create one."""
    if not pool_rules.can_create_pools(request.user) and not pool_rules.is_pool_secretary(
        request.user
    ):
        raise PermissionDenied
    pools = [
        (
            pool,
            pool_rules.can_edit_pool(request.user, pool),
            pool_rules.can_manage_pool(request.user, pool),
        )
        for pool in Pool.objects.with_rounds().select_related("area")
    ]
    return render(
        request,
        "advisory/pool/pools.html",
        {"pools": pools, "may_create": pool_rules.can_create_pools(request.user)},
    )


@staff_member_required
def pool_create(request):
    if not pool_rules.can_create_pools(request.user):
        raise PermissionDenied
    form = pool_forms.PoolForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            pool = pool_services.pool_create(
                actor=request.user,
                year=form.cleaned_data["year"],
                area=form.cleaned_data["area"],
                terms=form.terms(),
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, form.success_message)
            return redirect("pool:pool", pool.pk)
    status = 400 if form.errors else 200
    return render(request, "advisory/pool/pool_form.html", {"form": form}, status=status)


@staff_member_required
def pool_edit(request, pk):
    pool = pool_rules.get_pool_for_edit(request.user, pk)
    form = pool_forms.PoolForm(request.POST or None, user=request.user, pool=pool)
    if request.method == "POST" and form.is_valid():
        try:
            pool_services.pool_update(pool=pool, actor=request.user, terms=form.terms())
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, form.success_message)
            return redirect("pool:pool", pool.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "pool": pool}
    return render(request, "advisory/pool/pool_form.html", context, status=status)


@staff_member_required
@require_POST
def round_add(request, pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    form = pool_forms.RoundForm(request.POST)
    return _act(
        request,
        pool,
        "round_form",
        form,
        lambda data: pool_services.round_add(
            pool=pool, actor=request.user, deadline=data["deadline"]
        ),
    )


@staff_member_required
@require_POST
def round_remove(request, pk, round_pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    pool_round = pool_rules.get_round_for_management(request.user, pool, round_pk)
    try:
        pool_services.round_remove(pool_round=pool_round, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The round is removed."))
    return redirect("pool:manage", pool.pk)


@staff_member_required
@require_POST
def grant_change(request, pk):
    pool = pool_rules.get_pool_for_management(request.user, pk)
    form = pool_forms.GrantChangeForm(request.POST, pool=pool)
    return _act(
        request,
        pool,
        "grant_change_form",
        form,
        lambda data: pool_services.grant_change(
            grant=data["grant"],
            actor=request.user,
            new_amount=data["new_amount"],
            reason=data["reason"],
        ),
    )
