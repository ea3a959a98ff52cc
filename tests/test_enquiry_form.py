"""The public enquiry form, the receipt and the private status page."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from enquiries.domain import Status
from enquiries.models import Enquiry, EnquiryEvent, Topic
from portal.models import OutgoingEmail

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _data(**overrides):
    data = {
        "name": "Anna Jensen",
        "email": "anna@example.org",
        "phone": "",
        "organisation_name": "Kaffe og Kompetencer ApS",
        "cvr": "",
        "topic": Topic.objects.get(slug="premises").pk,
        "message": "Vi søger et køkken på Nørrebro.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def _post(client, **overrides):
    return client.post(reverse("enquiries:create"), _data(**overrides))


def test_the_form_is_at_kontakt(client, db):
    assert reverse("enquiries:create") == "/kontakt/"
    assert client.get("/kontakt/").status_code == 200


def test_an_enquiry_gets_a_reference_a_receipt_and_a_private_status_page(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, attachments=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"))
    enquiry = Enquiry.objects.get()
    assert re.fullmatch(r"EI-\d{4}-\d{6}", enquiry.reference)
    assert response.status_code == 302
    status_url = response["Location"]
    assert status_url.startswith("/kontakt/status/")
    assert len(mailoutbox) == 1
    assert enquiry.reference in mailoutbox[0].subject
    assert status_url in mailoutbox[0].body
    page = client.get(status_url)
    content = page.content.decode()
    assert enquiry.reference in content
    assert "Vi søger et køkken" in content
    assert "plan.pdf" in content
    assert page["Referrer-Policy"] == "same-origin"
    assert enquiry.attachments.get().original_name == "plan.pdf"


def test_a_logged_in_user_gets_the_form_prefilled(client, entrepreneur, organisation):
    client.force_login(entrepreneur)
    content = client.get(reverse("enquiries:create")).content.decode()
    assert entrepreneur.email in content
    assert organisation.name in content


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (("rapport.pdf", b"MZ\x90\x00" + b"\x00" * 200), "Denne filtype kan ikke uploades"),
        (
            ("billede.png", b"<html><script>alert(1)</script></html>"),
            "Denne filtype kan ikke uploades",
        ),
        (("tom.pdf", b""), "tom"),
        (("stor.pdf", PDF + b"0" * (11 * 1024 * 1024)), "højst fylde"),
    ],
)
def test_bad_files_are_refused_with_a_message_and_nothing_is_stored(client, db, upload, message):
    name, content = upload
    response = _post(client, attachments=SimpleUploadedFile(name, content))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Vi søger et køkken" in page  # what the user typed is kept
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "x" * 10_000}, "højst have 200 tegn"),
        ({"name": "Anna\r\nBcc: evil@example.org"}, "på én linje"),
        ({"email": "anna@example.org\nBcc: evil@example.org"}, "gyldig e-mail-adresse"),
        ({"cvr": "64942213"}, "ikke et gyldigt CVR-nummer"),
        ({"phone": "12"}, "8 til 15 cifre"),
        ({"topic": "999"}, "gyldig valgmulighed"),
        ({"message": ""}, "Dette felt er påkrævet"),
    ],
)
def test_bad_input_gets_a_clear_danish_message(client, db, overrides, message):
    response = _post(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Enquiry.objects.exists()


def test_script_in_the_message_is_escaped_on_the_status_page_and_in_the_email(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, message="<script>alert('x')</script>", name="<b>Anna</b>")
    content = client.get(response["Location"]).content.decode()
    assert "<script>alert('x')</script>" not in content
    assert "&lt;script&gt;" in content
    html = mailoutbox[0].alternatives[0][0]
    assert "<b>Anna</b>" not in html


def test_the_honeypot_stores_nothing_and_says_nothing(client, db, mailoutbox):
    response = _post(client, website="http://spam.example")
    assert response.status_code == 200
    assert not Enquiry.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_submissions_are_rate_limited_per_email(client, db, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "enquiry_email": (2, 3600)}
    for _ in range(2):
        assert _post(client).status_code == 302
    response = _post(client)
    assert response.status_code == 200
    assert Enquiry.objects.count() == 2


def test_the_enquirers_messages_are_rate_limited_and_the_text_is_kept(client, db, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "enquiry_reply": (1, 3600)}
    url = _post(client)["Location"]
    assert client.post(url, {"body": "Første svar"}).status_code == 302
    page = client.post(url, {"body": "Andet svar"})
    assert page.status_code == 200
    assert "Andet svar" in page.content.decode()
    bodies = EnquiryEvent.objects.filter(from_enquirer=True).values_list("body", flat=True)
    assert list(bodies) == ["Første svar"]


def test_a_repeated_deletion_request_tells_the_contact_officers_once(
    client, contact_officer, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "enquiry_deletion": (1, 86400)}
    url = _post(client)["Location"]
    token = url.rstrip("/").rsplit("/", 1)[-1]
    mailoutbox.clear()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(reverse("enquiries:request_deletion", args=[token]), follow=True)
        assert page.status_code == 200
    assert [m.to for m in mailoutbox] == [[contact_officer.email]]
    assert "already received your request" in page.content.decode() or "allerede" in (
        page.content.decode()
    )


def test_a_forged_or_revoked_status_link_is_404(client, db):
    response = _post(client)
    url = response["Location"]
    assert client.get(url.replace("/status/", "/status/x")).status_code == 404
    Enquiry.objects.update(status_token_revoked_at=timezone.now())
    assert client.get(url).status_code == 404


def test_the_enquirer_writes_back_and_a_waiting_enquiry_resumes_with_a_later_deadline(client, db):
    response = _post(client)
    url = response["Location"]
    enquiry = Enquiry.objects.get()
    enquiry.status = Status.WAITING
    enquiry.save()
    EnquiryEvent.objects.create(
        enquiry=enquiry,
        kind=EnquiryEvent.Kind.STATUS,
        from_status=Status.TRIAGED,
        to_status=Status.WAITING,
        created_at=timezone.now() - timedelta(days=7),
        is_public=True,
    )
    due_before = enquiry.answer_due
    reply = client.post(url, {"body": "Her er de oplysninger, I bad om."})
    assert reply.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == Status.TRIAGED
    assert enquiry.answer_due > due_before
    assert "Her er de oplysninger" in client.get(url).content.decode()


def test_a_closed_enquiry_takes_no_replies(client, db):
    response = _post(client)
    Enquiry.objects.update(status=Status.CLOSED)
    client.post(response["Location"], {"body": "Hallo?"})
    assert not EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.MESSAGE).exists()
