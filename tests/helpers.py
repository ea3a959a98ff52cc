"""Helpers shared by test modules (no test module imports from another one)."""

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from enquiries import services as enquiry_services
from enquiries.models import Enquiry, Topic
from portal.caching import forget_local_versions
from tests.factories import administration

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

__all__ = ["administration", "en", "query_counts", "submit_enquiry"]


def en(name: str, *args) -> str:
    """The English URL of a named page (the source strings of the pages)."""
    with translation.override("en"):
        return reverse(name, args=args)


def submit_enquiry(
    *, message="Vi søger et køkken på Nørrebro.", topic="premises", name="Anna Jensen"
) -> tuple[Enquiry, str]:
    """An enquiry sent through the public form's service, with a PDF attached."""
    return enquiry_services.enquiry_submit(
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
        status_url_builder=lambda t: f"http://testserver/kontakt/status/{t}/",
    )


def query_counts(
    client, url: str, grow: Callable[[int], object], sizes: tuple[int, ...] = (1, 30)
) -> list[int]:
    """The queries one GET of `url` makes at each of `sizes` (grow(n) adds n rows). A page's
    count must be equal at two sizes: a ceiling would let an N+1 under it pass. Each size is
    read once before it is counted, so that per-process caches are warm at both."""
    counts, made = [], 0
    for size in sizes:
        grow(size - made)
        made = size
        assert client.get(url).status_code == 200
        # Content versions are trusted for a second per process: read them afresh at every
        # size, or a slow run would count one more query at one size than at the other.
        forget_local_versions()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts
