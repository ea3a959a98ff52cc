"""What the local area pages read: counts per area and the newest items in one area.

Every list filters on the GIN-indexed `district_ids` arrays that the apps keep in step with
their many-to-many relations, and reads the newest first along the apps' own indexes.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import Left
from django.utils import timezone

from challenges.models import Challenge
from organisations.models import Organisation
from portal.caching import short_lived
from portal.models import LocalCommitteeArea
from solutions.models import Solution

SUMMARY_LENGTH = 240


@dataclass(frozen=True)
class AreaCounts:
    area: LocalCommitteeArea
    organisations: int
    solutions: int
    challenges: int


def _counts(through, area_column: str, **conditions) -> dict[int, int]:
    rows = through.objects.filter(**conditions).values(area_column).annotate(n=Count("pk"))
    return {row[area_column]: row["n"] for row in rows}


def _count_table() -> dict[str, dict[int, int]]:
    today = timezone.localdate()
    return {
        "organisations": _counts(Organisation.districts.through, "localcommitteearea_id"),
        "solutions": _counts(
            Solution.districts.through,
            "localcommitteearea_id",
            solution__status="published",
        ),
        "challenges": _counts(
            Challenge.districts.through,
            "localcommitteearea_id",
            challenge__in=Challenge.objects.open_for_responses(today),
        ),
    }


def areas_with_counts() -> list[AreaCounts]:
    """The twelve areas with how many organisations, published solutions and open challenges
    name each (kept a few seconds per process: counting reads every relation row)."""
    table = short_lived("areas:counts", _count_table)
    return [
        AreaCounts(
            area=area,
            organisations=table["organisations"].get(area.pk, 0),
            solutions=table["solutions"].get(area.pk, 0),
            challenges=table["challenges"].get(area.pk, 0),
        )
        for area in LocalCommitteeArea.objects.all()
    ]


def organisations_in(area):
    return (
        Organisation.objects.in_area(area)
        .defer("purpose", "search_vector")
        .annotate(summary=Left("purpose", SUMMARY_LENGTH))
        .order_by("-created_at", "-pk")
    )


def solutions_in(area):
    return (
        Solution.objects.published()
        .in_district(area)
        .select_related("organisation")
        .only("title", "summary", "published_at", "organisation__name", "organisation__slug")
        .order_by("-published_at", "-pk")
    )


def open_challenges_in(area):
    return (
        Challenge.objects.open_for_responses()
        .filter(district_ids__overlap=[area.pk])
        .select_related("owner")
        .only(
            "title",
            "summary",
            "deadline",
            "status",
            "published_at",
            "owner__name_da",
            "owner__name_en",
            "owner__code",
        )
        .order_by("-published_at", "-pk")
    )
