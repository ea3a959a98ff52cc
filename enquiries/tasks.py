"""Daily work of the single point of contact: deadline reminders and anonymisation."""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from enquiries.domain import FINISHED_STATUSES, RUNNING_STATUSES
from enquiries.models import Enquiry
from enquiries.services import contact_officers, email_staff, enquiry_anonymise
from portal.workdays import add_working_days


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
        for officer in contact_officers():
            email_staff(
                [officer],
                "enquiries/email/overdue",
                {"enquiries": overdue, "today": today},
            )
            queued += 1
    return queued


@task()
def anonymise_closed_enquiries() -> int:
    """Finished enquiries (closed, referred, spam, duplicate) are anonymised
    settings.ENQUIRY_RETENTION_DAYS after they finished (`closed_at`)."""
    cutoff = timezone.now() - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
    finished = Enquiry.objects.filter(
        status__in=FINISHED_STATUSES,
        closed_at__lt=cutoff,
        anonymised_at__isnull=True,
    ).order_by("closed_at")[:500]
    count = 0
    for enquiry in finished:
        enquiry_anonymise(enquiry=enquiry)
        count += 1
    return count
