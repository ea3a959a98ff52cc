"""The administrations' answers, the reminders and what waits on their staff page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advisory import hooks, services
from advisory.models import FollowUp, Verdict
from advisory.tasks import send_follow_up_reminders
from portal.models import OutgoingEmail
from portal.services import user_export_data
from portal.workdays import add_working_days
from tests.advisory.conftest import S

pytestmark = pytest.mark.django_db


def test_the_answer_and_progress_are_public(
    client, client_for, responsible_servant, submitter, secretary, proposal_in
):
    proposal = proposal_in(S.PUBLISHED)
    follow_up = FollowUp.objects.get(proposal=proposal)
    assert follow_up.due == add_working_days(timezone.localdate(), 20)
    servant = client_for(responsible_servant)
    url = reverse("advisory:follow_up", args=[follow_up.pk])
    response = servant.post(
        url, {"verdict": "partly_accepted", "reasons": "Delvist: kun i byggeri."}
    )
    assert response.status_code == 302
    assert OutgoingEmail.objects.filter(
        to__contains=[submitter.email], subject__contains="har svaret"
    ).exists()
    response = servant.post(url, {"body": "De første kontrakter er reserveret."})
    assert response.status_code == 302
    client.logout()
    page = client.get(reverse("advisory:recommendation", args=[proposal.pk])).content.decode()
    assert "Delvist accepteret" in page and "De første kontrakter er reserveret." in page
    # A second answer is refused.
    with pytest.raises(Exception, match="allerede besvaret"):
        services.follow_up_answer(
            follow_up=follow_up, actor=responsible_servant, verdict=Verdict.ACCEPTED, reasons="x"
        )


def test_bad_answer_keeps_the_text(client_for, responsible_servant, proposal_in):
    proposal = proposal_in(S.PUBLISHED)
    follow_up = FollowUp.objects.get(proposal=proposal)
    response = client_for(responsible_servant).post(
        reverse("advisory:follow_up", args=[follow_up.pk]),
        {"verdict": "maybe", "reasons": "Min begrundelse"},
    )
    assert response.status_code == 400
    assert "Min begrundelse" in response.content.decode()


def test_reminders_before_and_after_the_deadline(responsible_servant, secretary, proposal_in):
    proposal = proposal_in(S.PUBLISHED)
    follow_up = FollowUp.objects.get(proposal=proposal)
    OutgoingEmail.objects.all().delete()
    assert send_follow_up_reminders.call() == 0
    FollowUp.objects.filter(pk=follow_up.pk).update(due=add_working_days(timezone.localdate(), 3))
    assert send_follow_up_reminders.call() == 1
    assert send_follow_up_reminders.call() == 0  # once
    reminder = OutgoingEmail.objects.get()
    assert reminder.to == [responsible_servant.email] and reminder.subject.startswith("Påmindelse")
    FollowUp.objects.filter(pk=follow_up.pk).update(due=timezone.localdate() - timedelta(days=1))
    assert send_follow_up_reminders.call() == 1
    overdue = OutgoingEmail.objects.get(subject__startswith="Forsinket")
    assert set(overdue.to) == {responsible_servant.email, secretary.email}


def test_staff_links_show_what_waits(
    responsible_servant, other_servant, secretary, member, proposal_in
):
    proposal_in(S.PUBLISHED)
    labels = {link.label: link.count for link in hooks.staff_links(responsible_servant)}
    assert labels == {"Rådets anbefalinger, der skal besvares": 1}
    assert hooks.staff_links(other_servant) == []
    assert {link.label for link in hooks.staff_links(secretary)} == {
        "Rådets sekretariat",
        "Forsinkede svar til rådet",
        "Puljer",  # the council secretary creates pools and edits their terms
    }
    assert [link.label for link in hooks.staff_links(member)] == ["Rådets egne sider"]


def test_the_data_export_holds_the_council_data(submitter, member, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    services.review_submit(
        proposal=proposal,
        actor=member,
        scores={"social_impact": 1, "feasibility": 2, "economic_sustainability": 3},
        comment="Min kommentar",
    )
    proposals = user_export_data(actor=submitter, user=submitter)["council_proposals"]
    assert proposals[0]["title"] == proposal.title
    exported = user_export_data(actor=member, user=member)
    assert exported["council_reviews"][0]["comment"] == "Min kommentar"
    assert exported["council_memberships"][0]["position"] == "chair"
