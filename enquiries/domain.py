"""The rules of an enquiry's life that need no table of their own: its statuses and the
transitions between them, its deadlines in Danish working days and when it is due, its
reference numbers and its private status tokens. enquiries.models builds on them."""

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from portal.workdays import add_working_days, working_days_between


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGED = "triaged", _("Triaged")
    ROUTED = "routed", _("Routed")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for the enquirer")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REFERRED = "referred", _("Referred elsewhere")
    SPAM = "spam", _("Spam")
    DUPLICATE = "duplicate", _("Duplicate")


OPEN_STATUSES = (
    Status.RECEIVED,
    Status.TRIAGED,
    Status.ROUTED,
    Status.IN_PROGRESS,
    Status.WAITING,
    Status.ANSWERED,
)

# The statuses in which the deadline clock runs (not paused, not yet answered).
RUNNING_STATUSES = (Status.RECEIVED, Status.TRIAGED, Status.ROUTED, Status.IN_PROGRESS)

# The statuses an enquiry ends in: each sets `closed_at`, which starts the retention clock
# (enquiries.tasks anonymises them after settings.ENQUIRY_RETENTION_DAYS).
FINISHED_STATUSES = (Status.CLOSED, Status.REFERRED, Status.SPAM, Status.DUPLICATE)

# The one place that says which status may follow which (checked by enquiries.services).
TRANSITIONS = {
    # The contact officer may answer at once, or ask for more, without routing.
    Status.RECEIVED: {
        Status.TRIAGED,
        Status.ROUTED,
        Status.ANSWERED,
        Status.WAITING,
        Status.REFERRED,
        Status.SPAM,
        Status.DUPLICATE,
    },
    Status.TRIAGED: {
        Status.ROUTED,
        Status.REFERRED,
        Status.WAITING,
        Status.DUPLICATE,
        Status.ANSWERED,
    },
    Status.ROUTED: {Status.IN_PROGRESS, Status.TRIAGED, Status.WAITING, Status.ANSWERED},
    Status.IN_PROGRESS: {Status.WAITING, Status.ANSWERED, Status.TRIAGED},
    Status.WAITING: {Status.TRIAGED, Status.ROUTED, Status.IN_PROGRESS, Status.CLOSED},
    Status.ANSWERED: {Status.CLOSED, Status.IN_PROGRESS, Status.WAITING},
    Status.CLOSED: set(),
    Status.REFERRED: {Status.CLOSED},
    Status.SPAM: set(),
    Status.DUPLICATE: set(),
}


def next_reference(year: int) -> str:
    """The next reference number of `year`, EI-2026-000123: consecutive, no gaps.

    The counter row is incremented inside the caller's transaction and stays locked until
    it commits, so concurrent submissions queue for it and a rolled-back one leaves no gap.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO enquiries_referencecounter (year, last) VALUES (%s, 0) "
            "ON CONFLICT (year) DO NOTHING",
            [year],
        )
        cursor.execute(
            "UPDATE enquiries_referencecounter SET last = last + 1 WHERE year = %s RETURNING last",
            [year],
        )
        (number,) = cursor.fetchone()
    return f"EI-{year}-{number:06d}"


def deadlines(received_on: date) -> tuple[date, date]:
    """The triage and the answer deadline of an enquiry received on `received_on`, in
    Danish working days: the one place they are computed (the receipt, the pages and the
    reminders all read the stored dates)."""
    return (
        add_working_days(received_on, settings.ENQUIRY_TRIAGE_WORKING_DAYS),
        add_working_days(received_on, settings.ENQUIRY_ANSWER_WORKING_DAYS),
    )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_status_token() -> tuple[str, str]:
    """A private status link's token and its hash; only the hash is stored."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


# The date an enquiry is due: the triage deadline until triaged, then the answer deadline.
# The queue orders and filters on it, and its indexes are built on the same expression.
DUE_DATE = models.Case(
    models.When(status="received", then=models.F("triage_due")),
    default=models.F("answer_due"),
    output_field=models.DateField(),
)


@dataclass(frozen=True)
class Due:
    """When an enquiry is due, whether its clock runs, and the working days left (or by
    which it is overdue)."""

    date: datetime.date
    running: bool
    paused: bool
    overdue: bool
    working_days: int

    @classmethod
    def of(cls, status: str, due: datetime.date, today: datetime.date) -> "Due":
        running = status in RUNNING_STATUSES
        overdue = running and due < today
        return cls(
            date=due,
            running=running,
            paused=status == Status.WAITING,
            overdue=overdue,
            working_days=(
                working_days_between(due, today) if overdue else working_days_between(today, due)
            ),
        )
