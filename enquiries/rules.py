"""Who may see and act on an enquiry on the staff side: the one place for these checks.

Contact officers see and act on every enquiry. Civil servants see only the enquiries
routed to one of their administrations (an `EnquiryRouting` row for it): when an enquiry
is re-routed or handed back, the row goes and with it their access. Everybody else gets
404 for an enquiry and 403 for the queue and the inbox. Everything here also requires
two-factor authentication (as the staff pages do).

Whether a status change is legal is the transition table's business (`TRANSITIONS`); the
predicates here combine who the user is with the statuses in which an action makes sense,
so that a page only offers what will work. The services call the same predicates with
their actor (`require`), so no view, admin page or task can skip a check.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from enquiries.domain import OPEN_STATUSES, TRANSITIONS, Status
from enquiries.models import Enquiry, EnquiryAttachment, EnquiryRouting
from portal import rules as portal_rules
from portal.models import User

AnyUser = User | AnonymousUser


def require(predicate: Callable[..., bool], actor: AnyUser, *objects: Any) -> None:
    """PermissionDenied unless `predicate(actor, *objects)`: the services' check."""
    if not predicate(actor, *objects):
        raise PermissionDenied


def staff_administration_ids(user: AnyUser) -> frozenset[int]:
    """The administrations whose enquiries the user may open: none without two-factor."""
    if not portal_rules.can_open_staff_pages(user):
        return frozenset()
    return portal_rules.administration_ids(user)


def is_contact_officer(user: AnyUser) -> bool:
    return portal_rules.can_open_staff_pages(user) and portal_rules.is_contact_officer(user)


def can_open_queue(user: AnyUser) -> bool:
    return is_contact_officer(user)


def can_open_inbox(user: AnyUser) -> bool:
    return bool(staff_administration_ids(user))


def can_open_figures(user: AnyUser) -> bool:
    return is_contact_officer(user)


def can_administer(user: AnyUser) -> bool:
    """The portal's administrators: topics, reply templates, deleting an enquiry."""
    return portal_rules.can_open_admin(user)


def visible_to(user: AnyUser) -> QuerySet[Enquiry]:
    """The enquiries the user may open on the staff side."""
    if is_contact_officer(user):
        return Enquiry.objects.all()
    administrations = staff_administration_ids(user)
    if not administrations:
        return Enquiry.objects.none()
    return routed_to(administrations)


def routed_to(administration_ids: Iterable[int]) -> QuerySet[Enquiry]:
    return Enquiry.objects.filter(
        pk__in=EnquiryRouting.objects.filter(administration_id__in=administration_ids).values(
            "enquiry_id"
        )
    )


def _routed_administration_ids(enquiry: Enquiry) -> set[int]:
    """Read once per enquiry object; a service's locked copy is a fresh object."""
    cached = enquiry.__dict__.get("_routed_administration_ids")
    if cached is None:
        cached = set(enquiry.routings.values_list("administration_id", flat=True))
        enquiry.__dict__["_routed_administration_ids"] = cached
    return cached


def is_in_routed_administration(user: AnyUser, enquiry: Enquiry) -> bool:
    return bool(staff_administration_ids(user) & _routed_administration_ids(enquiry))


def is_in_lead_administration(user: AnyUser, enquiry: Enquiry) -> bool:
    return (
        enquiry.lead_administration_id is not None
        and enquiry.lead_administration_id in staff_administration_ids(user)
        and enquiry.lead_administration_id in _routed_administration_ids(enquiry)
    )


def can_view(user: AnyUser, enquiry: Enquiry) -> bool:
    return is_contact_officer(user) or is_in_routed_administration(user, enquiry)


def _answers(user: AnyUser, enquiry: Enquiry) -> bool:
    """Those who own the answer: the contact officers and the lead administration."""
    return is_contact_officer(user) or is_in_lead_administration(user, enquiry)


def _may_become(enquiry: Enquiry, *statuses: Status) -> bool:
    allowed = TRANSITIONS[Status(enquiry.status)]
    return any(status in allowed for status in statuses)


def can_assign(user: AnyUser, enquiry: Enquiry) -> bool:
    return is_contact_officer(user) and enquiry.status in OPEN_STATUSES


def can_triage(user: AnyUser, enquiry: Enquiry) -> bool:
    return is_contact_officer(user) and enquiry.status == Status.RECEIVED


def can_route(user: AnyUser, enquiry: Enquiry) -> bool:
    return is_contact_officer(user) and (
        _may_become(enquiry, Status.ROUTED) or enquiry.status == Status.ROUTED
    )


def routings_to_confirm(user: AnyUser, enquiry: Enquiry) -> list[EnquiryRouting]:
    """The unconfirmed hand-offs to the user's administrations."""
    administrations = staff_administration_ids(user)
    if not administrations or enquiry.status not in OPEN_STATUSES:
        return []
    return [
        routing
        for routing in enquiry.routings.all()
        if routing.confirmed_at is None and routing.administration_id in administrations
    ]


def can_confirm_a_routing(user: AnyUser, enquiry: Enquiry) -> bool:
    return bool(routings_to_confirm(user, enquiry))


def can_confirm_routing(user: AnyUser, routing: EnquiryRouting) -> bool:
    return (
        routing.confirmed_at is None
        and routing.enquiry.status in OPEN_STATUSES
        and routing.administration_id in staff_administration_ids(user)
    )


def can_take(user: AnyUser, enquiry: Enquiry) -> bool:
    if not is_in_lead_administration(user, enquiry):
        return False
    if enquiry.status == Status.IN_PROGRESS:
        return enquiry.handler_id != user.pk
    return _may_become(enquiry, Status.IN_PROGRESS)


def can_reply(user: AnyUser, enquiry: Enquiry) -> bool:
    """Before triage only a contact officer answers (at once, without routing)."""
    if enquiry.status == Status.RECEIVED:
        return is_contact_officer(user)
    return _answers(user, enquiry) and (
        _may_become(enquiry, Status.ANSWERED, Status.WAITING)
        or enquiry.status in (Status.ANSWERED, Status.WAITING)
    )


def can_add_note(user: AnyUser, enquiry: Enquiry) -> bool:
    return can_view(user, enquiry)


def can_hand_back(user: AnyUser, enquiry: Enquiry) -> bool:
    return (
        _answers(user, enquiry)
        and bool(_routed_administration_ids(enquiry))
        and _may_become(enquiry, Status.TRIAGED)
        and enquiry.status != Status.RECEIVED
    )


def can_close(user: AnyUser, enquiry: Enquiry) -> bool:
    return _answers(user, enquiry) and _may_become(enquiry, Status.CLOSED)


def can_refer(user: AnyUser, enquiry: Enquiry) -> bool:
    return is_contact_officer(user) and _may_become(enquiry, Status.REFERRED)


def can_mark_spam(user: AnyUser, enquiry: Enquiry) -> bool:
    return is_contact_officer(user) and _may_become(enquiry, Status.SPAM)


def can_mark_duplicate(user: AnyUser, enquiry: Enquiry) -> bool:
    return is_contact_officer(user) and _may_become(enquiry, Status.DUPLICATE)


def can_delete(user: AnyUser, enquiry: Enquiry) -> bool:
    """Only an administrator deletes an enquiry (in the admin, after a request to delete)."""
    return can_administer(user)


def get_enquiry_for_staff(user: AnyUser, pk: int) -> Enquiry:
    """The enquiry, or 404 for one the user may not open on the staff side."""
    enquiry = get_object_or_404(
        Enquiry.objects.select_related(
            "topic", "topic__suggested_administration", "lead_administration", "handler", "user"
        ),
        pk=pk,
    )
    if not can_view(user, enquiry):
        raise Http404
    return enquiry


def get_attachment_for_staff(user: AnyUser, pk: int, attachment_pk: int) -> EnquiryAttachment:
    enquiry = get_enquiry_for_staff(user, pk)
    return get_object_or_404(EnquiryAttachment, enquiry=enquiry, pk=attachment_pk)
