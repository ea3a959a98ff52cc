"""Blind reviews and conflicts of interest: the predicates and over HTTP."""

import pytest
from django.urls import reverse

from advisory import rules, services
from advisory.models import Paper, Review
from portal.models import OutgoingEmail
from tests.advisory.conftest import S, make_meeting, pdf

pytestmark = pytest.mark.django_db

SCORES = {"social_impact": 4, "feasibility": 3, "economic_sustainability": 5}


def _review(user, proposal, comment="Godt forslag"):
    return services.review_submit(proposal=proposal, actor=user, scores=SCORES, comment=comment)


def test_reviews_are_blind_until_ones_own_is_submitted(member, member2, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    _review(member2, proposal, "Hemmelig vurdering")
    assert not rules.can_see_reviews(member, proposal)
    _review(member, proposal)
    assert rules.can_see_reviews(member, proposal)


def test_blind_review_over_http(client_for, member, member2, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    _review(member2, proposal, "Hemmelig vurdering")
    client = client_for(member)
    url = reverse("advisory:proposal", args=[proposal.pk])
    assert "Hemmelig vurdering" not in client.get(url).content.decode()
    response = client.post(
        reverse("advisory:proposal_action", args=[proposal.pk, "review"]),
        {**SCORES, "comment": "Min egen"},
    )
    assert response.status_code == 302
    assert "Hemmelig vurdering" in client.get(url).content.decode()


def test_conflict_hides_reviews_and_closed_papers(
    client_for, member, conflicted_member, secretary, proposal_in
):
    proposal = proposal_in(S.IN_REVIEW)
    _review(member, proposal, "Hemmelig vurdering")
    client = client_for(conflicted_member)
    response = client.post(
        reverse("advisory:proposal_action", args=[proposal.pk, "conflict"]),
        {"reason": "Min virksomhed"},
    )
    assert response.status_code == 302
    assert rules.has_conflict(conflicted_member, proposal)
    assert not rules.can_review(conflicted_member, proposal)
    assert not rules.can_see_reviews(conflicted_member, proposal)
    page = client.get(reverse("advisory:proposal", args=[proposal.pk])).content.decode()
    assert "Hemmelig vurdering" not in page
    # No review by any URL.
    response = client.post(
        reverse("advisory:proposal_action", args=[proposal.pk, "review"]),
        {**SCORES, "comment": "x"},
    )
    assert response.status_code == 403
    assert not Review.objects.filter(member=conflicted_member).exists()
    # Attachments of the proposal: 404.
    attachment = proposal.attachments.get()
    assert (
        client.get(reverse("advisory:attachment", args=[proposal.pk, attachment.pk])).status_code
        == 404
    )
    # A closed agenda item of the proposal: the papers 404 for them, not for another member.
    meeting = make_meeting(secretary)
    item = services.agenda_item_add(
        meeting=meeting, actor=secretary, title="", proposal=proposal, is_closed=True
    )
    paper = services.paper_add(item=item, actor=secretary, title="Lukket bilag", upload=pdf())
    services.meeting_publish_agenda(meeting=meeting, actor=secretary)
    paper_url = reverse("advisory:paper", args=[meeting.pk, paper.pk])
    assert client.get(paper_url).status_code == 404
    assert client_for(member).get(paper_url).status_code == 200
    meeting_page = client_for(conflicted_member).get(reverse("advisory:meeting", args=[meeting.pk]))
    assert "Lukket bilag" not in meeting_page.content.decode()
    assert Paper.objects.count() == 1


def test_declaring_a_conflict_removes_ones_review(member, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    _review(member, proposal)
    services.conflict_declare(proposal=proposal, actor=member, reason="Opdaget senere")
    assert not Review.objects.filter(member=member, proposal=proposal).exists()


def test_minutes_record_who_did_not_take_part(client, conflicted_member, member, proposal_in):
    proposal = proposal_in(S.PUBLISHED, conflicted=conflicted_member)
    item = proposal.agenda_items.get()
    assert list(item.decision.not_participating.all()) == [conflicted_member]
    page = client.get(reverse("advisory:meeting", args=[item.meeting_id])).content.decode()
    assert "interessekonflikt" in page and conflicted_member.display_name in page


def test_secretary_is_told_when_everyone_has_reviewed(member, member2, secretary, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    _review(member, proposal)
    assert not OutgoingEmail.objects.filter(
        to__contains=[secretary.email], subject__icontains="vurderet"
    ).exists()
    _review(member2, proposal)
    assert (
        OutgoingEmail.objects.filter(
            to__contains=[secretary.email], subject__icontains="vurderet"
        ).count()
        == 1
    )


def test_secretary_summary(client_for, secretary, member, member2, conflicted_member, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    services.review_submit(proposal=proposal, actor=member, scores=SCORES, comment="a")
    services.review_submit(
        proposal=proposal,
        actor=member2,
        scores={"social_impact": 2, "feasibility": 5, "economic_sustainability": 3},
        comment="b",
    )
    services.conflict_declare(
        proposal=proposal, actor=conflicted_member, reason="Bestyrelsesmedlem"
    )
    page = (
        client_for(secretary).get(reverse("advisory:proposal", args=[proposal.pk])).content.decode()
    )
    assert "3,0" in page and "4,0" in page  # averages, Danish decimals
    assert "Bestyrelsesmedlem" in page
