"""What the local area pages read: counts per area and the newest items in one area.

Every list filters on the GIN-indexed `district_ids` arrays that the apps keep in step with
their many-to-many relations, and reads the newest first along the apps' own indexes.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Func
from django.db.models.functions import Left
from django.http import Http404
from django.utils import timezone

from challenges.models import Challenge
from organisations.models import Organisation
from portal.caching import reference_value, short_lived
from portal.models import LocalCommitteeArea
from solutions.models import Solution

SUMMARY_LENGTH = 240


@dataclass(frozen=True)
class AreaCounts:
    area: LocalCommitteeArea
    organisations: int
    solutions: int
    challenges: int


COUNTS_SECONDS = 60


def _counts(queryset) -> dict[int, int]:
    """How many rows of `queryset` name each area, from the `district_ids` arrays in one
    pass over the visible rows."""
    rows = (
        queryset.order_by()
        .annotate(area=Func(F("district_ids"), function="unnest"))
        .values("area")
        .annotate(n=Count("*"))
        .values_list("area", "n")
    )
    return dict(rows)


def _count_table() -> dict[str, dict[int, int]]:
    return {
        "organisations": _counts(Organisation.objects.all()),
        "solutions": _counts(Solution.objects.published()),
        "challenges": _counts(Challenge.objects.open_for_responses(timezone.localdate())),
    }


def areas_with_counts() -> list[AreaCounts]:
    """The twelve areas with how many organisations, published solutions and open challenges
    name each (kept a minute per process: counting reads every visible row)."""
    table = short_lived("areas:counts", _count_table, seconds=COUNTS_SECONDS)
    return [
        AreaCounts(
            area=area,
            organisations=table["organisations"].get(area.pk, 0),
            solutions=table["solutions"].get(area.pk, 0),
            challenges=table["challenges"].get(area.pk, 0),
        )
        for area in LocalCommitteeArea.objects.all()
    ]


def area_by_slug(slug: str) -> LocalCommitteeArea:
    """One of the twelve areas (reference data, kept until it changes); 404 for any other."""
    areas = reference_value(
        "areas:by-slug", lambda: {area.slug: area for area in LocalCommitteeArea.objects.all()}
    )
    if slug not in areas:
        raise Http404
    return areas[slug]


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
