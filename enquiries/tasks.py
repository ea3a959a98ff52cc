"""Daily work of the single point of contact: deadline reminders and anonymisation."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from enquiries.models import RUNNING_STATUSES, Enquiry, EnquiryEvent, Status
from enquiries.services import email_staff
from enquiries.signals import enquiries_changed
from portal.models import Role, User
from portal.workdays import add_working_days

ANONYMOUS = "–"


@task()
def send_deadline_reminders() -> int:
    """Handlers hear about what falls due on the next working day; contact officers about
    what is overdue. Returns the number of e-mails queued."""
    today = timezone.localdate()
    tomorrow = add_working_days(today, 1)
    # The queue's rules: the clock runs, and the due date is DUE_DATE.
    running = Enquiry.objects.with_due().filter(status__in=RUNNING_STATUSES)
    due_tomorrow = running.filter(due=tomorrow, handler__isnull=False).select_related("handler")
    queued = 0
    by_handler = {}
    for enquiry in due_tomorrow:
        by_handler.setdefault(enquiry.handler, []).append(enquiry)
    for handler, enquiries in by_handler.items():
        email_staff(
            [handler],
            "enquiries/email/due_tomorrow",
            {"enquiries": enquiries, "due": tomorrow},
        )
        queued += 1
    overdue = list(running.overdue(today).in_queue_order())
    if overdue:
        for officer in User.objects.with_role(Role.CONTACT_OFFICER):
            email_staff(
                [officer],
                "enquiries/email/overdue",
                {"enquiries": overdue, "today": today},
            )
            queued += 1
    return queued


@transaction.atomic
def anonymise(enquiry: Enquiry) -> None:
    """Remove everything that identifies the enquirer; keep what the figures need
    (topic, dates, statuses, administrations)."""
    for attachment in enquiry.attachments.all():
        attachment.file.delete(save=False)
    enquiry.attachments.all().delete()
    enquiry.events.exclude(kind=EnquiryEvent.Kind.STATUS).update(body="")
    Enquiry.objects.filter(pk=enquiry.pk).update(
        name=ANONYMOUS,
        email="anonymised@invalid",
        phone="",
        organisation_name="",
        cvr="",
        message="",
        user=None,
        status_token_revoked_at=timezone.now(),
        anonymised_at=timezone.now(),
    )
    enquiries_changed()


@task()
def anonymise_closed_enquiries() -> int:
    """Closed enquiries are anonymised after settings.ENQUIRY_RETENTION_DAYS."""
    cutoff = timezone.now() - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
    finished = Enquiry.objects.filter(
        status__in=(Status.CLOSED, Status.REFERRED, Status.SPAM, Status.DUPLICATE),
        closed_at__lt=cutoff,
        anonymised_at__isnull=True,
    ).order_by("closed_at")[:500]
    count = 0
    for enquiry in finished:
        anonymise(enquiry)
        count += 1
    return count
