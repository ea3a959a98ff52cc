"""Overview pages: filters, Danish search, sorting and pagination from the query string.

One mechanism for every public list (challenges now, solutions next). An app describes its
overview declaratively: a subclass of `Overview` with its filters, sorts and search fields.
Everything lives in the query string, so a URL is shareable and the page works without
JavaScript. Unknown filter values, sort keys or page numbers never fail: they are ignored
and the page says so.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from math import ceil
from typing import Any
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.caching import cached_fragment, cached_rows, digest, reference_value
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal
from portal.search import WORD, Expansion, expand

MAX_QUERY_LENGTH = 200
MAX_TERMS = 6


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass
class Filter:
    """One filter: a query-string parameter with a closed set of values.

    Several values of one filter widen the result (OR); different filters narrow it (AND).
    """

    param: str
    label: str
    choices: Callable[[], Iterable[Choice]]
    apply: Callable[[QuerySet, list[str]], QuerySet]
    selected: list[str] = field(default_factory=list)

    @cached_property
    def options(self) -> list[Choice]:
        """The choices, read only when something shows them or checks a chosen value."""
        return list(self.choices())

    def bind(self, params) -> list[str]:
        """Read the parameter; return the values that are not valid choices."""
        requested = [value for value in params.getlist(self.param) if value]
        if not requested:
            self.selected = []
            return []
        valid = {choice.value for choice in self.options}
        self.selected = [value for value in dict.fromkeys(requested) if value in valid]
        return [value for value in requested if value not in valid]

    def label_of(self, value) -> str:
        return next((c.label for c in self.options if c.value == value), value)


# The filters on reference data: their choices and the ids of the chosen values, kept per
# process until the reference data changes (portal.caching.reference_value).


def administration_choices() -> list[Choice]:
    return reference_value(
        "choices:administrations",
        lambda: [Choice(a.slug, a.name) for a in Administration.objects.all()],
    )


def area_choices() -> list[Choice]:
    return reference_value(
        "choices:areas",
        lambda: [Choice(a.slug, a.name) for a in LocalCommitteeArea.objects.all()],
    )


def goal_choices() -> list[Choice]:
    return reference_value(
        "choices:goals",
        lambda: [Choice(str(g.number), str(g)) for g in SustainableDevelopmentGoal.objects.all()],
    )


def _ids(key: str, pairs: QuerySet, values: list[str]) -> list[int]:
    """The ids of `values` by `pairs`, a lazy query of (value, id) read on a cache miss."""
    by_value = reference_value(key, lambda: {str(value): pk for value, pk in pairs})
    return [by_value[value] for value in values if value in by_value]


def administration_ids(slugs: list[str]) -> list[int]:
    return _ids("ids:administrations", Administration.objects.values_list("slug", "pk"), slugs)


def area_ids(slugs: list[str]) -> list[int]:
    return _ids("ids:areas", LocalCommitteeArea.objects.values_list("slug", "pk"), slugs)


def by_area(queryset: QuerySet, slugs: list[str]) -> QuerySet:
    """The objects named for any of the local committee areas (their `district_ids`)."""
    return queryset.filter(district_ids__overlap=area_ids(slugs))


def by_goal(queryset: QuerySet, numbers: list[str]) -> QuerySet:
    """The objects named for any of the goals (their `sdg_ids`)."""
    return queryset.filter(sdg_ids__overlap=goal_ids(numbers))


def goal_ids(numbers: list[str]) -> list[int]:
    return _ids(
        "ids:goals", SustainableDevelopmentGoal.objects.values_list("number", "pk"), numbers
    )


@dataclass(frozen=True)
class Sort:
    key: str
    label: str
    ordering: tuple[str, ...] = ()
    needs_query: bool = False


class CappedPaginator(Paginator):
    """Counts at most `max_results` + 1 rows and pages through at most `max_results`.

    A count of every match of a common word is the slowest part of a search on a large
    table, and nobody pages through more than a thousand results: past the cap, the page
    says "more than 1,000" and asks for a narrower search.
    """

    object_list: QuerySet

    def __init__(self, object_list, per_page, max_results):
        super().__init__(object_list, per_page)
        self.max_results = max_results

    @cached_property
    def count(self):
        limited = self.object_list.order_by().values("pk")[: self.max_results + 1]
        return limited.count()

    @cached_property
    def num_pages(self):
        shown = min(self.count, self.max_results)
        return max(1, ceil(shown / self.per_page))

    @property
    def is_capped(self) -> bool:
        return self.count > self.max_results


class PageRows(Sequence):
    """A page's objects, read by their ids (one query, in the ids' order) only when
    something looks at them: a page rendered from cached rows never does."""

    def __init__(self, ids: list[int], fetch: Callable[[list[int]], dict[int, Any]]):
        self.ids = ids
        self._fetch = fetch

    @cached_property
    def objects(self) -> list:
        found = self._fetch(self.ids) if self.ids else {}
        return [found[pk] for pk in self.ids if pk in found]

    def __len__(self) -> int:
        return len(self.objects)

    def __getitem__(self, index):
        return self.objects[index]


class IdPaginator(CappedPaginator):
    """A `CappedPaginator` over the ids of the first `max_results` + 1 matches in the order
    shown, read by one query: the count is their number and a page is a slice of them,
    whose objects `fetch(ids)` reads when needed (`PageRows`)."""

    object_list: list[int]  # type: ignore[assignment]

    def __init__(self, ids: list[int], fetch, per_page, max_results):
        super().__init__(ids, per_page, max_results)
        self.fetch = fetch

    @cached_property
    def count(self):
        return len(self.object_list)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.max_results)
        return Page(PageRows(self.object_list[bottom:top], self.fetch), number, self)


def _fetch_rows(queryset: QuerySet) -> list[tuple]:
    """The rows of a `values_list` query of plain values (ids, ranks), read by a plain
    cursor: for a thousand ids, building them through the QuerySet takes longer than the
    query itself. Still the one query, compiled by Django."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class Highlighter:
    query: str
    words: frozenset[str] = frozenset()


class Overview:
    """Subclasses set `filters` (a method returning fresh Filter objects), `sorts`,
    `default_sort`, and the names of the search fields on the model; for the page, the
    cache namespace (the content version their services bump), the result template, the
    list and feed URL names and the texts that name their kind of thing."""

    cache_namespace = ""
    result_template = ""
    list_url_name = ""
    feed_url_name = ""
    submit_label = _("Show results")
    feed_link_text = _("Follow these results as an Atom feed")
    empty_filtered_heading = _("Nothing matches your search")
    show_all_text = _("Show all")
    empty_heading = _("Nothing has been published yet")
    empty_text = ""

    capped_message = _(
        "More than %(max)s results. Add a filter or another word to narrow the search."
    )

    def count_text(self, count: int) -> str:
        """ "23 challenges": a subclass names its kind of thing with its own plural forms."""
        return ngettext("%(counter)s result", "%(counter)s results", count) % {"counter": count}

    @property
    def count_line(self) -> str:
        """The line above the results: their number, or that there are more than the cap."""
        paginator = self.page.paginator
        if paginator.is_capped:
            return self.capped_message % {
                "max": number_format(self.max_results, force_grouping=True)
            }
        return self.count_text(paginator.count)

    page_size = 20
    max_results = 1000
    search_vector_field = "search_vector"
    search_config = "danish"
    sorts: tuple[Sort, ...] = ()
    default_sort = "newest"
    newest_ordering: tuple[str, ...] = ("-pk",)

    def __init__(self, params, queryset: QuerySet):
        self.params = params
        self.base_queryset = queryset
        self.query = " ".join(params.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
        self.filters = self.build_filters()
        self.ignored_values = []
        for overview_filter in self.filters:
            self.ignored_values += overview_filter.bind(params)
        sort_keys = {sort.key for sort in self.available_sorts}
        requested_sort = params.get("sort", "")
        if requested_sort in sort_keys:
            self.sort = requested_sort
        else:
            if requested_sort:
                self.ignored_values.append(requested_sort)
            self.sort = (
                "relevance" if self.query and "relevance" in sort_keys else self.default_sort
            )
        self._page: Page | None = None
        self.expansion = Expansion(terms=[])

    @property
    def highlighter(self) -> "Highlighter":
        """For the `highlight` filter: the search words and the words they were widened to
        (read after the results, which compute them)."""
        return Highlighter(self.query, self.expansion.matched_words)

    def build_filters(self) -> list[Filter]:
        return []

    @cached_property
    def rendered_filters(self) -> list[str]:
        """Each filter's choices (components/overview_filter.html), rendered once per chosen
        values and language and kept until the reference data changes: the choices are the
        reference data's or fixed in the code (portal.caching.reference_value)."""
        template = get_template("components/overview_filter.html")
        rendered = []
        for overview_filter in self.filters:
            chosen = [type(self).__name__, overview_filter.param, *overview_filter.selected]
            html = reference_value(
                "filter:" + digest(chosen),
                lambda f=overview_filter: template.render({"filter": f}),
            )
            rendered.append(mark_safe(html))  # noqa: S308  (our own rendered template)
        return rendered

    @property
    def available_sorts(self) -> list[Sort]:
        return [sort for sort in self.sorts if self.query or not sort.needs_query]

    @property
    def is_filtered(self) -> bool:
        return bool(self.query) or any(f.selected for f in self.filters)

    def matches(self) -> QuerySet:
        """The objects that the filters and the search words select, in no order."""
        queryset = self.apply_filters(self.base_queryset)
        if self.query:
            queryset = self.apply_search(queryset)
        return queryset

    def apply_filters(self, queryset: QuerySet) -> QuerySet:
        for overview_filter in self.filters:
            if overview_filter.selected:
                queryset = overview_filter.apply(queryset, overview_filter.selected)
        return queryset

    def listing_queryset(self) -> QuerySet | None:
        """A narrow copy of the visible objects, one row each with the same primary key and
        the fields that the filters and sorts use, which the page's ids query reads when
        nobody searches for words (solutions.models.SolutionListing); None: the ids come
        from the objects' own table."""
        return None

    def results(self) -> QuerySet:
        return self.apply_sort(self.matches())

    def ids_query(self) -> QuerySet:
        """The one query of a page: the ids of the first `max_results` + 1 results in the
        order shown; by relevance, the newest matches with their rank (`result_ids`)."""
        limit = self.max_results + 1
        if self.sort == "relevance":
            newest = self.matches().order_by(*self.newest_ordering)
            return newest.values_list("pk", "relevance")[:limit]
        listing = None if self.query else self.listing_queryset()
        matches = self.matches() if listing is None else self.apply_filters(listing)
        return self.apply_sort(matches).values_list("pk", flat=True)[:limit]

    def result_ids(self) -> list[int]:
        """The ids of the first `max_results` + 1 results in the order shown: their number
        is the count, and a page is a slice of them. By relevance, only the newest
        `max_results` matches are ranked (as `apply_sort` does), here in Python."""
        rows = _fetch_rows(self.ids_query())
        if self.sort != "relevance":
            return [row[0] for row in rows]
        ranked = sorted(rows[: self.max_results], key=lambda row: (-row[1], -row[0]))
        return [pk for pk, _rank in ranked + rows[self.max_results :]]

    def objects_by_id(self, ids: list[int]) -> dict[int, Any]:
        """The visible objects of `ids`, with the relations the result template shows."""
        return {item.pk: item for item in self.base_queryset.filter(pk__in=ids)}

    def apply_search(self, queryset: QuerySet) -> QuerySet:
        """Danish full-text search over the weighted fields, where each search word may also
        match as a prefix ('licens' finds 'licenser', 'ældre' finds 'ældreomsorg') or as one of
        the similar words in the lexicon (typos, and compounds that end with the word:
        'pensionister' finds 'førtidspensionister'); see portal.search."""
        search_query = SearchQuery(self.query, config=self.search_config, search_type="websearch")
        terms = WORD.findall(self.query.lower())[:MAX_TERMS]
        if terms:
            self.expansion = expand(terms)
            alternatives = self.expansion.tsquery_groups()
            search_query |= SearchQuery(
                " & ".join(f"({group})" for group in alternatives),
                config=self.search_config,
                search_type="raw",
            )
        return queryset.filter(**{self.search_vector_field: search_query}).annotate(
            relevance=SearchRank(F(self.search_vector_field), search_query)
        )

    def apply_sort(self, queryset: QuerySet) -> QuerySet:
        if self.sort == "relevance":
            # Ranking reads every match's search vector; for a common word that is tens of
            # thousands of rows. Only the newest `max_results` matches can be shown (see
            # CappedPaginator), so only those are ranked.
            newest = queryset.order_by(*self.newest_ordering).values("pk")[: self.max_results]
            return queryset.filter(pk__in=newest).order_by("-relevance", "-pk")
        sort = next(s for s in self.sorts if s.key == self.sort)
        return queryset.order_by(*sort.ordering)

    @property
    def page(self):
        if self._page is None:
            paginator = IdPaginator(
                self.result_ids(), self.objects_by_id, self.page_size, self.max_results
            )
            self._page = paginator.get_page(self.params.get("page"))
        return self._page

    # Namespaces besides `cache_namespace` whose changes the result rows show (for
    # example the organisation's name on a solution).
    row_namespaces: tuple[str, ...] = ()

    @cached_property
    def results_html(self) -> str:
        """The page's results as one piece of HTML (empty when there are none): each the
        `result_template` given `item` and `overview`, rendered once per content version,
        language, day and highlighted words and then kept per process
        (portal.caching.cached_rows): a page renders from the ids of one query and reads
        the objects only of rows that no page has rendered yet."""
        ids = self.page.object_list.ids
        template = get_template(self.result_template)

        def render(missing: list[int]) -> dict[int, str]:
            return {
                pk: template.render({"item": item, "overview": self})
                for pk, item in self.objects_by_id(missing).items()
            }

        highlighted = [self.query, *sorted(self.expansion.matched_words)] if self.query else []
        parts = [self.result_template, timezone.localdate().isoformat(), *highlighted]
        namespaces = [self.cache_namespace, *self.row_namespaces]
        rows = cached_rows(namespaces, parts, ids, render)
        return mark_safe("".join(rows))  # noqa: S308  (our own rendered template)

    @cached_property
    def filters_html(self) -> str:
        """The rendered filters as one piece of HTML."""
        return mark_safe("".join(self.rendered_filters))  # noqa: S308  (rendered filters)

    # Query strings -------------------------------------------------------------------

    def _pairs(self, *, without_param=None, without_value=None, drop_page=True):
        pairs = []
        if self.query and without_param != "q":
            pairs.append(("q", self.query))
        for overview_filter in self.filters:
            for value in overview_filter.selected:
                if overview_filter.param == without_param and value == without_value:
                    continue
                pairs.append((overview_filter.param, value))
        if self.sort != self.default_sort and not (self.sort == "relevance" and self.query):
            pairs.append(("sort", self.sort))
        if not drop_page and self.params.get("page"):
            pairs.append(("page", self.params.get("page")))
        return pairs

    @property
    def hidden_pairs_for_sort(self):
        """The search and filters, carried as hidden fields by the separate sort form."""
        return [pair for pair in self._pairs() if pair[0] != "sort"]

    def query_string(self) -> str:
        """The current selection, for feeds and shareable links (no page)."""
        return urlencode(self._pairs())

    def query_string_without_page(self) -> str:
        """For the pagination links: ends with '&' when not empty."""
        encoded = self.query_string()
        return f"{encoded}&" if encoded else ""

    def tags(self) -> list[dict]:
        """The active choices as removable tags: label and the URL without that choice."""
        tags = []
        if self.query:
            tags.append(
                {
                    "label": self.query,
                    "group": "q",
                    "remove_url": "?" + urlencode(self._pairs(without_param="q")),
                }
            )
        for overview_filter in self.filters:
            for value in overview_filter.selected:
                pairs = self._pairs(without_param=overview_filter.param, without_value=value)
                tags.append(
                    {
                        "label": overview_filter.label_of(value),
                        "group": overview_filter.label,
                        "remove_url": "?" + urlencode(pairs),
                    }
                )
        return tags


# The page around an overview ---------------------------------------------------------


def _cache_parts(params) -> list[str]:
    """The query string in a canonical order: the same choices share one cache entry."""
    parameters = sorted((key, sorted(values)) for key, values in params.lists())
    return [urlencode(parameters, doseq=True)]


def overview_page(
    request: HttpRequest,
    overview_class: type[Overview],
    queryset: Callable[[], QuerySet],
    template: str,
    context: dict | None = None,
) -> HttpResponse:
    """A public list page: the overview's content (filters, sort, count, results, pages,
    feed link; `components/overview.html`) rendered once per query string and kept for a
    few seconds (portal.caching), inside the app's own page `template`.

    `queryset()` gives the visible objects with their relations; it is called only when
    the content must be rendered. The context has `overview_html`, `feed_query` (the
    selection without the page, for the feed's <link>) and `page_obj`, evaluated only when
    something reads it (the tests do)."""

    def render_content() -> str:
        overview = overview_class(request.GET, queryset())
        content_context = {"overview": overview, "page_obj": overview.page}
        return render_to_string("components/overview.html", content_context)

    namespace = overview_class.cache_namespace
    html = cached_fragment(namespace, _cache_parts(request.GET), render_content)
    feed_parameters = request.GET.copy()
    feed_parameters.pop("page", None)
    page_context = {
        "overview_html": mark_safe(html),  # noqa: S308  (our own rendered template)
        "feed_query": feed_parameters.urlencode(),
        "feed_url_name": overview_class.feed_url_name,
        "page_obj": SimpleLazyObject(lambda: overview_class(request.GET, queryset()).page),
        **(context or {}),
    }
    return render(request, template, page_context)
