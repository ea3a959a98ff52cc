"""The council's part of the work overview (/mit-overblik/): each role sees its own part,
nothing of other users or administrations, at most one query per part, the same number of
queries at two sizes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from advisory import hooks, services
from advisory.models import FollowUp, Proposal
from tests.advisory.conftest import S, make_proposal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCORES = {"social_impact": 4, "feasibility": 3, "economic_sustainability": 5}
URL = reverse("matching:overview")


def _page(client_for, user) -> str:
    response = client_for(user).get(URL)
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, key: str) -> str:
    """The part's section of the page, or "" when the page has no such part."""
    start = page.find(f'id="part-{key}"')
    if start == -1:
        return ""
    return page[start : page.index("</section>", start)]


def _parts(user, since=None) -> dict:
    request = RequestFactory().get(URL)
    request.user = user
    request.work_overview_since = since
    return {part.key: part for part in hooks.work_overview(request)}


def _count(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len([q for q in queries.captured_queries if '"portal_cache"' not in q["sql"]])


def _titled(submitter, title, status, secretary):
    proposal = make_proposal(submitter, status, secretary=secretary)
    Proposal.objects.filter(pk=proposal.pk).update(title=title)
    return Proposal.objects.get(pk=proposal.pk)


# A council member: the proposals that wait for their review.


def test_a_member_sees_what_waits_for_their_review(
    client_for, member, member2, conflicted_member, submitter, secretary
):
    waiting = _titled(submitter, "Forslag om grønne indkøb", S.IN_REVIEW, secretary)
    reviewed = _titled(submitter, "Forslag om lokale puljer", S.IN_REVIEW, secretary)
    conflicted = _titled(submitter, "Forslag om min egen café", S.IN_REVIEW, secretary)
    screening = _titled(submitter, "Forslag under screening", S.SCREENING, secretary)
    services.review_submit(proposal=reviewed, actor=member, scores=SCORES, comment="God idé.")
    services.conflict_declare(proposal=conflicted, actor=member, reason="Min egen virksomhed")

    part = _section(_page(client_for, member), "council_reviews")
    assert "Forslag, der afventer din vurdering" in part
    assert waiting.title in part
    for other in (reviewed, conflicted, screening):
        assert other.title not in part
    # Another member has reviewed nothing: every proposal in review waits for them.
    part = _section(_page(client_for, member2), "council_reviews")
    assert waiting.title in part and reviewed.title in part and conflicted.title in part


def test_a_member_with_nothing_to_review_is_told_so(client_for, member):
    part = _section(_page(client_for, member), "council_reviews")
    assert "Intet forslag afventer din vurdering." in part


def test_only_council_members_get_the_review_part(
    client_for, entrepreneur, secretary, responsible_servant, submitter
):
    _titled(submitter, "Forslag om grønne indkøb", S.IN_REVIEW, secretary)
    for user in (entrepreneur, responsible_servant, secretary):
        assert "council_reviews" not in _parts(user)
        assert "Forslag om grønne indkøb" not in _section(
            _page(client_for, user), "council_reviews"
        )


# The secretary: the queue's counts and the overdue answers.


def test_the_secretary_sees_the_queue_counts(client_for, secretary, submitter):
    make_proposal(submitter, S.SUBMITTED)
    make_proposal(submitter, S.SUBMITTED)
    late = make_proposal(submitter, S.SCREENING, secretary=secretary)
    Proposal.objects.filter(pk=late.pk).update(
        screening_due=timezone.localdate() - timedelta(days=3)
    )
    counts = _parts(secretary)["council_queue"].context["counts"]
    assert counts == {"new": 3, "submitted": 2, "overdue": 1}
    part = _section(_page(client_for, secretary), "council_queue")
    assert "Afventer visitering" in part and "Visitering forsinket" in part
    assert f'href="{reverse("advisory:queue")}"' in part
    # After the visit, nothing in the queue is new; a new submission is.
    looked = timezone.now()
    make_proposal(submitter, S.SUBMITTED)
    counts = _parts(secretary, since=looked)
    assert counts["council_queue"].context["counts"]["new"] == 1


def test_the_secretary_sees_overdue_answers(
    client_for, secretary, submitter, responsible_servant, proposal_in
):
    proposal = proposal_in(S.PUBLISHED)
    assert _parts(secretary)["council_overdue_answers"].context["overdue"] == 0
    FollowUp.objects.filter(proposal=proposal).update(due=timezone.localdate() - timedelta(days=1))
    part = _section(_page(client_for, secretary), "council_overdue_answers")
    assert "1 svar fra en forvaltning på en anbefaling er forsinket." in part


def test_only_the_secretary_gets_the_queue(client_for, member, entrepreneur, responsible_servant):
    for user in (member, entrepreneur, responsible_servant):
        parts = _parts(user)
        assert "council_queue" not in parts and "council_overdue_answers" not in parts


# A civil servant: recommendations awaiting their administration's answer.


def test_a_civil_servant_sees_the_recommendations_to_answer(
    client_for, responsible_servant, other_servant, proposal_in
):
    proposal = proposal_in(S.PUBLISHED)
    follow_up = FollowUp.objects.get(proposal=proposal)
    part = _section(_page(client_for, responsible_servant), "council_answers")
    assert proposal.title in part
    assert f'href="{reverse("advisory:follow_up", args=[follow_up.pk])}"' in part
    assert "Forsinket" not in part
    FollowUp.objects.filter(pk=follow_up.pk).update(due=timezone.localdate() - timedelta(days=1))
    assert "Forsinket" in _section(_page(client_for, responsible_servant), "council_answers")
    # TMF owes nothing: no part, and nothing of BIF's.
    assert "council_answers" not in _parts(other_servant)
    assert proposal.title not in _page(client_for, other_servant)


def test_an_answered_recommendation_leaves_the_part(client_for, responsible_servant, proposal_in):
    proposal = proposal_in(S.PUBLISHED)
    services.follow_up_answer(
        follow_up=FollowUp.objects.get(proposal=proposal),
        actor=responsible_servant,
        verdict="accepted",
        reasons="Vi gør det.",
    )
    assert "council_answers" not in _parts(responsible_servant)


# The submitter: their proposals with a new status.


def test_the_submitter_sees_status_changes_since_they_last_looked(
    client_for, submitter, other_entrepreneur, secretary
):
    mine = make_proposal(submitter, S.SUBMITTED)
    theirs = make_proposal(other_entrepreneur, S.SUBMITTED)
    # Their own submission is no news to them.
    assert "council_own_proposals" not in _parts(submitter)
    services.proposal_start_screening(proposal=mine, actor=secretary)
    services.proposal_start_screening(proposal=theirs, actor=secretary)
    part = _section(_page(client_for, submitter), "council_own_proposals")
    assert mine.title in part and "Under visitering" in part
    assert f'href="{reverse("advisory:proposal", args=[mine.pk])}"' in part
    assert f'href="{reverse("advisory:proposal", args=[theirs.pk])}"' not in part
    # Seen: the next visit has no news, until the status changes again.
    assert _section(_page(client_for, submitter), "council_own_proposals") == ""
    services.proposal_accept_for_review(proposal=Proposal.objects.get(pk=mine.pk), actor=secretary)
    part = _section(_page(client_for, submitter), "council_own_proposals")
    assert mine.title in part and "Til vurdering" in part


def test_a_user_without_council_business_gets_no_council_part(outsider):
    assert _parts(outsider) == {}


# Queries: one per part at most, the same at two sizes.


def test_each_part_is_one_query(member, secretary, responsible_servant, submitter, proposal_in):
    """Reviews and own proposals (member); queue, overdue answers and own proposals
    (secretary); answers and own proposals (civil servant); own proposals (submitter)."""
    proposal_in(S.PUBLISHED)
    _titled(submitter, "Et forslag mere", S.IN_REVIEW, secretary)
    # Plus the pools' parts (advisory/pool_hooks.py): everyone's grants with a final report
    # to write, and for the secretary the reports waiting and overdue in their pools.
    expected = {member: 3, secretary: 5, responsible_servant: 3, submitter: 2}
    for user, count in expected.items():
        _parts(user)  # the user's roles and administrations, read once per request
        with CaptureQueriesContext(connection) as queries:
            _parts(user, since=timezone.now() - timedelta(days=1))
        assert len(queries) == count, (user.email, [q["sql"] for q in queries])


@pytest.mark.parametrize("role", ["member", "secretary", "servant", "submitter"])
def test_overview_queries_equal_at_two_sizes(
    client_for, role, member, secretary, responsible_servant, submitter, proposal_in
):
    user = {
        "member": member,
        "secretary": secretary,
        "servant": responsible_servant,
        "submitter": submitter,
    }[role]
    client = client_for(user)

    def grow(n):
        proposal_in(S.PUBLISHED)
        for _ in range(n):
            proposal = make_proposal(submitter, S.IN_REVIEW, secretary=secretary)
            make_proposal(submitter, S.SUBMITTED)
            make_proposal(UserFactory(), S.SCREENING, secretary=secretary)
            services.review_submit(proposal=proposal, actor=member, scores=SCORES, comment="k")

    grow(1)
    client.get(URL)
    small = _count(client)
    grow(3)
    assert _count(client) == small
