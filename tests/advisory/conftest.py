"""Personas and helpers for the council's tests. Proposals and meetings are brought to a
status through the real services, so the history and e-mails are what users would get."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from advisory import services
from advisory.models import (
    Meeting,
    MeetingStatus,
    Outcome,
    Position,
    Proposal,
    ProposalStatus,
    Seat,
)
from portal.models import Administration, Role
from tests.factories import UserFactory, civil_servant, with_role, with_totp

S = ProposalStatus
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="bilag.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _member(email, seat=Seat.ENTREPRENEUR, position=Position.MEMBER):
    user = with_totp(with_role(UserFactory(email=email), Role.COUNCIL_MEMBER))
    user.council_memberships.create(
        position=position,
        seat=seat,
        affiliation="Kaffe & Kompetencer",
        term_start=date(2025, 1, 1),
        term_end=None,
    )
    return user


@pytest.fixture
def secretary(db):
    user = with_totp(with_role(UserFactory(email="lone@example.org"), Role.COUNCIL_SECRETARY))
    return user


@pytest.fixture
def member(db):
    return _member("peter.member@example.org", position=Position.CHAIR)


@pytest.fixture
def member2(db):
    return _member("maria.member@example.org", seat=Seat.POLITICIAN)


@pytest.fixture
def conflicted_member(db):
    """A member who declares a conflict on the proposals the tests make with conflict=True."""
    return _member("conflict.member@example.org")


@pytest.fixture
def submitter(entrepreneur):
    return entrepreneur


@pytest.fixture
def other_entrepreneur(db):
    return UserFactory(email="other.entrepreneur@example.org")


@pytest.fixture
def responsible_servant(db):
    """A civil servant of BIF, the administration that must answer the recommendations."""
    return with_totp(civil_servant("BIF", email="bif.servant@example.org"))


@pytest.fixture
def other_servant(db):
    return with_totp(civil_servant("TMF", email="tmf.servant@example.org"))


DATA = {
    "title": "Flere reserverede kontrakter",
    "what": "Kommunen bør reservere flere kontrakter til socialøkonomiske virksomheder.",
    "why": "Det giver job til mennesker langt fra arbejdsmarkedet.",
    "expected_effect": "50 flere i job om året.",
}


def future(days=14, hour=16):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def make_meeting(secretary, *, days=14, title="Rådsmøde") -> Meeting:
    starts = future(days)
    return services.meeting_create(
        actor=secretary,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="Rådhuset, udvalgsværelse 1",
    )


def make_proposal(
    submitter, status=S.DRAFT, *, secretary=None, conflicted=None, meeting=None, closed=False
):
    """A proposal brought to `status` through the services."""
    proposal = services.proposal_create(
        actor=submitter,
        data=DATA,
        administrations=Administration.objects.filter(code__in=["BIF", "TMF"]),
        attachments=[pdf()],
    )
    steps = {
        S.SUBMITTED: lambda p: services.proposal_submit(proposal=p, actor=submitter),
        S.SCREENING: lambda p: services.proposal_start_screening(proposal=p, actor=secretary),
        S.IN_REVIEW: lambda p: services.proposal_accept_for_review(proposal=p, actor=secretary),
    }
    order = [S.SUBMITTED, S.SCREENING, S.IN_REVIEW]
    if status == S.DRAFT:
        return proposal
    for step in order:
        proposal = steps[step](proposal)
        if step == status:
            return _refresh(proposal)
    if status == S.MORE_INFORMATION:
        raise AssertionError("use ask_for_more")
    if conflicted is not None:
        services.conflict_declare(proposal=proposal, actor=conflicted, reason="Min egen virksomhed")
    meeting = meeting or make_meeting(secretary)
    item = services.agenda_item_add(
        meeting=meeting, actor=secretary, title="", proposal=proposal, is_closed=closed
    )
    if status == S.ON_AGENDA:
        return _refresh(proposal)
    _hold(meeting, secretary)
    services.decision_record(
        item=item,
        actor=secretary,
        outcome=Outcome.RECOMMENDED,
        minutes="Rådet anbefaler forslaget.",
        responsible_administrations=Administration.objects.filter(code="BIF"),
        answer_working_days=20,
    )
    if status == S.DECIDED:
        return _refresh(proposal)
    services.meeting_publish_minutes(meeting=_refresh(meeting), actor=secretary)
    return _refresh(proposal)


def _hold(meeting, secretary):
    meeting = _refresh(meeting)
    if meeting.status == MeetingStatus.PLANNED:
        services.meeting_publish_agenda(meeting=meeting, actor=secretary)
    services.meeting_mark_held(meeting=_refresh(meeting), actor=secretary)


def _refresh(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.fixture
def proposal_in(submitter, secretary):
    def make(status, **kwargs):
        return make_proposal(submitter, status, secretary=secretary, **kwargs)

    return make


__all__ = ["Proposal", "make_meeting", "make_proposal", "pdf"]
