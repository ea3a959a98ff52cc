"""Helpers for the challenge tests: a challenge in a given status and a response in a given
status, both made through the services (shared by the tests/test_challenge*.py modules)."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from challenges import services
from challenges.models import Collaboration, Response, Status
from portal.models import Administration

PDF = b"%PDF-1.4\n%test document\n"


def pdf(name="Vores tilbud.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_challenge(
    owner_user, *, status=Status.PUBLISHED, owner_code="BIF", co_owners=(), **fields
):
    data = {
        "title": fields.pop("title", "Job til ledige i kantinen"),
        "summary": fields.pop(
            "summary", "Vi søger en virksomhed, der kan drive kantinen med ledige."
        ),
        "description": fields.pop(
            "description", "Kantinen på rådhuset skal drives af ledige borgere."
        ),
        "owner": Administration.objects.get(code=owner_code),
        "contact_person": owner_user,
        "collaboration": fields.pop("collaboration", Collaboration.EMPLOYMENT),
        "deadline": fields.pop("deadline", timezone.localdate() + timedelta(days=30)),
        "co_owners": [Administration.objects.get(code=c) for c in co_owners],
        **fields,
    }
    challenge = services.challenge_create(user=owner_user, data=data)
    if status != Status.DRAFT:
        services.challenge_publish(user=owner_user, challenge=challenge)
        if status != Status.PUBLISHED:
            if status == Status.ARCHIVED:
                services.challenge_close(user=owner_user, challenge=challenge)
            services.challenge_change_status(user=owner_user, challenge=challenge, to_status=status)
    challenge.refresh_from_db()
    return challenge


def submit(user, challenge, organisation, *, message="Vi kan drive kantinen.", **kwargs):
    return services.response_submit(
        user=user,
        challenge=challenge,
        organisation=organisation,
        message=message,
        offer=kwargs.pop("offer", "Kantinedrift"),
        attachment=kwargs.pop("attachment", None),
        **kwargs,
    )


def response_in(status, challenge, entrepreneur, organisation, **kwargs):
    """A response put straight into `status` (for matrices over every status)."""
    response = submit(entrepreneur, challenge, organisation, **kwargs)
    Response.objects.filter(pk=response.pk).update(status=status)
    response.refresh_from_db()
    return response
