"""The narrow listing of the published solutions (solutions.models.SolutionListing), kept by
the database: it follows every write of a solution, and the overview reads the same ids
from it as from the solutions themselves."""

import pytest
from django.db import connection
from django.http import QueryDict

from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal
from solutions import services
from solutions.models import Solution, SolutionListing, Status
from solutions.overview import SolutionOverview
from solutions.views import _list_queryset
from tests.factories import OrganisationFactory
from tests.solutions.conftest import make_solution

COPIED = [
    "organisation_id",
    "published_at",
    "title",
    "district_ids",
    "sdg_ids",
    "target_groups",
    "collaborations",
    "price_model",
]


def _listing() -> dict[int, tuple]:
    return {row[0]: row[1:] for row in SolutionListing.objects.values_list("pk", *COPIED)}


def _published() -> dict[int, tuple]:
    return {row[0]: row[1:] for row in Solution.objects.published().values_list("pk", *COPIED)}


def test_the_listing_follows_publishing_editing_and_archiving(entrepreneur):
    draft = make_solution(entrepreneur, status=Status.DRAFT)
    assert _listing() == {}

    services.solution_publish(user=entrepreneur, solution=draft)
    assert _listing() == _published() != {}

    valby = LocalCommitteeArea.objects.get(slug="valby")
    goal = SustainableDevelopmentGoal.objects.get(number=8)
    services.solution_update(
        user=entrepreneur,
        solution=draft,
        data={
            "title": "Cykelværksted i Valby",
            "collaborations": ["employment", "pilot"],
            "target_groups": ["young_people", "unemployed"],
            "price_model": "free",
            "districts": [valby],
            "sdgs": [goal],
        },
    )
    row = _listing()[draft.pk]
    assert row == _published()[draft.pk]
    assert row[2] == "Cykelværksted i Valby"
    assert row[3] == [valby.pk]
    assert row[4] == [goal.pk]
    assert row[7] == "free"

    services.solution_archive(user=entrepreneur, solution=Solution.objects.get(pk=draft.pk))
    assert _listing() == {}


def test_the_listing_loses_the_solutions_of_a_deleted_organisation(entrepreneur):
    kept = make_solution(entrepreneur, title="Bliver")
    other = OrganisationFactory(name="Lukker ApS", slug="lukker")
    from organisations.models import MembershipRole
    from tests.factories import UserFactory, member_of

    member = member_of(other, UserFactory(email="sidste@example.org"), MembershipRole.ADMIN)
    make_solution(member, other, title="Forsvinder")
    assert len(_listing()) == 2
    other.delete()
    assert list(_listing()) == [kept.pk]


def test_a_bulk_write_by_sql_is_followed_too(entrepreneur):
    """The bench loads solutions with COPY and fills the arrays with one UPDATE."""
    solution = make_solution(entrepreneur)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE solutions_solution SET collaborations = %s, status = %s WHERE id = %s",
            [["pilot"], "published", solution.pk],
        )
    assert _listing()[solution.pk][6] == ["pilot"]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE solutions_solution SET status = 'draft' WHERE id = %s", [solution.pk]
        )
    assert _listing() == {}


@pytest.mark.parametrize(
    "params",
    [
        "",
        "district=valby",
        "district=valby&collaboration=employment",
        "collaboration=employment&collaboration=pilot",
        "target_group=young_people&sdg=8",
        "price=free",
        "price=per_participant&rsv=yes",
        "rsv=no",
        "sort=title",
        "sort=title&district=noerrebro",
    ],
)
def test_the_overview_reads_the_same_ids_from_the_listing(entrepreneur, other_member, params):
    valby = LocalCommitteeArea.objects.get(slug="valby")
    goal = SustainableDevelopmentGoal.objects.get(number=8)
    entrepreneur.organisation_memberships.first().organisation.__class__.objects.filter(
        pk=other_member.organisation_memberships.first().organisation_id
    ).update(is_rsv_registered=True)
    variants = [
        {"title": "Æbler", "districts": [valby], "collaborations": ["employment"]},
        {"title": "Bier", "districts": [valby], "collaborations": ["pilot"], "sdgs": [goal]},
        {"title": "Cykler", "price_model": "free", "target_groups": ["young_people"]},
        {"title": "Døgnåbent", "sdgs": [goal], "target_groups": ["young_people"]},
    ]
    for number, fields in enumerate(variants):
        make_solution(entrepreneur, **fields)
        make_solution(other_member, **{**fields, "title": f"{fields['title']} {number}"})
    make_solution(entrepreneur, status=Status.DRAFT, title="Kladde", districts=[valby])

    overview = SolutionOverview(QueryDict(params), _list_queryset())
    expected = list(overview.results().values_list("pk", flat=True))
    assert overview.listing_queryset() is not None
    assert overview.result_ids() == expected
    assert expected or params == "price=per_participant&rsv=yes"
