"""The permission matrix: every persona by every view, file and action by every status.
Each cell is the one right status code."""

import pytest
from django.urls import reverse

from advisory import services
from advisory.models import FollowUp
from tests.advisory.conftest import S, make_meeting, make_proposal, pdf

pytestmark = pytest.mark.django_db

PERSONAS = (
    "visitor",
    "submitter",
    "other_entrepreneur",
    "member",
    "conflicted_member",
    "secretary",
    "responsible_servant",
    "other_servant",
    "administrator",
)


@pytest.fixture
def everyone(
    request,
    submitter,
    other_entrepreneur,
    member,
    conflicted_member,
    secretary,
    responsible_servant,
    other_servant,
    administrator,
):
    return {
        "visitor": None,
        "submitter": submitter,
        "other_entrepreneur": other_entrepreneur,
        "member": member,
        "conflicted_member": conflicted_member,
        "secretary": secretary,
        "responsible_servant": responsible_servant,
        "other_servant": other_servant,
        "administrator": administrator,
    }


def _client(client, everyone, persona):
    user = everyone[persona]
    if user is not None:
        client.force_login(user)
    return client


def _proposal(everyone, status):
    proposal = make_proposal(
        everyone["submitter"],
        status,
        secretary=everyone["secretary"],
        conflicted=everyone["conflicted_member"]
        if status not in (S.DRAFT, S.SUBMITTED, S.IN_REVIEW)
        else None,
    )
    if status == S.IN_REVIEW:
        services.conflict_declare(
            proposal=proposal, actor=everyone["conflicted_member"], reason="Egen sag"
        )
    return proposal


# persona → status → expected code, for the proposal page and for its attachment.
STATUSES = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.ON_AGENDA, S.DECIDED, S.PUBLISHED)
NONE = dict.fromkeys(STATUSES, 404)
COUNCIL = {
    S.DRAFT: 404,
    S.SUBMITTED: 404,
    S.IN_REVIEW: 200,
    S.ON_AGENDA: 200,
    S.DECIDED: 200,
    S.PUBLISHED: 200,
}
PROPOSAL_PAGE = {
    "visitor": dict.fromkeys(STATUSES, 302),
    "submitter": dict.fromkeys(STATUSES, 200),
    "other_entrepreneur": NONE,
    "member": COUNCIL,
    "conflicted_member": COUNCIL,
    "secretary": {**dict.fromkeys(STATUSES, 200), S.DRAFT: 404},
    "responsible_servant": NONE,
    "other_servant": NONE,
    "administrator": NONE,
}
ATTACHMENT = {**PROPOSAL_PAGE, "conflicted_member": NONE}


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_proposal_page_and_attachment(client, everyone, persona, status):
    proposal = _proposal(everyone, status)
    client = _client(client, everyone, persona)
    assert (
        client.get(reverse("advisory:proposal", args=[proposal.pk])).status_code
        == PROPOSAL_PAGE[persona][status]
    )
    attachment = proposal.attachments.get()
    url = reverse("advisory:attachment", args=[proposal.pk, attachment.pk])
    assert client.get(url).status_code == ATTACHMENT[persona][status]


# Actions: (action, status the proposal is in, POST data, persona → expected code).
DENIED_OUTSIDE = {
    "visitor": 302,
    "other_entrepreneur": 404,
    "responsible_servant": 404,
    "other_servant": 404,
    "administrator": 404,
}
ACTIONS = [
    (
        "submit",
        S.DRAFT,
        {},
        {
            **DENIED_OUTSIDE,
            "submitter": 302,
            "member": 404,
            "conflicted_member": 404,
            "secretary": 404,
        },
    ),
    (
        "withdraw",
        S.IN_REVIEW,
        {"reason": ""},
        {
            **DENIED_OUTSIDE,
            "submitter": 302,
            "member": 403,
            "conflicted_member": 403,
            "secretary": 403,
        },
    ),
    (
        "accept",
        S.SUBMITTED,
        {},
        {
            **DENIED_OUTSIDE,
            "submitter": 403,
            "member": 404,
            "conflicted_member": 404,
            "secretary": 302,
        },
    ),
    (
        "ask",
        S.SCREENING,
        {"question": "Hvor mange?"},
        {
            **DENIED_OUTSIDE,
            "submitter": 403,
            "member": 404,
            "conflicted_member": 404,
            "secretary": 302,
        },
    ),
    (
        "return",
        S.SCREENING,
        {"reason": "Uden for mandat"},
        {
            **DENIED_OUTSIDE,
            "submitter": 403,
            "member": 404,
            "conflicted_member": 404,
            "secretary": 302,
        },
    ),
    (
        "review",
        S.IN_REVIEW,
        {"social_impact": 3, "feasibility": 3, "economic_sustainability": 3, "comment": "ok"},
        {
            **DENIED_OUTSIDE,
            "submitter": 403,
            "member": 302,
            "conflicted_member": 403,
            "secretary": 403,
        },
    ),
    (
        "review",
        S.PUBLISHED,
        {"social_impact": 3, "feasibility": 3, "economic_sustainability": 3, "comment": "ok"},
        {
            **DENIED_OUTSIDE,
            "visitor": 302,
            "submitter": 403,
            "member": 400,
            "conflicted_member": 403,
            "secretary": 403,
        },
    ),
    (
        "conflict",
        S.IN_REVIEW,
        {"reason": "Egen sag"},
        {
            **DENIED_OUTSIDE,
            "submitter": 403,
            "member": 302,
            "conflicted_member": 403,
            "secretary": 403,
        },
    ),
]


@pytest.mark.parametrize(
    "action, status, data, expected", ACTIONS, ids=[f"{a[0]}-{a[1]}" for a in ACTIONS]
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_proposal_actions(client, everyone, persona, action, status, data, expected):
    if status == S.SCREENING:
        proposal = make_proposal(
            everyone["submitter"], S.SCREENING, secretary=everyone["secretary"]
        )
    else:
        proposal = _proposal(everyone, status)
    client = _client(client, everyone, persona)
    response = client.post(reverse("advisory:proposal_action", args=[proposal.pk, action]), data)
    assert response.status_code == expected[persona]


SECRETARY_ONLY = {
    "visitor": 302,
    "submitter": 403,
    "other_entrepreneur": 403,
    "member": 403,
    "conflicted_member": 403,
    "secretary": 200,
    "responsible_servant": 403,
    "other_servant": 403,
    "administrator": 403,
}


@pytest.mark.parametrize("name", ["queue", "meetings_manage", "members", "follow_ups_manage"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_secretary_pages(client, everyone, persona, name):
    assert (
        _client(client, everyone, persona).get(reverse(f"advisory:{name}")).status_code
        == SECRETARY_ONLY[persona]
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_secretary_meeting_page_and_actions(client, everyone, persona):
    meeting = make_meeting(everyone["secretary"])
    client = _client(client, everyone, persona)
    assert (
        client.get(reverse("advisory:meeting_manage", args=[meeting.pk])).status_code
        == SECRETARY_ONLY[persona]
    )
    response = client.post(reverse("advisory:meeting_action", args=[meeting.pk, "publish"]))
    expected = {**SECRETARY_ONLY, "secretary": 302}
    assert response.status_code == expected[persona]


MEMBER_PAGE = {**SECRETARY_ONLY, "member": 200, "conflicted_member": 200, "secretary": 403}


@pytest.mark.parametrize("persona", PERSONAS)
def test_member_page(client, everyone, persona):
    assert (
        _client(client, everyone, persona).get(reverse("advisory:member")).status_code
        == MEMBER_PAGE[persona]
    )


COUNCIL_ONLY = {
    **dict.fromkeys(PERSONAS, 404),
    "member": 200,
    "conflicted_member": 200,
    "secretary": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_meetings_and_papers(client, everyone, persona):
    """An unpublished agenda and closed papers 404 outside the council; a member with a
    conflict cannot reach the closed papers of that proposal."""
    secretary = everyone["secretary"]
    proposal = _proposal(everyone, S.IN_REVIEW)
    planned = make_meeting(secretary, title="Planlagt")
    open_item = services.agenda_item_add(meeting=planned, actor=secretary, title="Åbent punkt")
    planned_paper = services.paper_add(
        item=open_item, actor=secretary, title="Udkast", upload=pdf()
    )
    published = make_meeting(secretary, title="Offentliggjort", days=20)
    public_item = services.agenda_item_add(meeting=published, actor=secretary, title="Åbent")
    closed_item = services.agenda_item_add(
        meeting=published, actor=secretary, title="", proposal=proposal, is_closed=True
    )
    public_paper = services.paper_add(
        item=public_item, actor=secretary, title="Offentligt bilag", upload=pdf()
    )
    closed_paper = services.paper_add(
        item=closed_item, actor=secretary, title="Lukket bilag", upload=pdf()
    )
    services.meeting_publish_agenda(meeting=published, actor=secretary)
    client = _client(client, everyone, persona)
    assert (
        client.get(reverse("advisory:meeting", args=[planned.pk])).status_code
        == COUNCIL_ONLY[persona]
    )
    assert (
        client.get(reverse("advisory:paper", args=[planned.pk, planned_paper.pk])).status_code
        == COUNCIL_ONLY[persona]
    )
    assert client.get(reverse("advisory:meeting", args=[published.pk])).status_code == 200
    assert (
        client.get(reverse("advisory:paper", args=[published.pk, public_paper.pk])).status_code
        == 200
    )
    closed = {**COUNCIL_ONLY, "conflicted_member": 404}
    assert (
        client.get(reverse("advisory:paper", args=[published.pk, closed_paper.pk])).status_code
        == closed[persona]
    )
    # A paper's id under another meeting's URL.
    assert (
        client.get(reverse("advisory:paper", args=[published.pk, planned_paper.pk])).status_code
        == 404
    )
    page = client.get(reverse("advisory:meeting", args=[published.pk])).content.decode()
    assert ("Lukket bilag" in page) == (closed[persona] == 200)


@pytest.mark.parametrize("status", [S.DECIDED, S.PUBLISHED])
@pytest.mark.parametrize("persona", PERSONAS)
def test_recommendation_page(client, everyone, persona, status):
    proposal = _proposal(everyone, status)
    response = _client(client, everyone, persona).get(
        reverse("advisory:recommendation", args=[proposal.pk])
    )
    assert response.status_code == (200 if status == S.PUBLISHED else 404)


FOLLOW_UP_VIEW = {
    "visitor": 302,
    "submitter": 403,
    "other_entrepreneur": 403,
    "member": 404,
    "conflicted_member": 404,
    "secretary": 200,
    "responsible_servant": 200,
    "other_servant": 404,
    "administrator": 404,
}
FOLLOW_UP_ANSWER = {**FOLLOW_UP_VIEW, "secretary": 403, "responsible_servant": 302}
FOLLOW_UP_LIST = {
    **SECRETARY_ONLY,
    "secretary": 403,
    "responsible_servant": 200,
    "other_servant": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_follow_up(client, everyone, persona):
    proposal = _proposal(everyone, S.PUBLISHED)
    follow_up = FollowUp.objects.get(proposal=proposal)
    client = _client(client, everyone, persona)
    assert client.get(reverse("advisory:follow_ups")).status_code == FOLLOW_UP_LIST[persona]
    url = reverse("advisory:follow_up", args=[follow_up.pk])
    assert client.get(url).status_code == FOLLOW_UP_VIEW[persona]
    response = client.post(url, {"verdict": "accepted", "reasons": "Vi gør det"})
    assert response.status_code == FOLLOW_UP_ANSWER[persona]
    follow_up.refresh_from_db()
    assert (follow_up.answered_at is not None) == (persona == "responsible_servant")


LOGGED_IN = {**dict.fromkeys(PERSONAS, 200), "visitor": 302}


@pytest.mark.parametrize("persona", PERSONAS)
def test_own_proposal_pages_and_the_public_pages(client, everyone, persona):
    draft = _proposal(everyone, S.DRAFT)
    submitted = _proposal(everyone, S.SUBMITTED)
    client = _client(client, everyone, persona)
    assert client.get(reverse("advisory:my_proposals")).status_code == LOGGED_IN[persona]
    assert client.get(reverse("advisory:proposal_create")).status_code == LOGGED_IN[persona]
    edit = {**dict.fromkeys(PERSONAS, 404), "visitor": 302, "submitter": 200}
    assert (
        client.get(reverse("advisory:proposal_edit", args=[draft.pk])).status_code == edit[persona]
    )
    edit_submitted = {**edit, "submitter": 403, "secretary": 403}
    assert (
        client.get(reverse("advisory:proposal_edit", args=[submitted.pk])).status_code
        == edit_submitted[persona]
    )
    for name in ("council", "decisions", "calendar"):
        assert client.get(reverse(f"advisory:{name}")).status_code == 200
