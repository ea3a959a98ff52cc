"""Every page of the council renders for the people it is for."""

import pytest
from django.urls import reverse

from advisory.models import FollowUp
from tests.advisory.conftest import S

pytestmark = pytest.mark.django_db


def test_public_pages_render(client, proposal_in):
    proposal = proposal_in(S.PUBLISHED)
    meeting = proposal.agenda_items.get().meeting
    for url in (
        reverse("advisory:council"),
        reverse("advisory:decisions"),
        reverse("advisory:meeting", args=[meeting.pk]),
        reverse("advisory:recommendation", args=[proposal.pk]),
        reverse("advisory:calendar"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.get(reverse("advisory:council"), HTTP_ACCEPT_LANGUAGE="en")
    assert proposal.title in response.content.decode()


def test_secretary_pages_render(client_for, secretary, proposal_in, member):
    proposal = proposal_in(S.DECIDED)
    submitted = proposal_in(S.SUBMITTED)
    meeting = proposal.agenda_items.get().meeting
    client = client_for(secretary)
    for url in (
        reverse("advisory:queue"),
        reverse("advisory:meetings_manage"),
        reverse("advisory:meeting_manage", args=[meeting.pk]),
        reverse("advisory:members"),
        reverse("advisory:follow_ups_manage"),
        reverse("advisory:proposal", args=[proposal.pk]),
        reverse("advisory:proposal", args=[submitted.pk]),
        reverse("portal:staff_overview"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url


def test_member_and_servant_pages_render(client_for, member, proposal_in, responsible_servant):
    proposal = proposal_in(S.PUBLISHED)
    in_review = proposal_in(S.IN_REVIEW)
    client = client_for(member)
    for url in (reverse("advisory:member"), reverse("advisory:proposal", args=[in_review.pk])):
        assert client.get(url).status_code == 200, url
    client = client_for(responsible_servant)
    follow_up = FollowUp.objects.get(proposal=proposal)
    for url in (
        reverse("advisory:follow_ups"),
        reverse("advisory:follow_up", args=[follow_up.pk]),
        reverse("portal:staff_overview"),
    ):
        assert client.get(url).status_code == 200, url


def test_submitter_pages_render(client_for, submitter, proposal_in):
    draft = proposal_in(S.DRAFT)
    client = client_for(submitter)
    for url in (
        reverse("advisory:my_proposals"),
        reverse("advisory:proposal_create"),
        reverse("advisory:proposal", args=[draft.pk]),
        reverse("advisory:proposal_edit", args=[draft.pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_cached_public_pages_show_a_change_at_once(
    client,
    client_for,
    page_cache,
    secretary,
    member,
    proposal_in,
    django_capture_on_commit_callbacks,
):
    proposal = proposal_in(S.PUBLISHED)
    meeting = proposal.agenda_items.get().meeting
    url = reverse("advisory:meeting", args=[meeting.pk])
    assert "Rådhuset, udvalgsværelse 1" in client.get(url).content.decode()
    from advisory.models import Meeting

    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.place = "Festsalen"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    assert "Festsalen" in client.get(url).content.decode()
    # A closed item's papers never reach the public through the cache of a member's page.
    from advisory import services
    from tests.advisory.conftest import make_meeting, pdf

    later = make_meeting(secretary, days=30)
    item = services.agenda_item_add(
        meeting=later, actor=secretary, title="Lukket sag", is_closed=True
    )
    services.paper_add(item=item, actor=secretary, title="Fortroligt bilag", upload=pdf())
    services.meeting_publish_agenda(meeting=later, actor=secretary)
    later_url = reverse("advisory:meeting", args=[later.pk])
    assert "Fortroligt bilag" in client_for(member).get(later_url).content.decode()
    client.logout()
    assert "Fortroligt bilag" not in client.get(later_url).content.decode()
