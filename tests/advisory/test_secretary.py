"""The secretary's work over HTTP: meetings and agendas, decisions, minutes, membership."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advisory import rules, services
from advisory.models import AgendaItem, CouncilMembership, Meeting, MeetingStatus
from portal.models import OutgoingEmail, Role, RoleAssignment
from tests.advisory.conftest import S, make_meeting
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_secretary_plans_a_meeting(client_for, secretary):
    day = timezone.localdate() + timedelta(days=20)
    response = client_for(secretary).post(
        reverse("advisory:meetings_manage"),
        {
            "title": "Rådsmøde",
            "date": day.isoformat(),
            "start": "16:00",
            "end": "18:00",
            "place": "Rådhuset",
        },
    )
    assert response.status_code == 302
    meeting = secretary.__class__.objects.none()

    meeting = Meeting.objects.get()
    assert timezone.localtime(meeting.starts_at).hour == 16
    assert meeting.status == MeetingStatus.PLANNED


def test_agenda_order_remove_and_cancel(client_for, secretary, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    meeting = make_meeting(secretary)
    first = services.agenda_item_add(meeting=meeting, actor=secretary, title="Orientering")
    second = services.agenda_item_add(meeting=meeting, actor=secretary, title="", proposal=proposal)
    client = client_for(secretary)
    client.post(reverse("advisory:item_action", args=[meeting.pk, second.pk, "up"]))
    assert list(meeting.items.values_list("title", flat=True)) == [proposal.title, "Orientering"]
    client.post(reverse("advisory:item_action", args=[meeting.pk, second.pk, "remove"]))
    proposal.refresh_from_db()
    assert proposal.status == S.IN_REVIEW
    assert list(meeting.items.values_list("pk", "number")) == [(first.pk, 1)]
    services.agenda_item_add(meeting=meeting, actor=secretary, title="", proposal=proposal)
    response = client.post(
        reverse("advisory:meeting_action", args=[meeting.pk, "cancel"]), {"cancel-reason": ""}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED and proposal.status == S.IN_REVIEW


def test_publishing_an_empty_agenda_is_refused(client_for, secretary):
    meeting = make_meeting(secretary)
    client = client_for(secretary)
    response = client.post(
        reverse("advisory:meeting_action", args=[meeting.pk, "publish"]), follow=True
    )
    assert "Tilføj mindst ét punkt" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_members_hear_of_the_published_agenda(secretary, member, member2):
    meeting = make_meeting(secretary)
    services.agenda_item_add(meeting=meeting, actor=secretary, title="Orientering")
    services.meeting_publish_agenda(meeting=meeting, actor=secretary)
    subject = OutgoingEmail.objects.get(subject__startswith="Dagsordenen er offentliggjort")
    assert set(subject.to) == {member.email, member2.email}


def test_members_hear_when_a_proposal_is_ready_for_review(member, proposal_in):
    proposal_in(S.IN_REVIEW)
    assert (
        OutgoingEmail.objects.filter(
            to__contains=[member.email], subject__startswith="Klar til din vurdering"
        ).count()
        == 1
    )


def test_minutes_need_a_decision_on_every_item(client_for, secretary, proposal_in):
    proposal = proposal_in(S.ON_AGENDA)
    meeting = proposal.agenda_items.get().meeting
    services.meeting_publish_agenda(meeting=meeting, actor=secretary)
    services.meeting_mark_held(meeting=meeting, actor=secretary)
    client = client_for(secretary)
    response = client.post(
        reverse("advisory:meeting_action", args=[meeting.pk, "minutes"]),
        {"summary": "Kort referat"},
    )
    assert response.status_code == 400
    assert "Registrér først en beslutning på hvert punkt: 1." in response.content.decode()
    assert "Kort referat" in response.content.decode()
    item = AgendaItem.objects.get(meeting=meeting)
    prefix = f"item{item.pk}-"
    # A recommendation without administrations is refused next to the field.
    response = client.post(
        reverse("advisory:item_action", args=[meeting.pk, item.pk, "decide"]),
        {
            prefix + "outcome": "recommended",
            prefix + "minutes": "Anbefales",
            prefix + "answer_working_days": "20",
        },
    )
    assert response.status_code == 400
    assert "Angiv de forvaltninger, der skal svare." in response.content.decode()
    response = client.post(
        reverse("advisory:item_action", args=[meeting.pk, item.pk, "decide"]),
        {prefix + "outcome": "not_recommended", prefix + "minutes": "Ikke anbefalet"},
    )
    assert response.status_code == 302
    assert (
        client.post(
            reverse("advisory:meeting_action", args=[meeting.pk, "minutes"]), {"summary": ""}
        ).status_code
        == 302
    )
    proposal.refresh_from_db()
    assert proposal.status == S.PUBLISHED and proposal.outcome == "not_recommended"
    assert not proposal.follow_ups.exists()


def test_deferred_proposal_goes_on_a_later_agenda(secretary, proposal_in):
    proposal = proposal_in(S.ON_AGENDA)
    item = proposal.agenda_items.get()
    services.meeting_publish_agenda(meeting=item.meeting, actor=secretary)
    services.meeting_mark_held(meeting=item.meeting, actor=secretary)
    services.decision_record(item=item, actor=secretary, outcome="deferred", minutes="Udsat")
    services.meeting_publish_minutes(meeting=item.meeting, actor=secretary)
    proposal.refresh_from_db()
    assert proposal.status == S.DECIDED and proposal.outcome == "deferred"
    later = make_meeting(secretary, days=40)
    services.agenda_item_add(meeting=later, actor=secretary, title="", proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == S.ON_AGENDA


def test_membership_and_terms(client_for, secretary):
    person = UserFactory(email="ny.medlem@example.org")
    client = client_for(secretary)
    data = {
        "email": "ny.medlem@example.org",
        "position": "member",
        "seat": "politician",
        "affiliation": "Socialdemokratiet",
        "term_start": date(2026, 1, 1).isoformat(),
        "term_end": date(2025, 1, 1).isoformat(),
    }
    response = client.post(reverse("advisory:members"), data)
    assert response.status_code == 400
    assert "Perioden kan ikke slutte, før den begynder." in response.content.decode()
    response = client.post(reverse("advisory:members"), {**data, "term_end": ""})
    assert response.status_code == 302
    membership = CouncilMembership.objects.get(user=person)
    assert RoleAssignment.objects.filter(user=person, role=Role.COUNCIL_MEMBER).exists()
    response = client.post(
        reverse("advisory:members"), {**data, "email": "ingen@example.org", "term_end": ""}
    )
    assert "Ingen med denne e-mailadresse har en konto." in response.content.decode()
    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(
        reverse("advisory:membership_end", args=[membership.pk]),
        {"term_end": yesterday.isoformat()},
    )
    membership.refresh_from_db()
    assert membership.term_end == yesterday
    assert not RoleAssignment.objects.filter(user=person, role=Role.COUNCIL_MEMBER).exists()
    person.__dict__.pop("_portal_roles", None)
    assert not rules.is_member(person)
    page = client.get(reverse("advisory:council")).content.decode()
    assert "Socialdemokratiet" in page  # among the former members
