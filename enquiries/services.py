"""State changes of enquiries on the enquirer's side, and what the staff side shares with
them: the timeline's status changes, e-mail, status links and refreshing the cached lists.

The staff's actions are in enquiries.staff_services. Every service that changes what the
queue or the inbox shows calls `enquiries_changed()` in its transaction: that, not a model
signal, refreshes the cached lists (portal.caching), and the admin and the tasks go through
services too.
"""

from collections.abc import Callable, Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from enquiries.domain import (
    FINISHED_STATUSES,
    TRANSITIONS,
    Status,
    deadlines,
    new_status_token,
    next_reference,
)
from enquiries.models import Enquiry, EnquiryAttachment, EnquiryEvent, EnquiryStatusLink
from enquiries.public import ACCEPTS_REPLIES
from portal.caching import bump_content_version
from portal.mail import PageLink, send_templated_email, send_templated_email_to_users
from portal.models import Administration, Role, User, supported_language
from portal.transitions import check_transition
from portal.workdays import add_working_days, working_days_between

# The cached queue and inbox lists (portal.caching) of this namespace.
CONTENT_NAMESPACE = "enquiries"

UrlBuilder = Callable[[str], str]


def enquiries_changed() -> None:
    """The cached queue and inbox lists are refreshed when the transaction commits."""
    bump_content_version(CONTENT_NAMESPACE)


def email_enquirer(enquiry: Enquiry, template_prefix: str, context: dict | None = None) -> None:
    """An e-mail to the enquirer, in the language they wrote in."""
    send_templated_email(
        to=enquiry.email,
        template_prefix=template_prefix,
        context={"enquiry": enquiry, **(context or {})},
        language=enquiry.language,
    )


def email_staff(users: Iterable[User], template_prefix: str, context: dict) -> None:
    """An e-mail to staff, each in the language they use the portal in."""
    send_templated_email_to_users(users=users, template_prefix=template_prefix, context=context)


def staff_link(enquiry: Enquiry, url_builder: UrlBuilder | None) -> PageLink:
    """The staff page, in the language of the e-mail it goes into."""
    return PageLink("enquiries:staff_detail", [enquiry.pk], url_builder)


def new_status_link(enquiry: Enquiry, url_builder: UrlBuilder | None) -> PageLink:
    """A further private link to the enquirer's page, for an e-mail (only its hash is
    stored): the receipt's token cannot be read back."""
    token, token_hash = new_status_token()
    EnquiryStatusLink.objects.create(enquiry=enquiry, token_hash=token_hash)
    return PageLink("enquiries:status", [token], url_builder)


def members_of(administration: Administration) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True, administration_memberships__administration=administration
    ).order_by("email")


def contact_officers() -> QuerySet[User]:
    return User.objects.with_role(Role.CONTACT_OFFICER).order_by("email")


def locked(enquiry: Enquiry) -> Enquiry:
    """The enquiry's row, locked until the transaction ends, as it is now."""
    return Enquiry.objects.select_for_update().get(pk=enquiry.pk)


def change_status(
    enquiry: Enquiry, to_status: str, actor: User | None, *, is_public: bool = True
) -> None:
    """Check the transition table, record the change and set the status (not yet saved).
    Leaving `waiting` resumes the answer clock; a finished status starts the retention
    clock (`closed_at`)."""
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
    if to_status in FINISHED_STATUSES:
        enquiry.closed_at = timezone.now()
    enquiry.status = to_status
    enquiries_changed()


def _last_wait(enquiry: Enquiry) -> EnquiryEvent | None:
    return (
        enquiry.events.filter(kind=EnquiryEvent.Kind.STATUS, to_status=Status.WAITING)
        .order_by("-created_at", "-pk")
        .first()
    )


def _resume_deadline(enquiry: Enquiry) -> None:
    """The answer clock pauses while the enquiry waits: push the deadline by the working
    days it waited."""
    wait = _last_wait(enquiry)
    if wait is None:
        return
    paused = working_days_between(timezone.localdate(wait.created_at), timezone.localdate())
    if paused:
        enquiry.answer_due = add_working_days(enquiry.answer_due, paused)


def _store_attachments(
    enquiry: Enquiry, uploads: Iterable[UploadedFile], *, from_enquirer: bool = True
) -> None:
    for upload in uploads:
        EnquiryAttachment.objects.create(
            enquiry=enquiry,
            file=upload,
            original_name=(upload.name or "")[:255],
            size=upload.size or 0,
            from_enquirer=from_enquirer,
        )


@transaction.atomic
def enquiry_submit(
    *,
    data: dict,
    attachments: Iterable[UploadedFile] = (),
    user: User | AnonymousUser | None = None,
    status_url_builder: Callable[[str], str],
    received_at: datetime | None = None,
) -> tuple[Enquiry, str]:
    """Store a new enquiry with its reference number and deadlines, and acknowledge it.

    Returns the enquiry and its private status token (only its hash is stored).
    `received_at` is now, except for demo data that arrived earlier.
    """
    now = received_at or timezone.now()
    today = timezone.localdate(now)
    token, token_hash = new_status_token()
    triage_due, answer_due = deadlines(today)
    enquiry = Enquiry.objects.create(
        **data,
        language=supported_language(translation.get_language()) or settings.LANGUAGE_CODE,
        reference=next_reference(today.year),
        user=user if user is not None and user.is_authenticated else None,
        consent_given_at=now,
        created_at=now,
        status_token_hash=token_hash,
        triage_due=triage_due,
        answer_due=answer_due,
    )
    _store_attachments(enquiry, attachments)
    EnquiryEvent.objects.create(
        enquiry=enquiry, kind=EnquiryEvent.Kind.RECEIVED, is_public=True, created_at=now
    )
    email_enquirer(enquiry, "enquiries/email/received", {"status_url": status_url_builder(token)})
    enquiries_changed()
    return enquiry, token


def _status_after_waiting(enquiry: Enquiry, wait: EnquiryEvent | None) -> Status:
    """Where an enquiry that waited for the enquirer goes back to: the status it had before
    it asked (with its handler), else with whoever owns the answer."""
    before = Status(wait.from_status) if wait and wait.from_status else None
    if before in TRANSITIONS[Status.WAITING] and before != Status.CLOSED:
        return before
    if enquiry.lead_administration_id:
        return Status.IN_PROGRESS if enquiry.handler_id else Status.ROUTED
    return Status.TRIAGED


def _tell_handlers_of_reply(enquiry: Enquiry, url_builder: UrlBuilder | None) -> None:
    """The enquirer wrote: their handler hears of it, else the lead administration, else
    the contact officers."""
    handler = enquiry.handler
    if handler is not None and handler.is_active:
        recipients = [handler]
    elif enquiry.lead_administration is not None:
        recipients = list(members_of(enquiry.lead_administration))
    else:
        recipients = list(contact_officers())
    email_staff(
        recipients,
        "enquiries/email/enquirer_replied",
        {"enquiry": enquiry, "url": staff_link(enquiry, url_builder)},
    )


@transaction.atomic
def enquiry_reply_from_enquirer(
    *,
    enquiry: Enquiry,
    body: str,
    attachments: Iterable[UploadedFile] = (),
    url_builder: UrlBuilder | None = None,
) -> EnquiryEvent:
    """The enquirer writes back through the status link. An enquiry that waited for them
    goes back to where it was (its handler, its clock running again), and whoever handles
    it is told by e-mail."""
    enquiry = (
        Enquiry.objects.select_for_update(of=("self",)).select_related("handler").get(pk=enquiry.pk)
    )
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
        change_status(enquiry, _status_after_waiting(enquiry, _last_wait(enquiry)), None)
        enquiry.save(update_fields=["status", "answer_due"])
    _tell_handlers_of_reply(enquiry, url_builder)
    return event


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
    email_staff(contact_officers(), "enquiries/email/deletion_requested", {"enquiry": enquiry})


ANONYMOUS = "–"


@transaction.atomic
def enquiry_anonymise(*, enquiry: Enquiry) -> None:
    """Remove everything that identifies the enquirer; keep what the figures need
    (topic, dates, statuses, administrations). Run by the retention task, not by a person."""
    for attachment in enquiry.attachments.all():
        attachment.file.delete(save=False)
    enquiry.attachments.all().delete()
    enquiry.events.exclude(kind=EnquiryEvent.Kind.STATUS).update(body="")
    enquiry.status_links.all().delete()
    now = timezone.now()
    Enquiry.objects.filter(pk=enquiry.pk).update(
        name=ANONYMOUS,
        email="anonymised@invalid",
        phone="",
        organisation_name="",
        cvr="",
        message="",
        user=None,
        status_token_revoked_at=now,
        anonymised_at=now,
    )
    enquiries_changed()
