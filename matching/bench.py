"""Bench: suggestions for a sample of the bench's challenges and solutions, refreshed the
way the task does it, with the time of one item's refresh printed (median and slowest);
then the challenge and solution pages that show them."""

import statistics
import time

from challenges.models import Challenge
from matching import services
from matching.models import Suggestion
from solutions.models import Solution

SAMPLE = 100


def _refresh(kind: str, ids: list[int]) -> list[float]:
    timings = []
    for pk in ids:
        started = time.perf_counter()
        services.suggestions_refresh(kind=kind, pk=pk)
        timings.append(time.perf_counter() - started)
    return timings


def populate(count: int) -> int:
    """Refresh `SAMPLE` open challenges and published solutions; print the refresh times."""
    challenges = list(
        Challenge.objects.open_for_responses().order_by("pk").values_list("pk", flat=True)[:SAMPLE]
    )
    solutions = list(
        Solution.objects.published().order_by("pk").values_list("pk", flat=True)[:SAMPLE]
    )
    before = Suggestion.objects.count()
    for kind, ids in ((services.CHALLENGE, challenges), (services.SOLUTION, solutions)):
        timings = _refresh(kind, ids)
        if timings:
            print(
                f"matching: refresh of one {kind}: median {statistics.median(timings) * 1000:.0f}"
                f" ms, slowest {max(timings) * 1000:.0f} ms ({len(timings)} items)"
            )
    return Suggestion.objects.count() - before


def pages() -> list[tuple[str, str]]:
    """The pages `make bench` measures: (label, path)."""
    challenge = (
        Suggestion.objects.filter(challenge__status="published")
        .values_list("challenge_id", flat=True)
        .first()
    )
    solution = (
        Suggestion.objects.filter(solution__status="published")
        .values_list("solution_id", flat=True)
        .first()
    )
    return [
        ("matching: challenge page with suggestions", f"/udfordringer/{challenge}/"),
        ("matching: solution page with suggestions", f"/loesninger/{solution}/"),
    ]
