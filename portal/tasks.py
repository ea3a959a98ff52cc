"""Background tasks of the portal (django.tasks, run by db_worker)."""

from django.tasks import task

from portal import mail, ratelimit


@task()
def deliver_email(email_id: int) -> bool:
    return mail.deliver(email_id)


@task()
def retry_pending_emails() -> int:
    """Send what is due again: failed sends, and rows whose first enqueue was lost."""
    due = mail.pending_due()
    for email_id in due:
        mail.deliver(email_id)
    return len(due)


@task()
def prune_sent_emails() -> int:
    """Data minimisation: sent and abandoned e-mails are kept only for a short while."""
    return mail.prune_delivered()


@task()
def prune_rate_limits() -> int:
    """Delete the counters of rate-limit windows that have ended."""
    return ratelimit.prune_expired()
