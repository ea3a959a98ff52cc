"""Helpers the enquiry tests share: an enquiry submitted through its service, one forced
into a status, addresses in English (the source strings)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from enquiries import services
from enquiries.models import Enquiry, EnquiryRouting, Topic
from portal.models import Administration

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def administration(code):
    return Administration.objects.get(code=code)


def submit(
    *, message="Vi søger et køkken på Nørrebro.", topic="premises", name="Anna Jensen", user=None
):
    """An enquiry as the public form sends it; returns it and its status token."""
    return services.enquiry_submit(
        data={
            "name": name,
            "email": "anna.enquirer@example.org",
            "phone": "",
            "organisation_name": "Kaffe og Kompetencer ApS",
            "cvr": "",
            "topic": Topic.objects.get(slug=topic),
            "message": message,
        },
        attachments=[SimpleUploadedFile("plan.pdf", PDF, "application/pdf")],
        user=user,
        status_url_builder=lambda t: f"http://testserver/kontakt/status/{t}/",
    )


def in_status(status, *, routed_to="BIF", handler=None):
    """An enquiry forced into `status`, routed (lead, unconfirmed) to `routed_to`."""
    enquiry, _token = submit()
    if routed_to:
        EnquiryRouting.objects.create(
            enquiry=enquiry, administration=administration(routed_to), role="lead"
        )
    Enquiry.objects.filter(pk=enquiry.pk).update(
        status=status,
        lead_administration=administration(routed_to) if routed_to else None,
        handler=handler,
    )
    return Enquiry.objects.get(pk=enquiry.pk)
