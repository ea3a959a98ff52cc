"""The whole flow through the services: a recommendation from draft to its answer."""

import pytest

from advisory import services
from advisory.models import FollowUp, MeetingStatus, ProposalEvent, Verdict
from portal.models import OutgoingEmail
from tests.advisory.conftest import S

pytestmark = pytest.mark.django_db


def test_a_recommendation_goes_from_draft_to_answer(
    proposal_in, responsible_servant, secretary, member
):
    proposal = proposal_in(S.PUBLISHED)
    assert proposal.status == S.PUBLISHED
    assert proposal.outcome == "recommended"
    follow_up = FollowUp.objects.get(proposal=proposal)
    assert follow_up.administration.code == "BIF"
    assert OutgoingEmail.objects.filter(to__contains=[responsible_servant.email]).exists()
    services.follow_up_answer(
        follow_up=follow_up,
        actor=responsible_servant,
        verdict=Verdict.ACCEPTED,
        reasons="Vi gør det.",
    )
    assert proposal.events.filter(kind=ProposalEvent.Kind.ANSWER, is_public=True).exists()
    statuses = list(proposal.events.filter(kind="status").values_list("to_status", flat=True))
    assert statuses == [
        "draft",
        "submitted",
        "screening",
        "in_review",
        "on_agenda",
        "decided",
        "published",
    ]
    assert proposal.agenda_items.get().meeting.status == MeetingStatus.MINUTES_PUBLISHED
