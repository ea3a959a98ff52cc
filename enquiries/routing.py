"""Routing an enquiry to administrations: the routing as a short text, the wanted roles
and how a change is applied (keeping what stays). Used by enquiries.staff_services."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from enquiries.models import Enquiry, EnquiryRouting, Topic
from portal.models import Administration, User


def routing_state(enquiry: Enquiry) -> str:
    """The enquiry's routing as a short text ("lead:5;participants:2,7"), which the routing
    form carries so that a change made meanwhile by someone else is noticed."""
    return state_of(
        {
            routing.administration_id: routing.role
            for routing in EnquiryRouting.objects.filter(enquiry=enquiry)
        }
    )


def state_of(roles: dict[int, str]) -> str:
    lead = [pk for pk, role in roles.items() if role == EnquiryRouting.Role.LEAD]
    participants = sorted(pk for pk, role in roles.items() if role != EnquiryRouting.Role.LEAD)
    if not roles:
        return ""
    return f"lead:{','.join(map(str, lead))};participants:{','.join(map(str, participants))}"


def wanted_roles(lead: Administration, participants: Iterable[Administration]) -> dict[int, str]:
    if any(administration.pk == lead.pk for administration in participants):
        raise ValidationError(
            _("The lead administration cannot also take part. Untick it under the others."),
            code="lead_participates",
        )
    roles = {administration.pk: EnquiryRouting.Role.PARTICIPANT for administration in participants}
    return {lead.pk: EnquiryRouting.Role.LEAD, **roles}


def apply_routing(enquiry: Enquiry, wanted: dict[int, str], note: str, actor: User) -> list[int]:
    """Keep the routings that do not change (with their confirmations), change or add the
    others and delete the rest; returns the administrations routed anew."""
    existing = {routing.administration_id: routing for routing in enquiry.routings.all()}
    EnquiryRouting.objects.filter(enquiry=enquiry).exclude(administration_id__in=wanted).delete()
    now = timezone.now()
    anew = []
    for administration_id, role in wanted.items():
        routing = existing.get(administration_id)
        if routing is not None and routing.role == role:
            continue
        anew.append(administration_id)
        EnquiryRouting.objects.update_or_create(
            enquiry=enquiry,
            administration_id=administration_id,
            defaults={
                "role": role,
                "note": note,
                "routed_by": actor,
                "routed_at": now,
                "confirmed_by": None,
                "confirmed_at": None,
            },
        )
    return anew


def suggest_administration(enquiry: Enquiry) -> Administration | None:
    """The topic's suggested administration, else that of the first topic with a keyword
    that occurs in the message (the administrators edit both in the admin)."""
    if enquiry.topic.suggested_administration_id:
        return enquiry.topic.suggested_administration
    text = enquiry.message.casefold()
    topics = (
        Topic.objects.filter(is_active=True, suggested_administration__isnull=False)
        .exclude(keywords="")
        .select_related("suggested_administration")
    )
    for topic in topics:
        keywords = [word.strip().casefold() for word in topic.keywords.split(",")]
        if any(word and word in text for word in keywords):
            return topic.suggested_administration
    return None
