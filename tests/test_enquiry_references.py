"""Reference numbers: consecutive per year, no gaps or duplicates under concurrency; the
submission is saved even when the mail server is down, and the e-mail goes out once later."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from enquiries.models import Enquiry, Topic
from enquiries.services import enquiry_submit
from portal.models import OutgoingEmail


def _data(n=0):
    return {
        "name": f"Iværksætter {n}",
        "email": f"person{n}@example.org",
        "topic": Topic.objects.get(slug="premises"),
        "message": "Vi leder efter et køkken.",
    }


def _submit(n=0):
    return enquiry_submit(data=_data(n), status_url_builder=lambda token: f"https://x/{token}")


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_get_fifty_consecutive_numbers():
    import importlib

    from django.apps import apps

    # Transactional tests leave empty tables behind: load the topics as their migration does.
    importlib.import_module("enquiries.migrations.0002_topics").load(apps, None)
    errors = []
    barrier = threading.Barrier(50)

    def worker(n):
        try:
            barrier.wait()
            _submit(n)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    year = timezone.localdate().year
    numbers = sorted(
        int(r.split("-")[-1]) for r in Enquiry.objects.values_list("reference", flat=True)
    )
    assert numbers == list(range(1, 51))
    assert all(
        r.startswith(f"EI-{year}-") for r in Enquiry.objects.values_list("reference", flat=True)
    )


def test_a_rolled_back_submission_leaves_no_gap(db):
    from django.db import transaction

    first, _ = _submit(1)
    with pytest.raises(RuntimeError), transaction.atomic():
        _submit(2)
        raise RuntimeError("the request failed after the number was taken")
    third, _ = _submit(3)
    assert int(third.reference[-6:]) == int(first.reference[-6:]) + 1


def test_deadlines_are_working_days(db):
    enquiry, _token = _submit()
    assert enquiry.triage_due <= enquiry.answer_due
    assert enquiry.answer_due >= timezone.localdate() + timedelta(days=10)


def test_the_enquiry_is_saved_when_the_mail_server_is_down_and_the_email_goes_out_once_later(
    db, settings, django_capture_on_commit_callbacks
):
    from django.core import mail

    from portal.tasks import retry_pending_emails

    settings.MAILERS = {"default": {"BACKEND": "tests.test_mail.BrokenBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        enquiry, token = _submit()
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    email = OutgoingEmail.objects.get()
    assert email.sent_at is None and token in email.body_text

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    retry_pending_emails.call()
    retry_pending_emails.call()
    assert len(mail.outbox) == 1
    assert enquiry.reference in mail.outbox[0].subject


def test_only_the_hash_of_the_status_token_is_stored(db):
    enquiry, token = _submit()
    assert token not in enquiry.status_token_hash
    assert Enquiry.objects.by_status_token(token).get() == enquiry
    assert not Enquiry.objects.by_status_token(token + "x").exists()
