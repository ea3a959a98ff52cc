"""The enquirer's private status page: found by the receipt's link or a later one through
indexed lookups, the public messages and attachments shown, the internal notes never, and
as many queries with many enquiries and messages as with few."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from enquiries import services
from enquiries.models import Enquiry, EnquiryEvent
from tests.enquiry_helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _message(enquiry, body, *, is_public=True, kind=EnquiryEvent.Kind.MESSAGE):
    return EnquiryEvent.objects.create(enquiry=enquiry, kind=kind, body=body, is_public=is_public)


def test_the_receipts_link_and_a_later_one_open_the_page_with_its_public_messages(client):
    enquiry, token = submit()
    later = str(services.new_status_link(enquiry, None))
    _message(enquiry, "Vi har fundet et køkken til jer.")
    _message(enquiry, "Intern note om køkkenet.", is_public=False, kind=EnquiryEvent.Kind.NOTE)
    for url in (reverse("enquiries:status", args=[token]), later):
        page = client.get(url)
        assert page.status_code == 200
        text = page.content.decode()
        assert enquiry.reference in text
        assert "Vi har fundet et køkken til jer." in text and "plan.pdf" in text
        assert "Intern note" not in text
        assert page["Cache-Control"] == "no-store"
    other, _other_token = submit(message="Et andet spørgsmål om lokaler.")
    assert other.reference not in client.get(later).content.decode()


def test_revoked_links_are_404(client):
    enquiry, token = submit()
    later = str(services.new_status_link(enquiry, None))
    Enquiry.objects.filter(pk=enquiry.pk).update(status_token_revoked_at=timezone.now())
    assert client.get(reverse("enquiries:status", args=[token])).status_code == 404
    assert client.get(later).status_code == 404


def test_queries_are_equal_with_few_and_many_enquiries_and_messages(client):
    enquiry, token = submit()
    url = reverse("enquiries:status", args=[token])
    counts = []
    for more in (1, 25):
        for n in range(more):
            submit(message=f"Spørgsmål nummer {n} om et køkken.")
            _message(enquiry, f"Svar nummer {n}.")
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
