"""Bad input gets a clear message next to the field, keeps what was typed, never a 500."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from advisory.models import AgendaItem, Meeting, Proposal, Review
from portal.models import Administration
from tests.advisory.conftest import DATA, S, make_meeting

pytestmark = pytest.mark.django_db


def _meeting_form(day, **overrides):
    return {
        "title": "Rådsmøde",
        "date": day.isoformat(),
        "start": "16:00",
        "end": "18:00",
        "place": "Rådhuset",
        **overrides,
    }


def test_a_new_meeting_in_the_past_is_refused(client_for, secretary):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client_for(secretary).post(
        reverse("advisory:meetings_manage"), _meeting_form(yesterday)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Et nyt møde skal ligge ude i fremtiden." in page
    assert 'value="Rådhuset"' in page
    assert not Meeting.objects.exists()


def test_meeting_that_ends_before_it_starts(client_for, secretary):
    day = timezone.localdate() + timedelta(days=10)
    response = client_for(secretary).post(
        reverse("advisory:meetings_manage"), _meeting_form(day, end="15:00")
    )
    assert response.status_code == 400
    assert "Mødet skal slutte, efter det er begyndt." in response.content.decode()


def test_a_proposal_on_the_agenda_twice(client_for, secretary, proposal_in):
    proposal = proposal_in(S.IN_REVIEW)
    meeting = make_meeting(secretary)
    client = client_for(secretary)
    url = reverse("advisory:meeting_action", args=[meeting.pk, "add_item"])
    assert client.post(url, {"item-proposal": proposal.pk, "item-title": ""}).status_code == 302
    response = client.post(
        url,
        {"item-proposal": proposal.pk, "item-title": "Igen", "item-description": "Beholdt tekst"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Forslaget er allerede på mødets dagsorden." in page
    assert "Beholdt tekst" in page
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


@pytest.mark.parametrize("score", ["0", "6", "-1", "x", ""])
def test_scores_outside_1_to_5(client_for, member, proposal_in, score):
    proposal = proposal_in(S.IN_REVIEW)
    response = client_for(member).post(
        reverse("advisory:proposal_action", args=[proposal.pk, "review"]),
        {
            "social_impact": score,
            "feasibility": "3",
            "economic_sustainability": "3",
            "comment": "Min tekst",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vælg en score fra 1 til 5." in page
    assert "Min tekst" in page
    assert not Review.objects.exists()


def test_a_review_after_the_decision(client_for, member, proposal_in):
    proposal = proposal_in(S.DECIDED)
    response = client_for(member).post(
        reverse("advisory:proposal_action", args=[proposal.pk, "review"]),
        {
            "social_impact": "3",
            "feasibility": "3",
            "economic_sustainability": "3",
            "comment": "For sent",
        },
    )
    assert response.status_code == 400
    assert "der kan ikke længere gives vurderinger" in response.content.decode()
    assert not Review.objects.exists()


def test_forged_ids(client_for, submitter, secretary, proposal_in, other_entrepreneur):
    proposal = proposal_in(S.DRAFT)
    client = client_for(other_entrepreneur)
    assert client.get(reverse("advisory:proposal", args=[proposal.pk])).status_code == 404
    assert (
        client.post(reverse("advisory:proposal_action", args=[proposal.pk, "submit"])).status_code
        == 404
    )
    assert client.get(reverse("advisory:proposal", args=[999999])).status_code == 404
    attachment = proposal.attachments.get()
    assert (
        client.get(reverse("advisory:attachment", args=[proposal.pk, attachment.pk])).status_code
        == 404
    )
    # An attachment id of another proposal under this one's URL.
    mine = proposal_in(S.DRAFT)
    own = client_for(submitter)
    assert own.get(reverse("advisory:attachment", args=[mine.pk, attachment.pk])).status_code == 404
    # A forged proposal id in the agenda form.
    meeting = make_meeting(secretary)
    response = client_for(secretary).post(
        reverse("advisory:meeting_action", args=[meeting.pk, "add_item"]),
        {"item-proposal": "999999", "item-title": "x"},
    )
    assert response.status_code == 400
    assert "Vælg et af forslagene på listen." in response.content.decode()
    assert (
        client_for(secretary)
        .post(reverse("advisory:proposal_action", args=[proposal.pk, "nonsense"]))
        .status_code
        == 404
    )


def test_nul_bytes_and_huge_texts(client_for, submitter):
    bif = Administration.objects.get(code="BIF")
    client = client_for(submitter)
    response = client.post(
        reverse("advisory:proposal_create"),
        {**DATA, "what": "Hej\x00du", "why": "x" * 100_000, "administrations": [bif.pk]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Teksten indeholder et tegn, der ikke kan gemmes." in page
    assert "højst have 10000 tegn" in page
    assert DATA["expected_effect"] in page
    assert not Proposal.objects.exists()


def test_invalid_utf8_in_a_form(client_for, submitter):
    response = client_for(submitter).post(
        reverse("advisory:proposal_create"),
        b"title=%FF%FE&what=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200,)
    assert not Proposal.objects.exists()


def test_a_paper_is_checked_by_its_content(client_for, secretary, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from advisory import services
    from advisory.models import Paper

    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(secretary)
    item = services.agenda_item_add(meeting=meeting, actor=secretary, title="Orientering")
    fake = SimpleUploadedFile(
        "notat.pdf", b"<script>alert(1)</script>", content_type="application/pdf"
    )
    response = client_for(secretary).post(
        reverse("advisory:item_action", args=[meeting.pk, item.pk, "paper"]),
        {f"paper{item.pk}-title": "Notat", f"paper{item.pk}-file": fake},
    )
    assert response.status_code == 400
    assert "Denne filtype kan ikke uploades." in response.content.decode()
    assert not Paper.objects.exists()
