"""State changes of enquiries. Each checks its rule and writes the timeline entry."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from enquiries.models import (
    Enquiry,
    EnquiryAttachment,
    EnquiryEvent,
    new_status_token,
    next_reference,
)
from enquiries.workdays import add_working_days
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
