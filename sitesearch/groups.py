"""The combined search: challenges, solutions and organisations found by one query, each
group through its own overview (portal.overview), so the words, the typos and the
compounds are found the same way as on the full overview the group links to."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.db.models.functions import Left
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge
from challenges.overview import ChallengeOverview
from organisations.models import Organisation
from organisations.overview import OrganisationOverview
from portal.overview import Overview
from solutions.models import Solution
from solutions.overview import SolutionOverview

HITS_PER_GROUP = 5
GROUP_MAX_RESULTS = 100
SUMMARY_LENGTH = 240


@dataclass(frozen=True)
class Hit:
    title: str
    summary: str
    url: str
    meta: str = ""


@dataclass(frozen=True)
class Kind:
    key: str
    heading: str
    list_url_name: str
    overview_class: type[Overview]
    queryset: Callable[[], QuerySet]
    to_hit: Callable[[object], Hit]


@dataclass
class Group:
    kind: Kind
    overview: Overview
    hits: list[Hit]

    @property
    def count(self) -> int:
        return self.overview.page.paginator.count

    @property
    def is_capped(self) -> bool:
        return self.overview.page.paginator.is_capped

    @property
    def full_url(self) -> str:
        return f"{reverse(self.kind.list_url_name)}?{urlencode({'q': self.overview.query})}"


def _challenges() -> QuerySet:
    return (
        Challenge.objects.published()
        .select_related("owner")
        .only("title", "summary", "status", "published_at", "owner__name_da", "owner__name_en")
    )


def _solutions() -> QuerySet:
    return (
        Solution.objects.published()
        .select_related("organisation")
        .only("title", "summary", "published_at", "organisation__name")
    )


def _organisations() -> QuerySet:
    return Organisation.objects.only("name", "slug", "created_at").annotate(
        summary_text=Left("purpose", SUMMARY_LENGTH)
    )


def _without_filters(overview_class: type[Overview]) -> type[Overview]:
    """The overview as the combined search uses it: the words only, so no filter reads its
    choices, and the best of the newest hundred matches, counted up to a hundred (the
    group's link leads to the full overview, which ranks and counts up to a thousand)."""
    attributes = {"build_filters": _none, "max_results": GROUP_MAX_RESULTS}
    return type(f"{overview_class.__name__}Words", (overview_class,), attributes)


def _none(self) -> list:
    return []


KINDS = (
    Kind(
        "challenges",
        _("Challenges"),
        "challenges:list",
        _without_filters(ChallengeOverview),
        _challenges,
        lambda c: Hit(c.title, c.summary, c.get_absolute_url(), c.owner.name),
    ),
    Kind(
        "solutions",
        _("Solutions"),
        "solutions:list",
        _without_filters(SolutionOverview),
        _solutions,
        lambda s: Hit(s.title, s.summary, s.get_absolute_url(), s.organisation.name),
    ),
    Kind(
        "organisations",
        _("Organisations"),
        "organisations:list",
        _without_filters(OrganisationOverview),
        _organisations,
        lambda o: Hit(o.name, o.summary_text, o.get_absolute_url()),
    ),
)


def search(query: str) -> list[Group]:
    """Each kind's best matches for `query` (relevance first), with the number found."""
    params = QueryDict(mutable=True)
    params["q"] = query
    groups = []
    for kind in KINDS:
        overview = kind.overview_class(params, kind.queryset())
        overview.page_size = HITS_PER_GROUP
        hits = [kind.to_hit(item) for item in overview.page.object_list]
        groups.append(Group(kind=kind, overview=overview, hits=hits))
    return groups
