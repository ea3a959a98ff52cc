"""Issue 9.7: what the outbox promises, against a real SMTP server (aiosmtpd in a thread).

A message is never lost and is sent at most once more than needed: when the sending
process dies after the server accepted the data and before the row was marked sent, the
retry carries the same Message-ID (chosen when the message was queued). The attempt is
committed before the server is contacted, so nobody else sends it while it may be under way.
"""

import email
import os
import signal
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from portal import mail
from portal.models import OutgoingEmail
from portal.tasks import retry_pending_emails
from tests import reference_data as reference_data_module

reference_data_kept = reference_data_module.reference_data_kept  # the fixture, here

ROOT = Path(__file__).resolve().parent.parent


class Recorder:
    """Keeps every message the server accepts; can kill the sender as the data arrives."""

    def __init__(self):
        self.messages = []
        self.kill_on_data = None

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        if self.kill_on_data:
            os.kill(self.kill_on_data, signal.SIGKILL)
            self.kill_on_data = None
        return "250 OK"


@pytest.fixture
def smtp(settings):
    recorder = Recorder()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 5},
        }
    }
    recorder.port = controller.port
    yield recorder
    controller.stop()


def _deliver_in_a_process_that_dies_after_the_data(smtp, email_id):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "LOCAL_DATABASE_NAME": connection.settings_dict["NAME"],
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "0",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from portal import mail; mail.deliver({email_id})",
        ],
        cwd=ROOT,
        env=environment,
    )
    smtp.kill_on_data = process.pid
    assert process.wait(timeout=60) == -signal.SIGKILL


def test_a_retry_after_a_crash_carries_the_same_message_id(
    reference_data_kept, transactional_db, smtp, settings
):
    queued = OutgoingEmail.objects.create(
        message_id=mail.new_message_id(),
        to=["modtager@example.org"],
        subject="Kvittering",
        body_text="Tak for din henvendelse.",
    )
    _deliver_in_a_process_that_dies_after_the_data(smtp, queued.pk)

    queued.refresh_from_db()
    assert len(smtp.messages) == 1
    assert queued.sent_at is None and queued.attempts == 1
    assert queued.sending_since is not None  # committed before the server was contacted
    # While the cut-off attempt may still be under way, nobody sends it again.
    assert mail.deliver(queued.pk) is False
    assert retry_pending_emails.call() == 0

    # After the lease, the retry sweep sends it once more, with the same Message-ID.
    past = timezone.now() - timedelta(seconds=settings.EMAIL_SEND_LEASE_SECONDS + 1)
    OutgoingEmail.objects.filter(pk=queued.pk).update(sending_since=past, next_attempt_at=past)
    assert retry_pending_emails.call() == 1
    assert len(smtp.messages) == 2
    first, second = (message["Message-ID"] for message in smtp.messages)
    assert first == second == queued.message_id
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.attempts == 2
    assert retry_pending_emails.call() == 0
    assert len(smtp.messages) == 2


def test_each_message_gets_its_message_id_when_queued(db, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail.queue_email(to=["a@example.org"], subject="Emne", body_text="Tekst")
    domain = django_settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].rstrip(">")
    assert queued.message_id.startswith("<") and queued.message_id.endswith(f"@{domain}>")
    assert [message["Message-ID"] for message in smtp.messages] == [queued.message_id]


def test_a_failed_attempt_is_retried_with_the_same_message_id(db, smtp, settings):
    queued = mail.queue_email(to=["a@example.org"], subject="Emne", body_text="Tekst")
    port = settings.MAILERS["default"]["OPTIONS"]["port"]
    settings.MAILERS["default"]["OPTIONS"]["port"] = 1  # nothing listens there
    assert mail.deliver(queued.pk) is False
    queued.refresh_from_db()
    assert queued.sending_since is None and queued.last_error
    settings.MAILERS["default"]["OPTIONS"]["port"] = port
    assert mail.deliver(queued.pk) is True
    assert [message["Message-ID"] for message in smtp.messages] == [queued.message_id]


def test_readme_and_architecture_state_the_same_promise():
    for document in ("README.md", "ARCHITECTURE.md"):
        text = (ROOT / document).read_text()
        assert "at most one extra copy" in text, document
        assert "same Message-ID" in text, document
