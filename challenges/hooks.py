"""The challenges app's part in what the portal does for every app (see portal/hooks.py)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from challenges import rules
from challenges.models import (
    Challenge,
    ChallengeEvent,
    Response,
    ResponseEvent,
    ResponseMessage,
    Status,
)
from portal.caching import bump_content_version
from portal.hooks import Link, Part
from portal.models import AdministrationMembership, User


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _challenge(challenge: Challenge) -> dict[str, Any]:
    return {
        "title": challenge.title,
        "summary": challenge.summary,
        "description": challenge.description,
        "status": challenge.status,
        "created": _when(challenge.created_at),
        "published": _when(challenge.published_at),
    }


def _response(response: Response, user: User) -> dict[str, Any]:
    return {
        "challenge": response.challenge.title,
        "organisation": response.organisation.name,
        "message": response.message,
        "offer": response.offer,
        "solution": response.solution.title if response.solution else None,
        "attachment": response.attachment_name,
        "status": response.status,
        "submitted": _when(response.created_at),
        "dialogue": [
            {
                "from_you": message.author_id == user.pk,
                "message": message.body,
                "status": message.to_status,
                "sent": _when(message.created_at),
            }
            for message in response.messages.all()
        ],
    }


def export_user_data(user: User) -> dict[str, Any]:
    """The challenges the user wrote or is the contact person of, what they did to them,
    the responses they submitted with their dialogue, and every message they wrote."""
    challenges = Challenge.objects.filter(Q(created_by=user) | Q(contact_person=user))
    responses = (
        Response.objects.filter(submitted_by=user)
        .select_related("challenge", "organisation", "solution")
        .prefetch_related("messages")
    )
    messages = ResponseMessage.objects.filter(author=user).select_related(
        "response__challenge", "response__organisation"
    )
    events = ChallengeEvent.objects.filter(actor=user).select_related("challenge")
    response_events = ResponseEvent.objects.filter(actor=user).select_related(
        "response__challenge", "response__organisation"
    )
    return {
        "response_history": [
            {
                "challenge": event.response.challenge.title,
                "organisation": event.response.organisation.name,
                "kind": event.kind,
                "to_status": event.to_status,
                "changed_fields": event.changed_fields,
                "when": _when(event.created_at),
            }
            for event in response_events.order_by("created_at", "pk")
        ],
        "challenges": [
            {
                **_challenge(challenge),
                "written_by_you": challenge.created_by_id == user.pk,
                "you_are_contact_person": challenge.contact_person_id == user.pk,
            }
            for challenge in challenges.defer("search_vector").order_by("created_at", "pk")
        ],
        "challenge_history": [
            {
                "challenge": event.challenge.title,
                "kind": event.kind,
                "to_status": event.to_status,
                "changed_fields": event.changed_fields,
                "when": _when(event.created_at),
            }
            for event in events.order_by("created_at", "pk")
        ],
        "challenge_responses": [_response(r, user) for r in responses.order_by("created_at", "pk")],
        "challenge_response_messages": [
            {
                "challenge": message.response.challenge.title,
                "organisation": message.response.organisation.name,
                "message": message.body,
                "sent": _when(message.created_at),
            }
            for message in messages.order_by("created_at", "pk")
        ],
    }


def _successor(challenge: Challenge, leaving: User) -> User | None:
    """The colleague who has been longest in the challenge's owner administration, else in
    a co-owner."""
    for administrations in ([challenge.owner_id], [a.pk for a in challenge.co_owners.all()]):
        membership = (
            AdministrationMembership.objects.filter(
                administration_id__in=administrations, user__is_active=True
            )
            .exclude(user=leaving)
            .select_related("user")
            .order_by("created_at", "pk")
            .first()
        )
        if membership:
            return membership.user
    return None


@transaction.atomic
def before_user_delete(user: User) -> None:
    """A challenge always has a contact person: a colleague in its administrations takes
    over the leaving user's challenges, or the deletion is refused."""
    challenges = list(
        Challenge.objects.select_for_update()
        .filter(contact_person=user)
        .defer("search_vector")
        .order_by("pk")
    )
    handovers = [(challenge, _successor(challenge, user)) for challenge in challenges]
    orphans = [challenge for challenge, successor in handovers if successor is None]
    if orphans:
        raise ValidationError(
            ngettext(
                "You are the contact person of the challenge %(titles)s, and no colleague "
                "in its administrations uses the portal to take over. Ask the portal's "
                "administrators to hand it over first.",
                "You are the contact person of the challenges %(titles)s, and no colleague "
                "in their administrations uses the portal to take over. Ask the portal's "
                "administrators to hand them over first.",
                len(orphans),
            )
            % {"titles": ", ".join(f"“{challenge.title}”" for challenge in orphans)},
            code="contact_person",
        )
    for challenge, successor in handovers:
        Challenge.objects.filter(pk=challenge.pk).update(contact_person=successor)
        ChallengeEvent.objects.create(
            challenge=challenge,
            kind=ChallengeEvent.Kind.EDITED,
            changed_fields=["contact_person"],
        )
    if handovers:
        bump_content_version("challenges")


def staff_links(user: User) -> list[Link]:
    if not rules.can_create(user):
        return []
    return [
        Link(
            url=reverse("challenges:mine"),
            label=_("My challenges"),
            description=_("post and manage your administrations' challenges"),
            order=30,
        )
    ]


def _since(request):
    return getattr(request, "work_overview_since", None)


def _owned_challenges_part(request, administration_ids) -> Part:
    since = _since(request)
    new_filter = Q(responses__created_at__gt=since) if since else Q(responses__isnull=False)
    challenges = list(
        Challenge.objects.owned_by_any_of(administration_ids)
        .exclude(status=Status.ARCHIVED)
        .annotate(new_responses=Count("responses", filter=new_filter, distinct=True))
        .order_by("-new_responses", "-updated_at", "-pk")
        .only("pk", "title", "status", "deadline")[:20]
    )
    return Part(
        key="owned_challenges",
        heading=_("Your administrations' challenges"),
        template="challenges/includes/overview_owned.html",
        context={"challenges": challenges},
        order=20,
    )


def _responses_part(request) -> Part | None:
    since = _since(request)
    responses = list(
        Response.objects.for_member(request.user)
        .select_related("challenge", "organisation")
        .order_by("-updated_at", "-pk")[:20]
    )
    if not responses:
        return None
    return Part(
        key="my_responses",
        heading=_("Your organisations' responses"),
        template="challenges/includes/overview_responses.html",
        context={"rows": [(r, since is None or r.updated_at > since) for r in responses]},
        order=30,
    )


def work_overview(request) -> list[Part]:
    """Civil servants: their administrations' challenges with the responses new since the
    last visit; members of organisations: their responses, those changed marked (one query
    each)."""
    parts = []
    administration_ids = rules._managed_administration_ids(request.user)
    if administration_ids:
        parts.append(_owned_challenges_part(request, administration_ids))
    responses = _responses_part(request)
    if responses:
        parts.append(responses)
    return parts
