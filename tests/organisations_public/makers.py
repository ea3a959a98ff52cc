"""Objects for the tests of the public pages, made directly (fast, and independent of
other apps' forms): organisations, solutions, challenges and responses in given areas."""

from datetime import timedelta

from django.utils import timezone

from challenges.models import Challenge, Collaboration, Response, ResponseStatus, Status
from organisations import services
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal
from solutions.models import Solution
from solutions.models import Status as SolutionStatus
from tests.factories import OrganisationFactory


def area(slug: str) -> LocalCommitteeArea:
    return LocalCommitteeArea.objects.get(slug=slug)


def make_organisation(*, areas=(), sdgs=(), **fields):
    organisation = OrganisationFactory(**fields)
    organisation.districts.set([area(slug) for slug in areas])
    organisation.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
    services.sync_search_and_filters(organisation)
    return organisation


def make_solution(organisation, *, areas=(), status=SolutionStatus.PUBLISHED, **fields):
    now = timezone.now()
    solution = Solution.objects.create(
        organisation=organisation,
        title=fields.pop("title", "Cykelværksted for unge"),
        summary=fields.pop("summary", "Unge lærer at reparere cykler."),
        description=fields.pop("description", "Et værksted med mentorer."),
        problem=fields.pop("problem", "Unge uden job."),
        status=status,
        published_at=fields.pop("published_at", now if status != SolutionStatus.DRAFT else None),
        district_ids=[area(slug).pk for slug in areas],
        **fields,
    )
    solution.districts.set([area(slug) for slug in areas])
    return solution


def make_challenge(contact, *, areas=(), status=Status.PUBLISHED, **fields):
    now = timezone.now()
    challenge = Challenge.objects.create(
        title=fields.pop("title", "Job til ledige i kantinen"),
        summary=fields.pop("summary", "Vi søger en virksomhed, der kan drive kantinen."),
        description=fields.pop("description", "Kantinen på rådhuset skal drives af ledige."),
        owner=Administration.objects.get(code="BIF"),
        contact_person=contact,
        collaboration=Collaboration.EMPLOYMENT,
        deadline=fields.pop("deadline", timezone.localdate() + timedelta(days=30)),
        status=status,
        published_at=fields.pop("published_at", now if status != Status.DRAFT else None),
        district_ids=[area(slug).pk for slug in areas],
        **fields,
    )
    challenge.districts.set([area(slug) for slug in areas])
    return challenge


def accept_response(challenge, organisation, status=ResponseStatus.ACCEPTED):
    return Response.objects.create(
        challenge=challenge, organisation=organisation, message="Vi kan hjælpe.", status=status
    )
