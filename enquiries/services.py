"""State changes of enquiries. Each checks its rule and writes the timeline entry."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from enquiries.models import (
    OPEN_STATUSES,
    TRANSITIONS,
    Enquiry,
    EnquiryAccess,
    EnquiryAttachment,
    EnquiryEvent,
    EnquiryRouting,
    Status,
    Topic,
    new_status_token,
    next_reference,
)
from portal import rules as portal_rules
from portal.mail import PageLink, send_templated_email, send_templated_email_to_users
from portal.models import Role, User, supported_language
from portal.transitions import check_transition
from portal.workdays import add_working_days, working_days_between


def email_enquirer(enquiry: Enquiry, template_prefix: str, context: dict | None = None) -> None:
    """An e-mail to the enquirer, in the language they wrote in."""
    send_templated_email(
        to=enquiry.email,
        template_prefix=template_prefix,
        context={"enquiry": enquiry, **(context or {})},
        language=enquiry.language,
    )


def email_staff(users, template_prefix: str, context: dict) -> None:
    """An e-mail to staff, each in the language they use the portal in."""
    send_templated_email_to_users(users=users, template_prefix=template_prefix, context=context)


def _store_attachments(enquiry: Enquiry, uploads, *, from_enquirer: bool = True) -> None:
    for upload in uploads:
        EnquiryAttachment.objects.create(
            enquiry=enquiry,
            file=upload,
            original_name=upload.name[:255],
            size=upload.size,
            from_enquirer=from_enquirer,
        )


@transaction.atomic
def enquiry_submit(
    *, data: dict, attachments=(), user=None, status_url_builder
) -> tuple[Enquiry, str]:
    """Store a new enquiry with its reference number and deadlines, and acknowledge it.

    Returns the enquiry and its private status token (only its hash is stored).
    """
    now = timezone.now()
    today = timezone.localdate(now)
    token, token_hash = new_status_token()
    enquiry = Enquiry.objects.create(
        **data,
        language=supported_language(translation.get_language()) or settings.LANGUAGE_CODE,
        reference=next_reference(today.year),
        user=user if user is not None and user.is_authenticated else None,
        consent_given_at=now,
        created_at=now,
        status_token_hash=token_hash,
        triage_due=add_working_days(today, settings.ENQUIRY_TRIAGE_WORKING_DAYS),
        answer_due=add_working_days(today, settings.ENQUIRY_ANSWER_WORKING_DAYS),
    )
    _store_attachments(enquiry, attachments)
    EnquiryEvent.objects.create(enquiry=enquiry, kind=EnquiryEvent.Kind.RECEIVED, is_public=True)
    email_enquirer(enquiry, "enquiries/email/received", {"status_url": status_url_builder(token)})
    return enquiry, token


@transaction.atomic
def enquiry_reply_from_enquirer(*, enquiry: Enquiry, body: str, attachments=()) -> EnquiryEvent:
    """The enquirer writes back through the status link; a waiting enquiry goes back to work."""
    from enquiries.public import ACCEPTS_REPLIES

    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if enquiry.status not in ACCEPTS_REPLIES:
        raise ValidationError(
            _("This enquiry has been completed. Send a new enquiry if you have another question."),
            code="closed",
        )
    _store_attachments(enquiry, attachments)
    event = EnquiryEvent.objects.create(
        enquiry=enquiry,
        kind=EnquiryEvent.Kind.MESSAGE,
        from_enquirer=True,
        is_public=True,
        body=body,
    )
    if enquiry.status == Status.WAITING:
        _resume_deadline(enquiry)
        previous = Status.ROUTED if enquiry.lead_administration_id else Status.TRIAGED
        EnquiryEvent.objects.create(
            enquiry=enquiry,
            kind=EnquiryEvent.Kind.STATUS,
            from_status=Status.WAITING,
            to_status=previous,
            is_public=True,
        )
        enquiry.status = previous
        enquiry.save(update_fields=["status", "answer_due"])
    return event


def _resume_deadline(enquiry: Enquiry) -> None:
    """The answer clock pauses while the enquiry waits: push the deadline by the working
    days it waited."""
    waited_since = (
        enquiry.events.filter(kind=EnquiryEvent.Kind.STATUS, to_status=Status.WAITING)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if waited_since is None:
        return
    paused = working_days_between(timezone.localdate(waited_since), timezone.localdate())
    if paused:
        enquiry.answer_due = add_working_days(enquiry.answer_due, paused)


@transaction.atomic
def enquiry_request_deletion(*, enquiry: Enquiry) -> None:
    """The enquirer asks for their information to be deleted: recorded on the timeline and
    sent to the contact officers, who decide (some records must be kept by law)."""
    EnquiryEvent.objects.create(
        enquiry=enquiry,
        kind=EnquiryEvent.Kind.MESSAGE,
        from_enquirer=True,
        is_public=True,
        body=_("I ask for my information in this enquiry to be deleted."),
    )
    email_staff(_contact_officers(), "enquiries/email/deletion_requested", {"enquiry": enquiry})


# The staff side: triage, routing, answers and notes.


def _change_status(enquiry: Enquiry, to_status: str, actor, *, is_public=True) -> None:
    """Check the transition table, record the change and set the status (not yet saved)."""
    from_status = check_transition(
        Status,
        TRANSITIONS,
        enquiry.status,
        to_status,
        _("An enquiry cannot go from %(from)s to %(to)s."),
    )
    EnquiryEvent.objects.create(
        enquiry=enquiry,
        kind=EnquiryEvent.Kind.STATUS,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        is_public=is_public,
    )
    if from_status == Status.WAITING:
        _resume_deadline(enquiry)
    enquiry.status = to_status


def _note(enquiry: Enquiry, body: str, actor) -> EnquiryEvent:
    return EnquiryEvent.objects.create(
        enquiry=enquiry, kind=EnquiryEvent.Kind.NOTE, actor=actor, body=body, is_public=False
    )


def _locked(enquiry: Enquiry) -> Enquiry:
    return Enquiry.objects.select_for_update().get(pk=enquiry.pk)


def _staff_link(enquiry: Enquiry, url_builder) -> PageLink:
    """The staff page, in the language of the e-mail it goes into."""
    return PageLink("enquiries:staff_detail", [enquiry.pk], url_builder)


def _members(administration):
    return User.objects.filter(
        is_active=True, administration_memberships__administration=administration
    ).order_by("email")


def _contact_officers():
    return User.objects.with_role(Role.CONTACT_OFFICER).order_by("email")


@transaction.atomic
def enquiry_assign(*, enquiry: Enquiry, handler, actor) -> Enquiry:
    enquiry = _locked(enquiry)
    if enquiry.status not in OPEN_STATUSES:
        raise ValidationError(_("A completed enquiry cannot be assigned."), code="closed")
    enquiry.handler = handler
    enquiry.save(update_fields=["handler"])
    _note(
        enquiry,
        _("Assigned to %(name)s.") % {"name": handler.display_name}
        if handler
        else _("Unassigned."),
        actor,
    )
    return enquiry


@transaction.atomic
def enquiry_triage(*, enquiry: Enquiry, actor) -> Enquiry:
    enquiry = _locked(enquiry)
    _change_status(enquiry, Status.TRIAGED, actor)
    if enquiry.handler_id is None:
        enquiry.handler = actor
    enquiry.save(update_fields=["status", "handler", "answer_due"])
    return enquiry


@transaction.atomic
def enquiry_route(
    *, enquiry: Enquiry, lead, participants=(), note: str = "", actor, url_builder=None
) -> Enquiry:
    """Route to one lead administration (owns the answer) and optionally others that take
    part. Earlier routings are replaced: an administration no longer routed to loses access
    at once. The civil servants of the lead administration are told by e-mail."""
    enquiry = _locked(enquiry)
    if enquiry.status != Status.ROUTED:
        _change_status(enquiry, Status.ROUTED, actor)
    participants = [a for a in dict.fromkeys(participants) if a.pk != lead.pk]
    enquiry.routings.all().delete()
    now = timezone.now()
    EnquiryRouting.objects.create(
        enquiry=enquiry,
        administration=lead,
        role=EnquiryRouting.Role.LEAD,
        note=note,
        routed_by=actor,
        routed_at=now,
    )
    for administration in participants:
        EnquiryRouting.objects.create(
            enquiry=enquiry,
            administration=administration,
            role=EnquiryRouting.Role.PARTICIPANT,
            note=note,
            routed_by=actor,
            routed_at=now,
        )
    enquiry.lead_administration = lead
    if enquiry.handler_id and not portal_rules.is_contact_officer(enquiry.handler):
        enquiry.handler = None
    enquiry.save(update_fields=["status", "lead_administration", "handler", "answer_due"])
    names = ", ".join([lead.code, *(a.code for a in participants)])
    _note(
        enquiry,
        _("Routed to %(administrations)s.") % {"administrations": names}
        + (f"\n\n{note}" if note else ""),
        actor,
    )
    for administration in (lead, *participants):
        email_staff(
            _members(administration),
            "enquiries/email/routed",
            {
                "enquiry": enquiry,
                "administration": administration,
                "lead": lead,
                "is_lead": administration == lead,
                "note": note,
                "url": _staff_link(enquiry, url_builder),
            },
        )
    return enquiry


@transaction.atomic
def enquiry_confirm_routing(*, routing: EnquiryRouting, actor) -> EnquiryRouting:
    routing = (
        EnquiryRouting.objects.select_for_update()
        .select_related("administration")
        .get(pk=routing.pk)
    )
    if routing.confirmed_at is not None:
        raise ValidationError(_("The routing has already been confirmed."), code="confirmed")
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
def enquiry_take(*, enquiry: Enquiry, actor) -> Enquiry:
    """A civil servant takes the enquiry: they handle it and it is in progress."""
    enquiry = _locked(enquiry)
    if enquiry.status != Status.IN_PROGRESS:
        _change_status(enquiry, Status.IN_PROGRESS, actor)
    enquiry.handler = actor
    enquiry.save(update_fields=["status", "handler", "answer_due"])
    # Taking an enquiry confirms the hand-off to the taker's administrations.
    EnquiryRouting.objects.filter(
        enquiry=enquiry,
        confirmed_at__isnull=True,
        administration__memberships__user=actor,
    ).update(confirmed_at=timezone.now(), confirmed_by=actor)
    _note(enquiry, _("%(name)s took the enquiry.") % {"name": actor.display_name}, actor)
    return enquiry


def _public_message(enquiry: Enquiry, body: str, actor) -> EnquiryEvent:
    return EnquiryEvent.objects.create(
        enquiry=enquiry, kind=EnquiryEvent.Kind.MESSAGE, actor=actor, body=body, is_public=True
    )


def _tell_enquirer(enquiry: Enquiry, body: str) -> None:
    email_enquirer(enquiry, "enquiries/email/answered", {"body": body})


@transaction.atomic
def enquiry_reply(
    *, enquiry: Enquiry, body: str, actor, to_status: str = Status.ANSWERED
) -> EnquiryEvent:
    """A public message to the enquirer, who is told by e-mail. `answered` when it answers
    the question, `waiting` when it asks the enquirer for more (the clock pauses)."""
    if to_status not in (Status.ANSWERED, Status.WAITING):
        raise ValidationError(_("Choose whether this answers the enquiry."), code="to_status")
    enquiry = _locked(enquiry)
    if enquiry.status != to_status:
        _change_status(enquiry, to_status, actor)
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
    _tell_enquirer(enquiry, body)
    return event


@transaction.atomic
def enquiry_add_note(*, enquiry: Enquiry, body: str, actor) -> EnquiryEvent:
    """An internal note: never shown to the enquirer."""
    return _note(enquiry, body, actor)


@transaction.atomic
def enquiry_hand_back(*, enquiry: Enquiry, note: str, actor, url_builder=None) -> Enquiry:
    """The administration gives the enquiry back to the contact officers: the routings go
    (and with them the administrations' access); it is triaged again."""
    enquiry = _locked(enquiry)
    if not enquiry.routings.exists():
        raise ValidationError(_("The enquiry is not routed to an administration."), code="routed")
    _change_status(enquiry, Status.TRIAGED, actor)
    enquiry.routings.all().delete()
    enquiry.lead_administration = None
    if enquiry.handler_id and not portal_rules.is_contact_officer(enquiry.handler):
        enquiry.handler = None
    enquiry.save(update_fields=["status", "lead_administration", "handler", "answer_due"])
    _note(enquiry, _("Handed back to the contact officers.") + f"\n\n{note}", actor)
    email_staff(
        _contact_officers(),
        "enquiries/email/handed_back",
        {"enquiry": enquiry, "note": note, "url": _staff_link(enquiry, url_builder)},
    )
    return enquiry


@transaction.atomic
def enquiry_close(*, enquiry: Enquiry, actor) -> Enquiry:
    enquiry = _locked(enquiry)
    _change_status(enquiry, Status.CLOSED, actor)
    enquiry.closed_at = timezone.now()
    enquiry.save(update_fields=["status", "closed_at", "answer_due"])
    return enquiry


@transaction.atomic
def enquiry_refer(*, enquiry: Enquiry, to_whom: str, actor) -> Enquiry:
    """Outside the City's remit: the public answer says who can help."""
    enquiry = _locked(enquiry)
    _change_status(enquiry, Status.REFERRED, actor)
    _public_message(enquiry, to_whom, actor)
    now = timezone.now()
    enquiry.answered_at = now
    enquiry.first_answered_at = enquiry.first_answered_at or now
    enquiry.save(update_fields=["status", "answered_at", "first_answered_at", "answer_due"])
    _tell_enquirer(enquiry, to_whom)
    return enquiry


@transaction.atomic
def enquiry_mark_spam(*, enquiry: Enquiry, actor) -> Enquiry:
    enquiry = _locked(enquiry)
    _change_status(enquiry, Status.SPAM, actor, is_public=False)
    enquiry.closed_at = timezone.now()
    enquiry.save(update_fields=["status", "closed_at"])
    return enquiry


@transaction.atomic
def enquiry_mark_duplicate(*, enquiry: Enquiry, of: Enquiry, actor) -> Enquiry:
    enquiry = _locked(enquiry)
    if of.pk == enquiry.pk:
        raise ValidationError(_("An enquiry cannot be a duplicate of itself."), code="self")
    if of.duplicate_of_id == enquiry.pk:
        raise ValidationError(
            _("That enquiry is already marked as a duplicate of this one."), code="cycle"
        )
    _change_status(enquiry, Status.DUPLICATE, actor)
    enquiry.duplicate_of = of
    enquiry.closed_at = timezone.now()
    enquiry.save(update_fields=["status", "duplicate_of", "closed_at"])
    _note(enquiry, _("Duplicate of %(reference)s.") % {"reference": of.reference}, actor)
    return enquiry


def enquiry_record_access(*, enquiry: Enquiry, user) -> EnquiryAccess:
    """Log that a member of staff opened the enquiry's personal data."""
    return EnquiryAccess.objects.create(enquiry=enquiry, user=user)


def suggest_administration(enquiry: Enquiry):
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
