"""Query counts per page do not grow with the data: the same at two sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advisory import services
from advisory.models import FollowUp, Verdict
from tests.advisory.conftest import S, make_meeting, make_proposal, pdf
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCORES = {"social_impact": 4, "feasibility": 3, "economic_sustainability": 5}


def _count(client, url):
    """The page's queries, less the content version of the page cache (read from the
    shared cache at most once a second per process, so present or not by timing)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len([q for q in queries.captured_queries if '"portal_cache"' not in q["sql"]])


def _grow(submitter, secretary, members, responsible, n):
    """n published recommendations on one meeting, each reviewed, answered and updated,
    with papers; the last meeting and proposal are returned."""
    meeting = make_meeting(secretary, title=f"Møde {n}")
    proposals = []
    for index in range(n):
        proposal = make_proposal(submitter, S.IN_REVIEW, secretary=secretary)
        for member in members:
            services.review_submit(
                proposal=proposal, actor=member, scores=SCORES, comment=f"k{index}"
            )
        item = services.agenda_item_add(
            meeting=meeting, actor=secretary, title="", proposal=proposal
        )
        services.paper_add(item=item, actor=secretary, title=f"Bilag {index}", upload=pdf())
        services.agenda_item_add(
            meeting=meeting, actor=secretary, title=f"Lukket {index}", is_closed=True
        )
        proposals.append((proposal, item))
    services.meeting_publish_agenda(meeting=meeting, actor=secretary)
    services.meeting_mark_held(meeting=meeting, actor=secretary)
    from portal.models import Administration

    for _proposal, item in proposals:
        services.decision_record(
            item=item,
            actor=secretary,
            outcome="recommended",
            minutes="Anbefales",
            responsible_administrations=Administration.objects.filter(code__in=["BIF", "TMF"]),
            answer_working_days=20,
        )
    for item in meeting.items.filter(proposal__isnull=True):
        services.decision_record(
            item=item, actor=secretary, outcome="noted", minutes="Taget til efterretning"
        )
    services.meeting_publish_minutes(meeting=meeting, actor=secretary)
    for proposal, _item in proposals:
        follow_up = FollowUp.objects.get(proposal=proposal, administration__code="BIF")
        services.follow_up_answer(
            follow_up=follow_up, actor=responsible, verdict=Verdict.ACCEPTED, reasons="Ja"
        )
        services.progress_add(follow_up=follow_up, actor=responsible, body="I gang")
    return meeting, proposals[-1][0]


def test_pages_read_the_same_number_of_queries_at_two_sizes(
    client, client_for, submitter, secretary, member, member2, responsible_servant
):
    members = [member, member2]
    small_meeting, small_proposal = _grow(submitter, secretary, members, responsible_servant, 1)

    def counts(meeting, proposal):
        anonymous = {
            "council": _count(client, reverse("advisory:council")),
            "decisions": _count(client, reverse("advisory:decisions")),
            "meeting": _count(client, reverse("advisory:meeting", args=[meeting.pk])),
            "recommendation": _count(
                client, reverse("advisory:recommendation", args=[proposal.pk])
            ),
            "calendar": _count(client, reverse("advisory:calendar")),
        }
        staff = client_for(secretary)
        anonymous |= {
            "queue": _count(staff, reverse("advisory:queue")),
            "proposal (secretary)": _count(staff, reverse("advisory:proposal", args=[proposal.pk])),
            "meeting (secretary)": _count(
                staff, reverse("advisory:meeting_manage", args=[meeting.pk])
            ),
            "members": _count(staff, reverse("advisory:members")),
        }
        client.logout()
        council = client_for(member)
        anonymous |= {
            "meeting (member)": _count(council, reverse("advisory:meeting", args=[meeting.pk])),
            "proposal (member)": _count(council, reverse("advisory:proposal", args=[proposal.pk])),
        }
        client.logout()
        return anonymous

    small = counts(small_meeting, small_proposal)
    for index in range(3):
        UserFactory(email=f"extra{index}@example.org")
    members.append(UserFactory(email="third.member@example.org"))
    large_meeting, large_proposal = _grow(submitter, secretary, members[:2], responsible_servant, 4)
    large = counts(large_meeting, large_proposal)
    assert small == large
