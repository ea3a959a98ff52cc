"""The daily tasks: deadline reminders and anonymisation of closed enquiries."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from enquiries.domain import Status
from enquiries.models import Enquiry, EnquiryEvent, Topic
from enquiries.services import enquiry_submit
from enquiries.tasks import anonymise_closed_enquiries, send_deadline_reminders
from portal.models import OutgoingEmail
from portal.workdays import add_working_days

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _enquiry(n=0, **changes):
    enquiry, _token = enquiry_submit(
        data={
            "name": f"Person {n}",
            "email": f"person{n}@example.org",
            "phone": "33663366",
            "organisation_name": "Hemmelig ApS",
            "cvr": "64942212",
            "topic": Topic.objects.get(slug="funding"),
            "message": "Personlige detaljer om min situation.",
        },
        attachments=[SimpleUploadedFile("cv.pdf", PDF)],
        status_url_builder=lambda token: f"https://x/{token}",
    )
    Enquiry.objects.filter(pk=enquiry.pk).update(**changes)
    enquiry.refresh_from_db()
    return enquiry


def test_handlers_hear_about_tomorrow_and_contact_officers_about_overdue(
    db, civil_servant_bif, contact_officer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    _enquiry(
        1,
        handler=civil_servant_bif,
        answer_due=add_working_days(today, 1),
        status=Status.IN_PROGRESS,
    )
    _enquiry(2, answer_due=today - timedelta(days=3), status=Status.ROUTED)
    _enquiry(3, answer_due=today - timedelta(days=3), status=Status.CLOSED)
    OutgoingEmail.objects.all().delete()
    assert send_deadline_reminders.call() == 2
    to_handler = OutgoingEmail.objects.get(to=[civil_servant_bif.email])
    to_officer = OutgoingEmail.objects.get(to=[contact_officer.email])
    assert "EI-" in to_handler.body_text
    assert to_officer.body_text.count("EI-") == 1  # the closed one is not overdue


def test_an_enquiry_past_its_triage_deadline_is_overdue_as_in_the_queue(
    db, contact_officer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    untriaged = _enquiry(
        1,
        triage_due=today - timedelta(days=2),
        answer_due=today + timedelta(days=10),
        status=Status.RECEIVED,
    )
    OutgoingEmail.objects.all().delete()
    assert send_deadline_reminders.call() == 1
    to_officer = OutgoingEmail.objects.get(to=[contact_officer.email])
    assert untriaged.reference in to_officer.body_text
    assert untriaged.reference in to_officer.body_html


def test_closed_enquiries_are_anonymised_after_the_retention_period_keeping_the_figures(
    db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.ENQUIRY_RETENTION_DAYS = 730
    old = _enquiry(1, status=Status.CLOSED, closed_at=timezone.now() - timedelta(days=731))
    recent = _enquiry(2, status=Status.CLOSED, closed_at=timezone.now() - timedelta(days=10))
    stored_file = old.attachments.get().file.path
    EnquiryEvent.objects.create(
        enquiry=old, kind=EnquiryEvent.Kind.MESSAGE, body="Mit cpr-nummer er ..."
    )
    assert anonymise_closed_enquiries.call() == 1
    old.refresh_from_db()
    assert old.anonymised_at is not None
    assert "Person" not in old.name and old.phone == "" and old.cvr == "" and old.message == ""
    assert not old.attachments.exists()
    assert not EnquiryEvent.objects.filter(enquiry=old).exclude(body="").exists()
    assert old.topic.slug == "funding" and old.status == Status.CLOSED  # the figures stay
    import os

    assert not os.path.exists(stored_file)
    recent.refresh_from_db()
    assert recent.anonymised_at is None and recent.name == "Person 2"
    assert anonymise_closed_enquiries.call() == 0
