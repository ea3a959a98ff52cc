"""Saved searches: the challenge and solution overviews' query strings, kept and replayed.

A query string is stored only as its overview understands it (`normalise`): the search
words (NUL bytes removed, at most 200 characters) and the filter values that are valid
choices, in the overview's own order; the sort and the page are dropped, everything else is
ignored. Replaying (`new_items`) builds the same overview on the public items, so a stored
search can never reach anything the public overview would not show.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge
from challenges.overview import ChallengeOverview
from following.models import Kind
from portal.overview import Overview
from solutions.models import Solution
from solutions.overview import SolutionOverview

# The overview's slug in the follow URL → the kind of subscription.
SLUGS = {"challenges": Kind.CHALLENGE_SEARCH, "solutions": Kind.SOLUTION_SEARCH}
MAX_ITEMS = 20  # per search in one digest


@dataclass(frozen=True)
class SearchKind:
    overview: type[Overview]
    list_url_name: str

    def public(self) -> QuerySet:
        if self.overview is ChallengeOverview:
            return (
                Challenge.objects.published()
                .select_related("owner")
                .defer("description", "search_vector")
            )
        return (
            Solution.objects.published()
            .select_related("organisation")
            .defer("description", "problem", "search_vector")
        )

    def build(self, query: str, queryset: QuerySet | None = None) -> Overview:
        params = QueryDict(query, mutable=False)
        return self.overview(params, queryset if queryset is not None else self.public().none())


KINDS: dict[str, SearchKind] = {
    Kind.CHALLENGE_SEARCH: SearchKind(ChallengeOverview, "challenges:list"),
    Kind.SOLUTION_SEARCH: SearchKind(SolutionOverview, "solutions:list"),
}


def normalise(kind: str, params: QueryDict) -> str:
    """The query string as its overview understands it (search words and valid filter
    values, no sort, no page)."""
    overview = KINDS[kind].overview(params, KINDS[kind].public().none())
    return urlencode(overview.hidden_pairs_for_sort)


def new_items(kind: str, query: str, start: datetime, end: datetime) -> list:
    """The public items of the saved search published after `start`, up to `end`, newest
    first (at most MAX_ITEMS)."""
    search = KINDS[kind]
    overview = search.build(query, search.public())
    return list(
        overview.results()
        .filter(published_at__gt=start, published_at__lte=end)
        .order_by("-published_at", "-pk")[:MAX_ITEMS]
    )


class Describer:
    """Words for saved searches ("Search words: ensomhed · Local committee area: Nørrebro"),
    with the filters' choices read once per kind (in the active language)."""

    def __init__(self):
        self._overviews: dict[str, Overview] = {}

    def _overview(self, kind: str) -> Overview:
        if kind not in self._overviews:
            self._overviews[kind] = KINDS[kind].build("")
        return self._overviews[kind]

    def parts(self, kind: str, query: str) -> list[tuple[str, str]]:
        filters = {f.param: f for f in self._overview(kind).filters}
        parts = []
        for param, value in parse_qsl(query):
            if param == "q":
                parts.append((str(_("Search words")), value))
            elif param in filters:
                parts.append((str(filters[param].label), filters[param].label_of(value)))
        return parts
