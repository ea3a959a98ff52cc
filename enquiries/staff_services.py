"""State changes of enquiries on the staff side: triage, routing, answers, notes and
completion, and the administrators' changes in the admin.

Each service locks the enquiry, checks through enquiries.rules that its actor may do it
with the enquiry as it is now (PermissionDenied otherwise), checks the transition, writes
the timeline and queues its e-mails in one transaction.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from enquiries import rules
from enquiries.domain import OPEN_STATUSES, Status
from enquiries.models import Enquiry, EnquiryAccess, EnquiryEvent, EnquiryRouting, Topic
from enquiries.routing import apply_routing, routing_state, state_of, wanted_roles
from enquiries.services import (
    UrlBuilder,
    change_status,
    contact_officers,
    email_enquirer,
    email_staff,
    enquiries_changed,
    locked,
    members_of,
    new_status_link,
    staff_link,
)
from portal import rules as portal_rules
from portal.models import Administration, User


def _note(enquiry: Enquiry, body: str, actor: User) -> EnquiryEvent:
    return EnquiryEvent.objects.create(
        enquiry=enquiry, kind=EnquiryEvent.Kind.NOTE, actor=actor, body=body, is_public=False
    )


def _public_message(enquiry: Enquiry, body: str, actor: User) -> EnquiryEvent:
    return EnquiryEvent.objects.create(
        enquiry=enquiry, kind=EnquiryEvent.Kind.MESSAGE, actor=actor, body=body, is_public=True
    )


def _tell_enquirer(enquiry: Enquiry, body: str, url_builder: UrlBuilder | None) -> None:
    """The new message, with a link to the enquirer's page."""
    email_enquirer(
        enquiry,
        "enquiries/email/answered",
        {"body": body, "status_url": new_status_link(enquiry, url_builder)},
    )


def _drop_handler_outside_contact_officers(enquiry: Enquiry) -> None:
    if enquiry.handler_id and not portal_rules.is_contact_officer(enquiry.handler):
        enquiry.handler = None


@transaction.atomic
def enquiry_assign(*, enquiry: Enquiry, handler: User | None, actor: User) -> Enquiry:
    enquiry = locked(enquiry)
    if enquiry.status not in OPEN_STATUSES:
        raise ValidationError(_("A completed enquiry cannot be assigned."), code="closed")
    rules.require(rules.can_assign, actor, enquiry)
    enquiry.handler = handler
    enquiry.save(update_fields=["handler"])
    _note(
        enquiry,
        _("Assigned to %(name)s.") % {"name": handler.display_name}
        if handler
        else _("Unassigned."),
        actor,
    )
    enquiries_changed()
    return enquiry


@transaction.atomic
def enquiry_triage(*, enquiry: Enquiry, actor: User) -> Enquiry:
    enquiry = locked(enquiry)
    rules.require(rules.can_triage, actor, enquiry)
    change_status(enquiry, Status.TRIAGED, actor)
    if enquiry.handler_id is None:
        enquiry.handler = actor
    enquiry.save(update_fields=["status", "handler", "answer_due"])
    return enquiry


@transaction.atomic
def enquiry_route(
    *,
    enquiry: Enquiry,
    lead: Administration,
    participants: Iterable[Administration] = (),
    note: str = "",
    actor: User,
    seen: str | None = None,
    url_builder: UrlBuilder | None = None,
) -> Enquiry:
    """Route to one lead administration (owns the answer) and optionally others that take
    part. Routings that stay as they were keep their confirmation; an administration no
    longer routed to loses access at once; those routed anew are told by e-mail.

    The same choices again change nothing and send nothing. `seen` is the routing the
    officer saw (`routing_state`): when someone else has routed it differently meanwhile,
    nothing changes and the officer is told."""
    participants = list(dict.fromkeys(participants))
    wanted = wanted_roles(lead, participants)
    enquiry = locked(enquiry)
    rules.require(rules.can_route, actor, enquiry)
    current = routing_state(enquiry)
    if enquiry.status == Status.ROUTED and current == state_of(wanted):
        raise ValidationError(
            _("The enquiry is already routed like this. Nothing was changed or sent."),
            code="unchanged",
        )
    if seen is not None and seen != current:
        raise ValidationError(
            _(
                "Someone else routed the enquiry while you were choosing. Nothing was changed: "
                "look at the routing now and route again if it should change."
            ),
            code="stale",
        )
    if enquiry.status != Status.ROUTED:
        change_status(enquiry, Status.ROUTED, actor)
    anew = apply_routing(enquiry, wanted, note, actor)
    if enquiry.lead_administration_id != lead.pk:
        _drop_handler_outside_contact_officers(enquiry)
    enquiry.lead_administration = lead
    enquiry.save(update_fields=["status", "lead_administration", "handler", "answer_due"])
    enquiries_changed()
    names = ", ".join([lead.code, *(a.code for a in participants)])
    _note(
        enquiry,
        _("Routed to %(administrations)s.") % {"administrations": names}
        + (f"\n\n{note}" if note else ""),
        actor,
    )
    for administration in (lead, *participants):
        if administration.pk not in anew:
            continue
        email_staff(
            members_of(administration),
            "enquiries/email/routed",
            {
                "enquiry": enquiry,
                "administration": administration,
                "lead": lead,
                "is_lead": administration == lead,
                "note": note,
                "url": staff_link(enquiry, url_builder),
            },
        )
    return enquiry


@transaction.atomic
def enquiry_confirm_routing(*, routing: EnquiryRouting, actor: User) -> EnquiryRouting:
    routing = (
        EnquiryRouting.objects.select_for_update()
        .select_related("administration", "enquiry")
        .get(pk=routing.pk)
    )
    if routing.confirmed_at is not None:
        raise ValidationError(_("The routing has already been confirmed."), code="confirmed")
    rules.require(rules.can_confirm_routing, actor, routing)
    routing.confirmed_at = timezone.now()
    routing.confirmed_by = actor
    routing.save(update_fields=["confirmed_at", "confirmed_by"])
    _note(
        routing.enquiry,
        _("%(administration)s confirmed the routing.")
        % {"administration": routing.administration.code},
        actor,
    )
    return routing


@transaction.atomic
def enquiry_take(*, enquiry: Enquiry, actor: User) -> Enquiry:
    """A civil servant takes the enquiry: they handle it and it is in progress."""
    enquiry = locked(enquiry)
    rules.require(rules.can_take, actor, enquiry)
    if enquiry.status != Status.IN_PROGRESS:
        change_status(enquiry, Status.IN_PROGRESS, actor)
    enquiry.handler = actor
    enquiry.save(update_fields=["status", "handler", "answer_due"])
    # Taking an enquiry confirms the hand-off to the taker's administrations.
    EnquiryRouting.objects.filter(
        enquiry=enquiry,
        confirmed_at__isnull=True,
        administration__memberships__user=actor,
    ).update(confirmed_at=timezone.now(), confirmed_by=actor)
    _note(enquiry, _("%(name)s took the enquiry.") % {"name": actor.display_name}, actor)
    enquiries_changed()
    return enquiry


@transaction.atomic
def enquiry_reply(
    *,
    enquiry: Enquiry,
    body: str,
    actor: User,
    to_status: str = Status.ANSWERED,
    url_builder: UrlBuilder | None = None,
) -> EnquiryEvent:
    """A public message to the enquirer, who is told by e-mail with a link to their page.
    `answered` when it answers the question, `waiting` when it asks the enquirer for more
    (the clock pauses)."""
    if to_status not in (Status.ANSWERED, Status.WAITING):
        raise ValidationError(_("Choose whether this answers the enquiry."), code="to_status")
    enquiry = locked(enquiry)
    rules.require(rules.can_reply, actor, enquiry)
    if enquiry.status != to_status:
        change_status(enquiry, to_status, actor)
    event = _public_message(enquiry, body, actor)
    now = timezone.now()
    if to_status == Status.ANSWERED:
        enquiry.answered_at = now
        if enquiry.first_answered_at is None:
            enquiry.first_answered_at = now
    if enquiry.handler_id is None:
        enquiry.handler = actor
    enquiry.save(
        update_fields=["status", "answered_at", "first_answered_at", "handler", "answer_due"]
    )
    _tell_enquirer(enquiry, body, url_builder)
    return event


@transaction.atomic
def enquiry_add_note(*, enquiry: Enquiry, body: str, actor: User) -> EnquiryEvent:
    """An internal note: never shown to the enquirer."""
    rules.require(rules.can_add_note, actor, enquiry)
    return _note(enquiry, body, actor)


@transaction.atomic
def enquiry_hand_back(
    *, enquiry: Enquiry, note: str, actor: User, url_builder: UrlBuilder | None = None
) -> Enquiry:
    """The administration gives the enquiry back to the contact officers: the routings go
    (and with them the administrations' access); it is triaged again."""
    enquiry = locked(enquiry)
    if not enquiry.routings.exists():
        raise ValidationError(_("The enquiry is not routed to an administration."), code="routed")
    rules.require(rules.can_hand_back, actor, enquiry)
    change_status(enquiry, Status.TRIAGED, actor)
    enquiry.routings.all().delete()
    enquiry.lead_administration = None
    _drop_handler_outside_contact_officers(enquiry)
    enquiry.save(update_fields=["status", "lead_administration", "handler", "answer_due"])
    _note(enquiry, _("Handed back to the contact officers.") + f"\n\n{note}", actor)
    email_staff(
        contact_officers(),
        "enquiries/email/handed_back",
        {"enquiry": enquiry, "note": note, "url": staff_link(enquiry, url_builder)},
    )
    return enquiry


@transaction.atomic
def enquiry_close(*, enquiry: Enquiry, actor: User) -> Enquiry:
    enquiry = locked(enquiry)
    rules.require(rules.can_close, actor, enquiry)
    change_status(enquiry, Status.CLOSED, actor)
    enquiry.save(update_fields=["status", "closed_at", "answer_due"])
    return enquiry


@transaction.atomic
def enquiry_refer(
    *, enquiry: Enquiry, to_whom: str, actor: User, url_builder: UrlBuilder | None = None
) -> Enquiry:
    """Outside the City's remit: the public answer says who can help."""
    enquiry = locked(enquiry)
    rules.require(rules.can_refer, actor, enquiry)
    change_status(enquiry, Status.REFERRED, actor)
    _public_message(enquiry, to_whom, actor)
    now = timezone.now()
    enquiry.answered_at = now
    enquiry.first_answered_at = enquiry.first_answered_at or now
    enquiry.save(
        update_fields=["status", "answered_at", "first_answered_at", "answer_due", "closed_at"]
    )
    _tell_enquirer(enquiry, to_whom, url_builder)
    return enquiry


@transaction.atomic
def enquiry_mark_spam(*, enquiry: Enquiry, actor: User) -> Enquiry:
    enquiry = locked(enquiry)
    rules.require(rules.can_mark_spam, actor, enquiry)
    change_status(enquiry, Status.SPAM, actor, is_public=False)
    enquiry.save(update_fields=["status", "closed_at"])
    return enquiry


@transaction.atomic
def enquiry_mark_duplicate(*, enquiry: Enquiry, of: Enquiry, actor: User) -> Enquiry:
    enquiry = locked(enquiry)
    rules.require(rules.can_mark_duplicate, actor, enquiry)
    if of.pk == enquiry.pk:
        raise ValidationError(_("An enquiry cannot be a duplicate of itself."), code="self")
    if of.duplicate_of_id == enquiry.pk:
        raise ValidationError(
            _("That enquiry is already marked as a duplicate of this one."), code="cycle"
        )
    change_status(enquiry, Status.DUPLICATE, actor)
    enquiry.duplicate_of = of
    enquiry.save(update_fields=["status", "duplicate_of", "closed_at"])
    _note(enquiry, _("Duplicate of %(reference)s.") % {"reference": of.reference}, actor)
    return enquiry


def enquiry_record_access(*, enquiry: Enquiry, user: User) -> EnquiryAccess:
    """Log that a member of staff opened the enquiry's personal data."""
    rules.require(rules.can_view, user, enquiry)
    return EnquiryAccess.objects.create(enquiry=enquiry, user=user)


def _delete_files(files: Iterable[FieldFile]) -> None:
    for file in files:
        file.delete(save=False)


@transaction.atomic
def enquiry_delete(*, enquiry: Enquiry, actor: User) -> None:
    """An administrator deletes an enquiry with its files (the admin's delete)."""
    rules.require(rules.can_delete, actor, enquiry)
    files = [attachment.file for attachment in enquiry.attachments.all()]
    enquiry.delete()
    transaction.on_commit(lambda: _delete_files(files))
    enquiries_changed()


@transaction.atomic
def topic_save(*, topic: Topic, actor: User) -> Topic:
    """An administrator adds or changes a topic (the admin's save): the lists show topic
    names, so they are refreshed."""
    rules.require(rules.can_administer, actor)
    topic.save()
    enquiries_changed()
    return topic
