"""The submitter's journey over HTTP: draft, submit, status page, more information with
the clock paused, withdraw."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advisory import services
from advisory.models import Proposal, ProposalEvent
from portal.models import Administration, OutgoingEmail
from portal.workdays import add_working_days
from tests.advisory.conftest import DATA, S, pdf

pytestmark = pytest.mark.django_db


def _form(**overrides):
    bif = Administration.objects.get(code="BIF")
    return {**DATA, "administrations": [bif.pk], **overrides}


def test_entrepreneur_saves_a_draft_then_submits(client_for, submitter, secretary):
    client = client_for(submitter)
    response = client.post(reverse("advisory:proposal_create"), {**_form(), "attachments": [pdf()]})
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert proposal.status == S.DRAFT and proposal.attachments.count() == 1
    response = client.post(reverse("advisory:proposal_action", args=[proposal.pk, "submit"]))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == S.SUBMITTED
    assert proposal.screening_due == add_working_days(timezone.localdate(), 10)
    assert OutgoingEmail.objects.filter(to__contains=[secretary.email]).count() == 1
    # A double submit makes one change.
    client.post(reverse("advisory:proposal_action", args=[proposal.pk, "submit"]))
    assert proposal.events.filter(to_status=S.SUBMITTED).count() == 1
    page = client.get(reverse("advisory:proposal", args=[proposal.pk])).content.decode()
    assert "Sendt" in page


def test_civil_servant_can_propose_too(client_for, responsible_servant):
    response = client_for(responsible_servant).post(reverse("advisory:proposal_create"), _form())
    assert response.status_code == 302
    assert Proposal.objects.get().submitter == responsible_servant


def test_more_information_pauses_the_clock(client_for, submitter, secretary, proposal_in):
    proposal = proposal_in(S.SCREENING)
    due = proposal.screening_due
    services.proposal_ask_for_information(
        proposal=proposal, actor=secretary, question="Hvor mange?"
    )
    assert OutgoingEmail.objects.filter(
        to__contains=[submitter.email], subject__contains="Afventer flere oplysninger"
    ).exists()
    # Five days pass while the submitter thinks.
    asked = proposal.events.get(to_status=S.MORE_INFORMATION)
    ProposalEvent.objects.filter(pk=asked.pk).update(created_at=timezone.now() - timedelta(days=7))
    response = client_for(submitter).post(
        reverse("advisory:proposal_action", args=[proposal.pk, "answer"]),
        {"body": "Omkring 50 om året."},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == S.SCREENING
    assert proposal.screening_due == add_working_days(due, 5)


def test_submitter_withdraws_before_the_decision(client_for, submitter, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    client = client_for(submitter)
    response = client.post(
        reverse("advisory:proposal_action", args=[proposal.pk, "withdraw"]),
        {"reason": "For tidligt"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == S.WITHDRAWN


def test_no_withdrawal_after_the_decision(client_for, submitter, proposal_in):
    proposal = proposal_in(S.DECIDED)
    response = client_for(submitter).post(
        reverse("advisory:proposal_action", args=[proposal.pk, "withdraw"]), {"reason": ""}
    )
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == S.DECIDED


def test_submitter_is_told_of_every_status_change(submitter, proposal_in):
    proposal_in(S.PUBLISHED)
    subjects = list(
        OutgoingEmail.objects.filter(to__contains=[submitter.email]).values_list(
            "subject", flat=True
        )
    )
    # received, screening, in review, on the agenda, decided, published
    assert len(subjects) == 6, subjects


def test_secretary_returns_with_a_reason(client_for, secretary, proposal_in, submitter):
    proposal = proposal_in(S.SCREENING)
    client = client_for(secretary)
    response = client.post(
        reverse("advisory:proposal_action", args=[proposal.pk, "return"]), {"reason": ""}
    )
    assert response.status_code == 400
    assert "Dette felt er påkrævet" in response.content.decode()
    response = client.post(
        reverse("advisory:proposal_action", args=[proposal.pk, "return"]),
        {"reason": "Uden for rådets mandat"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == S.RETURNED
    page = (
        client_for(submitter).get(reverse("advisory:proposal", args=[proposal.pk])).content.decode()
    )
    assert "Uden for rådets mandat" in page


def test_the_submitters_steps_are_rate_limited(client_for, submitter, proposal_in, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "council_proposal": (1, 3600)}
    from django.core.cache import cache

    cache.clear()
    first = proposal_in(S.DRAFT)
    second = proposal_in(S.DRAFT)
    client = client_for(submitter)
    client.post(reverse("advisory:proposal_action", args=[first.pk, "submit"]))
    response = client.post(
        reverse("advisory:proposal_action", args=[second.pk, "submit"]), follow=True
    )
    assert "Prøv igen om en time" in response.content.decode()
    second.refresh_from_db()
    assert second.status == S.DRAFT
