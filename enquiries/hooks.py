"""The enquiries app's part in what the portal does for every app (see portal/hooks.py)."""

from typing import Any

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from enquiries import rules
from enquiries.models import (
    RUNNING_STATUSES,
    Enquiry,
    EnquiryAccess,
    EnquiryEvent,
    EnquiryRouting,
    Status,
)
from portal.hooks import Link, Part
from portal.models import User


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _enquiry(enquiry: Enquiry) -> dict[str, Any]:
    """An enquiry linked to the user's account, as the enquirer may read it."""
    return {
        "reference": enquiry.reference,
        "name": enquiry.name,
        "email": enquiry.email,
        "phone": enquiry.phone,
        "organisation": enquiry.organisation_name,
        "cvr": enquiry.cvr,
        "topic": enquiry.topic.name,
        "message": enquiry.message,
        "language": enquiry.language,
        "status": enquiry.status,
        "received": _when(enquiry.created_at),
        "consent_given": _when(enquiry.consent_given_at),
        "answered": _when(enquiry.answered_at),
        "closed": _when(enquiry.closed_at),
        "attachments": [attachment.original_name for attachment in enquiry.attachments.all()],
        "timeline": [
            {
                "kind": event.kind,
                "from_you": event.from_enquirer,
                "status": event.to_status,
                "text": event.body,
                "when": _when(event.created_at),
            }
            for event in enquiry.events.all()
        ],
    }


def _event(event: EnquiryEvent) -> dict[str, Any]:
    """Something the user did on an enquiry as staff. The text of internal notes stays
    out: it is about the enquirer more than about its author."""
    return {
        "enquiry": event.enquiry.reference,
        "kind": event.kind,
        "status": event.to_status,
        "text": event.body if event.is_public else None,
        "when": _when(event.created_at),
    }


def export_user_data(user: User) -> dict[str, Any]:
    """The enquiries linked to the user with their public timeline; on the staff side, the
    enquiries they handle, what they did, the routings they made or confirmed, and the
    log of when they opened an enquiry's personal data."""
    linked = (
        Enquiry.objects.filter(user=user)
        .select_related("topic")
        .prefetch_related(
            "attachments",
            Prefetch("events", queryset=EnquiryEvent.objects.filter(is_public=True)),
        )
        .order_by("created_at", "pk")
    )
    routings = (
        EnquiryRouting.objects.filter(Q(routed_by=user) | Q(confirmed_by=user))
        .select_related("enquiry", "administration")
        .order_by("routed_at", "pk")
    )
    events = EnquiryEvent.objects.filter(actor=user).select_related("enquiry")
    accesses = EnquiryAccess.objects.filter(user=user).select_related("enquiry")
    return {
        "enquiries": [_enquiry(enquiry) for enquiry in linked],
        "enquiries_handled": [
            {"enquiry": enquiry.reference, "status": enquiry.status}
            for enquiry in Enquiry.objects.filter(handler=user).order_by("created_at", "pk")
        ],
        "enquiry_actions": [_event(e) for e in events.order_by("created_at", "pk")],
        "enquiry_routings": [
            {
                "enquiry": routing.enquiry.reference,
                "administration": routing.administration.code,
                "role": routing.role,
                "routed_by_you": routing.routed_by_id == user.pk,
                "routed": _when(routing.routed_at),
                "confirmed_by_you": routing.confirmed_by_id == user.pk,
                "confirmed": _when(routing.confirmed_at),
            }
            for routing in routings
        ],
        "enquiry_accesses": [
            {"enquiry": access.enquiry.reference, "opened": _when(access.accessed_at)}
            for access in accesses.order_by("accessed_at", "pk")
        ],
    }


def profile_parts(user: User) -> list[Part]:
    return [
        Part(
            key="enquiries",
            heading=_("Enquiries"),
            template="enquiries/includes/profile_part.html",
            order=20,
        )
    ]


def staff_links(user: User) -> list[Link]:
    links = []
    if rules.can_open_queue(user):
        links.append(
            Link(
                url=reverse("enquiries:staff_queue"),
                label=_("Enquiry queue"),
                description=_("triage and route the enquiries to the single point of contact"),
                order=10,
            )
        )
    if rules.can_open_inbox(user):
        links.append(
            Link(
                url=reverse("enquiries:inbox"),
                label=_("Enquiries for your administration"),
                description=_("answer the enquiries routed to your administrations"),
                order=20,
            )
        )
    return links


def _counts(queryset) -> dict[str, int]:
    today = timezone.localdate()
    return queryset.with_due().aggregate(
        new=Count("pk", filter=Q(status__in=[Status.RECEIVED, Status.ROUTED])),
        overdue=Count("pk", filter=Q(status__in=RUNNING_STATUSES, due__lt=today)),
    )


def work_overview(request) -> list[Part]:
    """The contact officer: the queue's new and overdue counts; civil servants: their
    inbox's; an enquirer: their own enquiries (one query each)."""
    user = request.user
    parts = []
    if rules.is_contact_officer(user) or rules.can_open_inbox(user):
        queue = rules.is_contact_officer(user)
        parts.append(
            Part(
                key="enquiry_counts",
                heading=_("Enquiry queue") if queue else _("Enquiries for your administration"),
                template="enquiries/includes/overview_counts.html",
                context={
                    "counts": _counts(rules.visible_to(user)),
                    "url": reverse("enquiries:staff_queue" if queue else "enquiries:inbox"),
                },
                order=15,
            )
        )
    own = list(Enquiry.objects.filter(user=user).order_by("-pk")[:10])
    if own:
        parts.append(
            Part(
                key="own_enquiries",
                heading=_("Your enquiries"),
                template="enquiries/includes/overview_own.html",
                context={"enquiries": own},
                order=40,
            )
        )
    return parts
