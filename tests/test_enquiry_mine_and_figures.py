"""My enquiries, the deletion request, and the contact officer's figures."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from enquiries.models import Enquiry, EnquiryEvent, Topic
from enquiries.services import enquiry_submit
from tests.helpers import query_counts


def _enquiry(user=None, n=0):
    enquiry, token = enquiry_submit(
        data={
            "name": "Anna",
            "email": f"anna{n}@example.org",
            "topic": Topic.objects.get(slug="premises"),
            "message": "Vi søger lokaler.",
        },
        user=user,
        status_url_builder=lambda t: f"https://x/{t}",
    )
    return enquiry, token


def test_a_logged_in_enquirer_finds_their_enquiries_and_no_one_elses(
    client, entrepreneur, outsider
):
    mine, _ = _enquiry(entrepreneur, 1)
    theirs, _ = _enquiry(outsider, 2)
    client.force_login(entrepreneur)
    content = client.get(reverse("enquiries:mine")).content.decode()
    assert mine.reference in content and theirs.reference not in content
    assert client.get(reverse("enquiries:my_enquiry", args=[mine.reference])).status_code == 200
    assert client.get(reverse("enquiries:my_enquiry", args=[theirs.reference])).status_code == 404


def test_my_enquiries_are_paginated_newest_first(client, entrepreneur, monkeypatch):
    from enquiries import mine_views

    monkeypatch.setattr(mine_views, "MINE_PAGE_SIZE", 2)
    references = [_enquiry(entrepreneur, n)[0].reference for n in range(3)]
    client.force_login(entrepreneur)
    first = client.get(reverse("enquiries:mine")).content.decode()
    assert references[2] in first and references[1] in first and references[0] not in first
    assert 'aria-label="Side 2"' in first or "page=2" in first
    second = client.get(reverse("enquiries:mine"), {"page": 2}).content.decode()
    assert references[0] in second and references[2] not in second
    # A page number out of range or not a number shows a page, never an error.
    assert client.get(reverse("enquiries:mine"), {"page": "99"}).status_code == 200
    assert client.get(reverse("enquiries:mine"), {"page": "x"}).status_code == 200


def test_my_enquiries_needs_a_login(client, db):
    assert client.get(reverse("enquiries:mine")).status_code == 302


def test_the_enquirer_asks_for_deletion_and_the_contact_officers_hear_of_it(
    client, contact_officer, mailoutbox, django_capture_on_commit_callbacks
):
    enquiry, token = _enquiry()
    # A link followed (or prefetched) asks nothing: only the form's POST does.
    assert client.get(reverse("enquiries:request_deletion", args=[token])).status_code == 405
    assert not EnquiryEvent.objects.filter(enquiry=enquiry, from_enquirer=True).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("enquiries:request_deletion", args=[token]))
    assert response.status_code == 302
    assert EnquiryEvent.objects.filter(enquiry=enquiry, from_enquirer=True).exists()
    assert any(contact_officer.email in message.to for message in mailoutbox)


def test_deletion_with_a_forged_token_is_404(client, db):
    assert client.post(reverse("enquiries:request_deletion", args=["forged"])).status_code == 404


@pytest.mark.parametrize("persona", ["entrepreneur", "civil_servant_bif", "council_member"])
def test_only_contact_officers_see_the_figures(client, db, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("enquiries:figures")).status_code == 403


def test_figures_show_volume_and_response_times_in_charts_and_tables(client, contact_officer):
    now = timezone.now()
    for n in range(4):
        enquiry, _ = _enquiry(n=n)
        Enquiry.objects.filter(pk=enquiry.pk).update(
            created_at=now - timedelta(days=10),
            first_answered_at=now - timedelta(days=10 - (n + 1)),
            answer_due=(now - timedelta(days=10 - 2)).date(),
        )
    client.force_login(contact_officer)
    response = client.get(reverse("enquiries:figures"))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["times"]["answered"] == 4
    assert figures["times"]["first_answer_median"] == pytest.approx(2.5, abs=0.01)
    assert figures["share_in_time"] == 50
    content = response.content.decode()
    assert "<svg" in content and "<table" in content
    assert "Lokaler" in content


def test_spam_and_duplicates_are_not_counted(client, contact_officer):
    from enquiries import staff_services

    kept, _ = _enquiry(n=1)
    spam, _ = _enquiry(n=2)
    duplicate, _ = _enquiry(n=3)
    staff_services.enquiry_mark_spam(enquiry=spam, actor=contact_officer)
    staff_services.enquiry_mark_duplicate(enquiry=duplicate, of=kept, actor=contact_officer)
    client.force_login(contact_officer)
    figures = client.get(reverse("enquiries:figures")).context["figures"]
    assert figures["times"]["total"] == 1
    assert [bar["value"] for bar in figures["per_topic"]["bars"]] == [1]


def test_figures_query_count_is_equal_at_two_sizes(client, contact_officer, monkeypatch):
    from enquiries import figures

    monkeypatch.setattr(figures, "FIGURES_CACHE_SECONDS", 0)  # count the computation itself
    made = iter(range(1000))

    def grow(n):
        for _ in range(n):
            _enquiry(n=next(made))

    client.force_login(contact_officer)
    small, large = query_counts(client, reverse("enquiries:figures"), grow, (1, 30))
    assert small == large


def test_figures_are_computed_at_most_once_a_minute(client, contact_officer, page_cache):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from enquiries import figures

    _enquiry(n=1)
    client.force_login(contact_officer)
    with CaptureQueriesContext(connection) as first:
        computed = client.get(reverse("enquiries:figures"))
    with CaptureQueriesContext(connection) as second:
        page = client.get(reverse("enquiries:figures"))
    assert len(second.captured_queries) <= len(first.captured_queries) - 4
    assert computed.context["figures"]["times"]["total"] == 1
    # The second page shows the kept figures and charts, not drawn again.
    assert "figures" not in page.context
    main = re.compile(r"<main.*</main>", re.S)
    assert main.search(page.content.decode())[0] == main.search(computed.content.decode())[0]
    assert figures.FIGURES_CACHE_SECONDS <= 60
    assert "at most a minute old" in page.content.decode() or "højst et minut" in (
        page.content.decode()
    )
