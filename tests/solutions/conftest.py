"""Fixtures and helpers for the solution tests."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from organisations.models import MembershipRole
from solutions import services
from solutions.models import Status
from tests.factories import OrganisationFactory, UserFactory, member_of

IMPACT = {
    "outcome": "unge kom i job eller uddannelse",
    "figure": "42",
    "unit": "personer",
    "period": "2024",
    "source_kind": "evaluation",
    "source_text": "Evaluering fra Københavns Professionshøjskole",
}


def make_solution(user, organisation=None, *, status=Status.PUBLISHED, impact=(IMPACT,), **fields):
    """A solution written by `user` (a member of `organisation`) and taken to `status`."""
    from portal.models import LocalCommitteeArea

    organisation = organisation or user.organisation_memberships.first().organisation
    data = {
        "title": "Cykelværksted for unge",
        "summary": "Unge lærer at reparere cykler og får en vej ind på arbejdsmarkedet.",
        "description": "Værkstedet drives af unge i praktik sammen med faglærte mekanikere.",
        "problem": "Mange unge uden uddannelse står uden for arbejdsmarkedet.",
        "target_groups": ["young_people"],
        "collaborations": ["employment"],
        "price_model": "per_participant",
        "price_text": "",
        "image_description": "",
        "districts": list(LocalCommitteeArea.objects.filter(slug="noerrebro")),
        "sdgs": [],
    }
    data.update(fields)
    user._solutions_organisation_ids = None  # rules read memberships afresh
    solution = services.solution_create(
        user=user, organisation=organisation, data=data, impact_statements=list(impact)
    )
    if status in (Status.PUBLISHED, Status.ARCHIVED):
        services.solution_publish(user=user, solution=solution)
    if status == Status.ARCHIVED:
        services.solution_archive(user=user, solution=solution)
    solution.refresh_from_db()
    return solution


def image_file(width=800, height=600, fmt="PNG", name="billede.png", color=(200, 80, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Grøn Omstilling ApS", slug="groen-omstilling")


@pytest.fixture
def other_member(other_organisation):
    return member_of(other_organisation, UserFactory(email="ida@example.org"), MembershipRole.ADMIN)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_published_challenge(civil_servant, *, title, summary, description=""):
    """A published challenge of the civil servant's administration, through its services."""
    from datetime import timedelta

    from django.utils import timezone

    from challenges import services as challenge_services

    data = {
        "title": title,
        "summary": summary,
        "description": description or summary,
        "owner": civil_servant.administration_memberships.first().administration,
        "contact_person": civil_servant,
        "collaboration": "co_creation",
        "deadline": timezone.localdate() + timedelta(days=30),
        "co_owners": [],
    }
    challenge = challenge_services.challenge_create(user=civil_servant, data=data)
    challenge_services.challenge_publish(user=civil_servant, challenge=challenge)
    return challenge
