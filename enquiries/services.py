"""State changes of enquiries. Each checks its rule and writes the timeline entry."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enquiries.models import (
    Enquiry,
    EnquiryAttachment,
    EnquiryEvent,
    Status,
    new_status_token,
    next_reference,
)
from enquiries.workdays import add_working_days, working_days_between
from portal.mail import send_templated_email


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
        reference=next_reference(today.year),
        user=user if user is not None and user.is_authenticated else None,
        consent_given_at=now,
        created_at=now,
        status_token_hash=token_hash,
        triage_due=add_working_days(today, settings.ENQUIRY_TRIAGE_WORKING_DAYS),
        answer_due=add_working_days(today, settings.ENQUIRY_ANSWER_WORKING_DAYS),
    )
    for upload in attachments:
        EnquiryAttachment.objects.create(
            enquiry=enquiry, file=upload, original_name=upload.name[:255], size=upload.size
        )
    EnquiryEvent.objects.create(enquiry=enquiry, kind=EnquiryEvent.Kind.RECEIVED, is_public=True)
    send_templated_email(
        to=enquiry.email,
        template_prefix="enquiries/email/received",
        context={"enquiry": enquiry, "status_url": status_url_builder(token)},
    )
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
    for upload in attachments:
        EnquiryAttachment.objects.create(
            enquiry=enquiry, file=upload, original_name=upload.name[:255], size=upload.size
        )
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
