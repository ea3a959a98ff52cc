from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from areas import selectors
from portal.models import LocalCommitteeArea
from portal.overview import CappedPaginator

PAGE_SIZE = 10
MAX_RESULTS = 1000
# The three lists of an area page; the query string's `list` says which one `page` pages.
LISTS = ("organisations", "solutions", "challenges")


def area_list(request):
    return render(request, "areas/list.html", {"areas": selectors.areas_with_counts()})


def _page(queryset, number):
    return CappedPaginator(queryset, PAGE_SIZE, MAX_RESULTS).get_page(number)


def area_detail(request, slug):
    area = get_object_or_404(LocalCommitteeArea, slug=slug)
    paged = request.GET.get("list")
    number = request.GET.get("page")
    querysets = {
        "organisations": selectors.organisations_in(area),
        "solutions": selectors.solutions_in(area),
        "challenges": selectors.open_challenges_in(area),
    }
    pages = {
        name: _page(queryset, number if name == paged else 1)
        for name, queryset in querysets.items()
    }
    context = {
        "area": area,
        "pages": pages,
        "breadcrumb_trail": [(_("Local areas"), reverse("areas:list"))],
    }
    return render(request, "areas/detail.html", context)
