from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.utils import timezone

from portal import mail
from portal.models import OutgoingEmail
from portal.tasks import retry_pending_emails


class BrokenBackend:
    """Stands in for an SMTP server that is down: every send raises."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")

    def open(self):
        pass

    def close(self):
        pass


@pytest.fixture
def mail_server_down(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.test_mail.BrokenBackend"}}


def _queue(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return mail.queue_email(to=["modtager@example.org"], subject="Emne", body_text="Tekst")


def test_email_is_stored_and_sent_after_commit(db, mailoutbox, django_capture_on_commit_callbacks):
    email = _queue(django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    email.refresh_from_db()
    assert email.sent_at is not None
    assert email.attempts == 1


def test_nothing_is_sent_before_the_transaction_commits(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mail.queue_email(to=["modtager@example.org"], subject="Emne", body_text="Tekst")
    assert mailoutbox == []
    assert len(callbacks) == 1


def test_failed_send_is_kept_and_sent_once_when_the_server_is_back(
    db, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.test_mail.BrokenBackend"}}
    email = _queue(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.sent_at is None
    assert email.attempts == 1
    assert "mail server down" in email.last_error
    assert email.next_attempt_at > timezone.now()

    # The server comes back; the retry sweep only takes what is due.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert retry_pending_emails.call() == 0
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert retry_pending_emails.call() == 1
    assert len(django_mail.outbox) == 1
    # A second sweep sends nothing again.
    assert retry_pending_emails.call() == 0
    assert len(django_mail.outbox) == 1
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2


def test_sending_gives_up_after_the_maximum_attempts(db, settings, mail_server_down):
    settings.EMAIL_MAX_ATTEMPTS = 2
    email = OutgoingEmail.objects.create(to=["x@example.org"], subject="s", body_text="t")
    mail.deliver(email.pk)
    mail.deliver(email.pk)
    email.refresh_from_db()
    assert email.given_up_at is not None
    assert mail.deliver(email.pk) is False


def test_subject_line_breaks_cannot_inject_headers(db):
    email = mail.queue_email(
        to=["x@example.org"], subject="Hej\r\nBcc: evil@example.org", body_text="t"
    )
    assert "\n" not in email.subject and "\r" not in email.subject


def test_retry_delay_grows_and_is_capped():
    assert mail.retry_delay(1) == timedelta(minutes=1)
    assert mail.retry_delay(3) == timedelta(minutes=4)
    assert mail.retry_delay(20) == timedelta(minutes=60)


def test_sent_emails_are_pruned_after_the_retention_period(db, settings):
    from portal.tasks import prune_sent_emails

    settings.EMAIL_OUTBOX_RETENTION_DAYS = 30
    now = timezone.now()
    old = OutgoingEmail.objects.create(
        to=["a@example.org"], subject="s", body_text="t", sent_at=now - timedelta(days=31)
    )
    recent = OutgoingEmail.objects.create(
        to=["b@example.org"], subject="s", body_text="t", sent_at=now - timedelta(days=1)
    )
    pending = OutgoingEmail.objects.create(
        to=["c@example.org"], subject="s", body_text="t", created_at=now - timedelta(days=90)
    )
    assert prune_sent_emails.call() == 1
    remaining = set(OutgoingEmail.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, pending.pk}
    assert old.pk not in remaining
