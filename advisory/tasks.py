"""Daily work of the council: reminders of answers due and overdue, the council role
taken from members whose terms have ended, and the reminders of the pools' final
reports."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from advisory.models import ANSWER_REMINDER_WORKING_DAYS, FollowUp
from advisory.pool_reports import report_reminders_send
from advisory.services import (
    administration_staff,
    email_users,
    revoke_roles_of_former_members,
    secretaries,
)
from portal.mail import PageLink
from portal.workdays import add_working_days


def _notify(follow_up: FollowUp, kind: str, *, with_secretaries: bool) -> None:
    recipients = list(administration_staff([follow_up.administration_id]))
    if with_secretaries:
        recipients += list(secretaries())
    email_users(
        {user.pk: user for user in recipients}.values(),
        kind,
        {"follow_up": follow_up, "link": PageLink("advisory:follow_up", [follow_up.pk])},
    )


@task()
def send_follow_up_reminders() -> int:
    """Each awaited answer gets one reminder a few working days before it is due and one
    notice when it is overdue (to the secretaries too). Returns the e-mails' subjects sent."""
    today = timezone.localdate()
    soon = add_working_days(today, ANSWER_REMINDER_WORKING_DAYS)
    now = timezone.now()
    sent = 0
    with transaction.atomic():
        awaiting = FollowUp.objects.awaiting_answer().select_for_update(skip_locked=True)
        for follow_up in awaiting.filter(reminded_at__isnull=True, due__gte=today, due__lte=soon):
            _notify(follow_up, "answer_reminder", with_secretaries=False)
            follow_up.reminded_at = now
            follow_up.save(update_fields=["reminded_at"])
            sent += 1
        for follow_up in awaiting.filter(overdue_reminded_at__isnull=True, due__lt=today):
            _notify(follow_up, "answer_overdue", with_secretaries=True)
            follow_up.overdue_reminded_at = now
            follow_up.save(update_fields=["overdue_reminded_at"])
            sent += 1
        revoke_roles_of_former_members()
    return sent


@task()
def send_report_reminders() -> int:
    """The pools' final reports: a reminder 10 working days before the due date, one the
    day after it (the pool's secretaries told too) and one a week after that; each once
    per grant (advisory.pool_reports.report_reminders_send). Returns the reminders sent."""
    return report_reminders_send()
