from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from areas import selectors
from portal.caching import cached_fragment_for
from portal.overview import CappedPaginator

PAGE_SIZE = 10
# An area page shows the newest hundred of each kind; the full overview, filtered on the
# area, has the rest (the link under each list).
MAX_RESULTS = 100
# The three lists of an area page; the query string's `list` says which one `page` pages.
LISTS = ("organisations", "solutions", "challenges")


def area_list(request):
    """The twelve areas with their counts: the rendered cards are kept a few seconds, like
    an overview's list (the counts themselves a minute, `selectors.areas_with_counts`)."""
    html = cached_fragment_for(
        NAMESPACES,
        ["area-list"],
        lambda: render_to_string(
            "areas/includes/area_cards.html", {"areas": selectors.areas_with_counts()}
        ),
    )
    return render(
        request,
        "areas/list.html",
        {"cards_html": mark_safe(html)},  # noqa: S308  (our own rendered template)
    )


class NewestFirstPaginator(CappedPaginator):
    """Counts along the list's own order: the newest-first index finds the first 101
    matches of a common area at once, where a count without order reads every match."""

    @cached_property
    def count(self):
        return self.object_list.values("pk")[: self.max_results + 1].count()


def _page(queryset, number):
    return NewestFirstPaginator(queryset, PAGE_SIZE, MAX_RESULTS).get_page(number)


# An area page shows organisations, solutions and challenges.
NAMESPACES = ["organisations", "solutions", "challenges"]


def _lists_html(area, paged: str, number: str) -> str:
    querysets = {
        "organisations": selectors.organisations_in(area),
        "solutions": selectors.solutions_in(area),
        "challenges": selectors.open_challenges_in(area),
    }
    pages = {
        name: _page(queryset, number if name == paged else 1)
        for name, queryset in querysets.items()
    }
    return render_to_string("areas/includes/lists.html", {"area": area, "pages": pages})


def area_detail(request, slug):
    """An area's organisations, solutions and open challenges, each list paged on its own
    (`?list=solutions&page=2`); rendered once per page and kept for a few seconds."""
    area = selectors.area_by_slug(slug)
    paged = request.GET.get("list", "")
    paged = paged if paged in LISTS else ""
    number = request.GET.get("page", "1") if paged else "1"
    html = cached_fragment_for(
        NAMESPACES, ["area", area.slug, paged, number], lambda: _lists_html(area, paged, number)
    )
    context = {
        "area": area,
        "lists_html": mark_safe(html),  # noqa: S308  (our own rendered template)
        "breadcrumb_trail": [(_("Local areas"), reverse("areas:list"))],
    }
    return render(request, "areas/detail.html", context)
