"""The final report's page (the grantee writes and submits it, the pool's secretary accepts
it or asks for more and may publish it) and the pools' private files: the attachments of
applications and of reports, each served only after its check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from advisory import pool_reports, pool_rules
from advisory.models import FinalReport
from advisory.pool_report_forms import DecisionForm, PublishForm, ReportForm
from advisory.views.common import add_errors, file_response


def _report_of(grant) -> FinalReport | None:
    report = (
        FinalReport.objects.filter(grant=grant)
        .select_related("submitted_by", "decided_by")
        .prefetch_related("figures", "attachments")
        .first()
    )
    if report is not None:
        report.grant = grant
    return report


def _render(
    request, grant, report, *, expected=None, report_form=None, decision_form=None, status=200
):
    user = request.user
    if expected is None:
        expected = list(grant.application.expected_impacts.all())
    rows, extra = pool_reports.figures_against_expected(expected, report)
    may_write = pool_rules.can_write_report(user, grant, report)
    may_decide = report is not None and pool_rules.can_decide_report(user, report)
    may_publish = report is not None and pool_rules.can_publish_report(user, report)
    context = {
        "grant": grant,
        "report": report,
        "rows": rows,
        "extra": extra,
        "attachments": list(report.attachments.all()) if report else [],
        "events": report.events.select_related("actor") if report else [],
        "report_form": (report_form or ReportForm(expected=expected, report=report))
        if may_write
        else None,
        "decision_form": (decision_form or DecisionForm()) if may_decide else None,
        "publish_form": PublishForm(initial={"published": "1" if report.is_published else "0"})
        if may_publish
        else None,
        "is_secretary": pool_rules.can_manage_pool(user, grant.pool),
    }
    response = render(request, "advisory/pool/report.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def report(request, pk):
    grant = pool_rules.get_grant_for_report(request.user, pk)
    report = _report_of(grant)
    if request.method != "POST":
        return _render(request, grant, report)
    if not pool_rules.can_write_report(request.user, grant, report):
        raise PermissionDenied
    expected = list(grant.application.expected_impacts.all())
    form = ReportForm(request.POST, request.FILES, expected=expected, report=report)
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        try:
            _save(request.user, grant, form, submit)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The report is sent to the pool's secretary.")
                if submit
                else _("The report is saved. Submit it when it is ready."),
            )
            return redirect("pool:report", grant.pk)
    # `_save` is atomic: a refused save or submission changed nothing, so the report and
    # the expected impacts read above are still the page's.
    return _render(request, grant, report, expected=expected, report_form=form, status=400)


@transaction.atomic
def _save(user, grant, form, submit: bool) -> None:
    pool_reports.report_save(grant=grant, actor=user, content=form.content())
    if submit:
        pool_reports.report_submit(grant=grant, actor=user)


@login_required
@require_POST
def report_decide(request, pk):
    grant = pool_rules.get_grant_for_report(request.user, pk)
    report = _report_of(grant)
    if report is None or not pool_rules.can_manage_pool(request.user, grant.pool):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            if accept:
                pool_reports.report_accept(
                    report=report, actor=request.user, note=form.cleaned_data["reason"]
                )
            else:
                pool_reports.report_ask_for_more(
                    report=report, actor=request.user, reason=form.cleaned_data["reason"]
                )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The report is accepted.") if accept else _("The grantee is asked for more."),
            )
            return redirect("pool:report", grant.pk)
    return _render(request, grant, report, decision_form=form, status=400)


@login_required
@require_POST
def report_publish(request, pk):
    grant = pool_rules.get_grant_for_report(request.user, pk)
    report = _report_of(grant)
    if report is None or not pool_rules.can_publish_report(request.user, report):
        raise PermissionDenied
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether the report is public or private."))
        return redirect("pool:report", grant.pk)
    published = form.cleaned_data["published"]
    pool_reports.report_publish(report=report, actor=request.user, published=published)
    messages.success(
        request,
        _("The report's text and attachments are public.")
        if published
        else _("The report's text and attachments are private."),
    )
    return redirect("pool:report", grant.pk)


@cache_control(private=True, no_store=True)
def report_attachment(request, pk, attachment_pk):
    return file_response(pool_rules.get_report_attachment(request.user, pk, attachment_pk))


@login_required
@cache_control(private=True, no_store=True)
def application_attachment(request, pk, attachment_pk):
    return file_response(pool_rules.get_application_attachment(request.user, pk, attachment_pk))
