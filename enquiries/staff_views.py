"""The staff side of the single point of contact: the contact officers' queue, the
administrations' inbox, the enquiry's page with its actions, and attachment downloads."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control

from enquiries import routing, rules, staff_services
from enquiries.actions import ACTIONS, allowed_actions
from enquiries.domain import Due, Status
from enquiries.models import Enquiry, ReplyTemplate
from enquiries.public import PUBLIC_STATUS
from enquiries.services import CONTENT_NAMESPACE
from enquiries.staff_forms import QueueFilterForm, ReplyTemplateChoiceForm
from portal.caching import cached_fragment
from portal.decorators import staff_member_required
from portal.overview import CappedPaginator

PAGE_SIZE = 25
# Past this many matches the list asks for a narrower filter (counting every one of tens
# of thousands of enquiries was the slowest part of the queue).
MAX_LISTED = 1000
# What the list shows (not the messages, which can be long).
LIST_COLUMNS = (
    "reference",
    "name",
    "organisation_name",
    "status",
    "created_at",
    "triage_due",
    "answer_due",
    "topic__name_da",
    "topic__name_en",
    "lead_administration__code",
    "handler__first_name",
    "handler__last_name",
    "handler__email",
)


# The list's column names: in its header and, on a phone, on each of its cards.
LIST_HEADINGS = {
    "reference": gettext_lazy("Reference"),
    "from": gettext_lazy("From"),
    "topic": gettext_lazy("Topic"),
    "status": gettext_lazy("Status"),
    "administration": gettext_lazy("Administration"),
    "handler": gettext_lazy("Handler"),
    "due": gettext_lazy("Due"),
}


@dataclass(frozen=True)
class QueueRow:
    """What a row of the queue or the inbox shows, read once in Python: rendering the
    same through template lookups took most of the list's time."""

    url: str
    reference: str
    name: str
    organisation: str
    topic: str
    status: str
    administration: str
    handler: str
    due: Due

    @classmethod
    def of(cls, enquiry, today) -> "QueueRow":
        return cls(
            url=reverse("enquiries:staff_detail", args=[enquiry.pk]),
            reference=enquiry.reference,
            name=enquiry.name,
            organisation=enquiry.organisation_name,
            topic=enquiry.topic.name,
            status=str(Status(enquiry.status).label),
            administration=enquiry.lead_administration.code if enquiry.lead_administration else "",
            handler=enquiry.handler.display_name if enquiry.handler else "",
            due=enquiry.due_state(today),
        )


def _list_page(request, queryset, template, *, scope: str, form_kwargs=None, extra=None):
    """The queue or the inbox: filters, a page of enquiries and pagination.

    The filters and the list are one fragment, cached for a few seconds per `scope` (who
    may see which enquiries), query string and day, and invalidated by every change of an
    enquiry or its routing (enquiries.services.enquiries_changed): a contact officer sees
    a change at once.
    """
    today = timezone.localdate()

    def render_list() -> str:
        form = QueueFilterForm(request.GET or None, **(form_kwargs or {}))
        enquiries = (
            form.filter(queryset.with_due(), today)
            .select_related("topic", "lead_administration", "handler")
            .only(*LIST_COLUMNS)
        )
        page = CappedPaginator(enquiries, PAGE_SIZE, MAX_LISTED).get_page(request.GET.get("page"))
        rows = [QueueRow.of(enquiry, today) for enquiry in page.object_list]
        query = request.GET.copy()
        query.pop("page", None)
        encoded = query.urlencode()
        return render_to_string(
            "enquiries/staff/_list.html",
            {
                "form": form,
                "page_obj": page,
                "enquiries": page.object_list,
                "rows": rows,
                "query_string_without_page": f"{encoded}&" if encoded else "",
                "headings": LIST_HEADINGS,
                **(extra or {}),
            },
        )

    key = [scope, today.isoformat(), request.META.get("QUERY_STRING", "")]
    list_html = cached_fragment(CONTENT_NAMESPACE, key, render_list)
    response = render(request, template, {"list_html": list_html})
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
def queue(request):
    """The contact officers' queue: every enquiry, open ones first by due date."""
    if not rules.can_open_queue(request.user):
        raise PermissionDenied
    return _list_page(
        request,
        rules.visible_to(request.user),
        "enquiries/staff/queue.html",
        scope="queue",
        extra={"caption": _("Enquiries in the queue")},
    )


@staff_member_required
def inbox(request):
    """The administrations' inbox: only what is routed to the user's administrations."""
    if not rules.can_open_inbox(request.user):
        raise PermissionDenied
    administrations = rules.staff_administration_ids(request.user)
    return _list_page(
        request,
        rules.routed_to(administrations),
        "enquiries/staff/inbox.html",
        form_kwargs={"administrations": administrations, "with_handler": False},
        scope="inbox:" + ",".join(str(pk) for pk in sorted(administrations)),
        extra={"caption": _("Enquiries routed to your administrations")},
    )


def _failed_key(pk: int) -> str:
    return f"enquiry-action:{pk}"


def _failed_form(request, enquiry: Enquiry):
    """The action whose form failed on the POST before the redirect, with what was typed."""
    failed = request.session.pop(_failed_key(enquiry.pk), None)
    if not failed or failed.get("action") not in ACTIONS:
        return None, None
    data = QueryDict(mutable=True)
    for name, values in failed.get("data", {}).items():
        data.setlist(name, values)
    return failed["action"], data


def _panels(request, enquiry, allowed):
    """Each allowed action with its form: bound to what was typed if it failed just now."""
    failed_action, failed_data = _failed_form(request, enquiry)
    return {
        action.name: (
            action,
            action.form_for(
                enquiry,
                request.user,
                data=failed_data if action.name == failed_action else None,
                query=request.GET,
            ),
        )
        for action in allowed
    }


def _render_detail(request, enquiry):
    user = request.user
    staff_services.enquiry_record_access(enquiry=enquiry, user=user)
    allowed = allowed_actions(user, enquiry)
    panels = _panels(request, enquiry, allowed)
    routings = list(enquiry.routings.select_related("administration", "confirmed_by"))
    to_confirm = {r.pk for r in rules.routings_to_confirm(user, enquiry)}
    context = {
        "enquiry": enquiry,
        "due": enquiry.due_state(),
        "public_status": PUBLIC_STATUS[enquiry.status].name,
        "timeline": enquiry.events.select_related("actor"),
        "attachments": enquiry.attachments.all(),
        "routings": routings,
        "routings_to_confirm": to_confirm,
        "suggested": routing.suggest_administration(enquiry),
        "panels": [panel for panel in panels.values() if panel[0].in_panel],
        "template_form": ReplyTemplateChoiceForm(request.GET or None),
        "has_templates": ReplyTemplate.objects.filter(is_active=True).exists(),
        "is_contact_officer": rules.is_contact_officer(user),
        "can_open_figures": rules.can_open_figures(user),
        "breadcrumb_trail": [
            (_("Staff overview"), reverse("portal:staff_overview")),
            (_("Enquiry queue"), reverse("enquiries:staff_queue"))
            if rules.can_open_queue(user)
            else (_("Enquiries for your administration"), reverse("enquiries:inbox")),
        ],
    }
    response = render(request, "enquiries/staff/detail.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
def detail(request, pk):
    enquiry = rules.get_enquiry_for_staff(request.user, pk)
    return _render_detail(request, enquiry)


@staff_member_required
def action(request, pk, action):
    """One POST per action (enquiries.actions.ACTIONS); 404 for an enquiry the user may not
    see or an unknown action, 403 for an action the user may not take on it now. Every
    answer to a POST is a redirect to the enquiry's page, which shows the outcome (and a
    failed form with what was typed)."""
    entry = ACTIONS.get(action)
    if entry is None:
        raise Http404
    user = request.user
    enquiry = rules.get_enquiry_for_staff(user, pk)
    if request.method != "POST":
        return _method_not_allowed(request, enquiry)
    if not entry.may(user, enquiry):
        raise PermissionDenied
    form = entry.form_for(enquiry, user, data=request.POST)
    anchor = f"#action-{entry.name}"
    if not form.is_valid():
        request.session[_failed_key(enquiry.pk)] = {
            "action": entry.name,
            "data": {k: v for k, v in request.POST.lists() if k != "csrfmiddlewaretoken"},
        }
        messages.error(request, _("The form has errors. Correct them and send it again."))
        return redirect(reverse("enquiries:staff_detail", args=[enquiry.pk]) + anchor)
    try:
        entry.perform(enquiry, form.cleaned_data, user, request.build_absolute_uri)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, str(entry.message))
        anchor = ""
    if rules.can_view(user, Enquiry.objects.get(pk=enquiry.pk)):
        return redirect(reverse("enquiries:staff_detail", args=[enquiry.pk]) + anchor)
    return redirect("enquiries:staff_queue" if rules.can_open_queue(user) else "enquiries:inbox")


def _method_not_allowed(request, enquiry):
    """A styled 405 with the way back, for an action's address opened in the browser."""
    response = render(
        request, "enquiries/staff/method_not_allowed.html", {"enquiry": enquiry}, status=405
    )
    response["Allow"] = "POST"
    return response


@staff_member_required
@cache_control(private=True, no_store=True)
def attachment(request, pk, attachment_pk):
    attachment = rules.get_attachment_for_staff(request.user, pk, attachment_pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name or _("attachment"),
        content_type="application/octet-stream",
    )
