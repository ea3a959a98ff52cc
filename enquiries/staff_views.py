"""The staff side of the single point of contact: the contact officers' queue, the
administrations' inbox, the enquiry's page with its actions, and attachment downloads."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from enquiries import rules, services
from enquiries.models import RUNNING_STATUSES, EnquiryRouting, ReplyTemplate, Status
from enquiries.public import PUBLIC_STATUS
from enquiries.signals import CONTENT_NAMESPACE
from enquiries.staff_forms import ACTION_FORMS, QueueFilterForm, ReplyTemplateChoiceForm
from portal import rules as portal_rules
from portal.caching import cached_fragment
from portal.decorators import staff_member_required
from portal.overview import CappedPaginator
from portal.workdays import working_days_between

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
ACTION_MESSAGES = {
    "assign": gettext_lazy("The handler has been changed."),
    "triage": gettext_lazy("The enquiry has been triaged."),
    "route": gettext_lazy("The enquiry has been routed. The lead administration has been told."),
    "confirm": gettext_lazy("You have confirmed the routing."),
    "take": gettext_lazy("You are now handling the enquiry."),
    "reply": gettext_lazy("The message has been sent to the enquirer."),
    "note": gettext_lazy("The internal note has been added."),
    "hand_back": gettext_lazy("The enquiry has been handed back to the contact officers."),
    "close": gettext_lazy("The enquiry has been closed."),
    "refer": gettext_lazy("The enquiry has been referred and the enquirer has been told."),
    "spam": gettext_lazy("The enquiry has been marked as spam."),
    "duplicate": gettext_lazy("The enquiry has been marked as a duplicate."),
}


@dataclass(frozen=True)
class Due:
    """When an enquiry is due, whether its clock runs, and the working days left (or by
    which it is overdue)."""

    date: date
    running: bool
    paused: bool
    overdue: bool
    working_days: int


def due_state(enquiry, today=None) -> Due:
    today = today or timezone.localdate()
    due = enquiry.due_date
    running = enquiry.status in RUNNING_STATUSES
    overdue = running and due < today
    return Due(
        date=due,
        running=running,
        paused=enquiry.status == Status.WAITING,
        overdue=overdue,
        working_days=(
            working_days_between(due, today) if overdue else working_days_between(today, due)
        ),
    )


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
            due=due_state(enquiry, today),
        )


def _list_page(request, queryset, template, *, scope: str, form_kwargs=None, extra=None):
    """The queue or the inbox: filters, a page of enquiries and pagination.

    The filters and the list are one fragment, cached for a few seconds per `scope` (who
    may see which enquiries), query string and day, and invalidated by every change of an
    enquiry or its routing (see enquiries.signals): a contact officer sees a change at once.
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
        raise Http404
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
        raise Http404
    administrations = portal_rules.administration_ids(request.user)
    return _list_page(
        request,
        rules.routed_to(administrations),
        "enquiries/staff/inbox.html",
        form_kwargs={"administrations": administrations, "with_handler": False},
        scope="inbox:" + ",".join(str(pk) for pk in sorted(administrations)),
        extra={"caption": _("Enquiries routed to your administrations")},
    )


def _action_forms(user, enquiry, allowed, bound=None, template_body=""):
    forms = {}
    for action in sorted(allowed):
        if bound and action in bound:
            forms[action] = bound[action]
            continue
        form_class = ACTION_FORMS[action]
        kwargs = {"prefix": action}
        if action == "duplicate":
            kwargs["enquiry"] = enquiry
        if action == "reply" and template_body:
            kwargs["initial"] = {"body": template_body}
        if action == "route":
            suggested = services.suggest_administration(enquiry)
            lead = enquiry.lead_administration or suggested
            kwargs["initial"] = {
                "lead": lead,
                "participants": [
                    r.administration_id
                    for r in enquiry.routings.all()
                    if r.role == EnquiryRouting.Role.PARTICIPANT
                ],
            }
        if action == "assign":
            kwargs["initial"] = {"handler": enquiry.handler_id or user.pk}
        forms[action] = form_class(**kwargs)
    return forms


def _render_detail(request, enquiry, *, bound=None, status=200):
    user = request.user
    services.enquiry_record_access(enquiry=enquiry, user=user)
    allowed = rules.allowed_actions(user, enquiry)
    template_form = ReplyTemplateChoiceForm(request.GET or None)
    template_body = ""
    if "reply" in allowed and template_form.is_valid() and template_form.cleaned_data["template"]:
        template_body = template_form.cleaned_data["template"].body
    routings = list(enquiry.routings.select_related("administration", "confirmed_by"))
    to_confirm = {r.pk for r in rules.routings_to_confirm(user, enquiry)}
    public_name = PUBLIC_STATUS[enquiry.status][0]
    context = {
        "enquiry": enquiry,
        "due": due_state(enquiry),
        "public_status": public_name,
        "timeline": enquiry.events.select_related("actor"),
        "attachments": enquiry.attachments.all(),
        "routings": routings,
        "routings_to_confirm": to_confirm,
        "suggested": services.suggest_administration(enquiry),
        "allowed": allowed,
        "forms": _action_forms(user, enquiry, allowed, bound, template_body),
        "template_form": template_form if "reply" in allowed else None,
        "has_templates": ReplyTemplate.objects.filter(is_active=True).exists(),
        "is_contact_officer": rules.is_contact_officer(user),
        "breadcrumb_trail": [
            (_("Staff overview"), reverse("portal:staff_overview")),
            (_("Enquiry queue"), reverse("enquiries:staff_queue"))
            if rules.can_open_queue(user)
            else (_("Enquiries for your administration"), reverse("enquiries:inbox")),
        ],
    }
    response = render(request, "enquiries/staff/detail.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_member_required
def detail(request, pk):
    enquiry = rules.get_enquiry_for_staff(request.user, pk)
    return _render_detail(request, enquiry)


def _perform(action, enquiry, form, user, request):  # noqa: C901, PLR0912  (issue 8: one registry of actions)
    data = form.cleaned_data
    url_builder = request.build_absolute_uri
    match action:
        case "assign":
            services.enquiry_assign(enquiry=enquiry, handler=data["handler"], actor=user)
        case "triage":
            services.enquiry_triage(enquiry=enquiry, actor=user)
        case "route":
            services.enquiry_route(
                enquiry=enquiry,
                lead=data["lead"],
                participants=list(data["participants"]),
                note=data["note"],
                actor=user,
                url_builder=url_builder,
            )
        case "confirm":
            routing = get_object_or_404(EnquiryRouting, pk=data["routing"], enquiry=enquiry)
            if not rules.can_confirm_routing(user, routing):
                raise PermissionDenied
            services.enquiry_confirm_routing(routing=routing, actor=user)
        case "take":
            services.enquiry_take(enquiry=enquiry, actor=user)
        case "reply":
            services.enquiry_reply(
                enquiry=enquiry, body=data["body"], actor=user, to_status=data["to_status"]
            )
        case "note":
            services.enquiry_add_note(enquiry=enquiry, body=data["body"], actor=user)
        case "hand_back":
            services.enquiry_hand_back(
                enquiry=enquiry, note=data["note"], actor=user, url_builder=url_builder
            )
        case "close":
            services.enquiry_close(enquiry=enquiry, actor=user)
        case "refer":
            services.enquiry_refer(enquiry=enquiry, to_whom=data["to_whom"], actor=user)
        case "spam":
            services.enquiry_mark_spam(enquiry=enquiry, actor=user)
        case "duplicate":
            services.enquiry_mark_duplicate(enquiry=enquiry, of=data["of"], actor=user)


@staff_member_required
@require_POST
def action(request, pk, action):
    """One POST per action; 404 for an enquiry the user may not see, 403 for an action
    the user may not take on it now."""
    user = request.user
    enquiry = rules.get_enquiry_for_action(user, pk, action)
    if action not in rules.allowed_actions(user, enquiry):
        raise PermissionDenied
    kwargs = {"prefix": action}
    if action == "duplicate":
        kwargs["enquiry"] = enquiry
    form = ACTION_FORMS[action](request.POST, **kwargs)
    if not form.is_valid():
        return _render_detail(request, enquiry, bound={action: form}, status=400)
    try:
        _perform(action, enquiry, form, user, request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, str(ACTION_MESSAGES[action]))
    enquiry.__dict__.pop("_routed_administration_ids", None)
    if rules.can_view(user, enquiry):
        return redirect("enquiries:staff_detail", pk=enquiry.pk)
    return redirect("enquiries:staff_queue" if rules.can_open_queue(user) else "enquiries:inbox")


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
