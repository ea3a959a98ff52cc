"""The pools' public register of grants, built on the shared overview mechanism
(portal/overview.py): filters on pool, year, SDG, local committee area and report status,
sorts by date, amount and title, and a search over the title and the organisation's name.
The page and the CSV export read the same query string through the same filtering."""

from django.db.models import Q
from django.template.loader import get_template
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from advisory.models import Application, Pool, ReportStatus
from advisory.signals import CONTENT_NAMESPACE
from portal.overview import (
    Choice,
    Filter,
    Overview,
    Sort,
    area_choices,
    area_ids,
    goal_choices,
    goal_ids,
)


def _by_pool(queryset, values):
    return queryset.filter(pool_id__in=[int(value) for value in values])


def _by_year(queryset, values):
    return queryset.filter(pool__year__in=[int(value) for value in values])


def _by_goal(queryset, numbers):
    applications = Application.goals.through.objects.filter(
        sustainabledevelopmentgoal_id__in=goal_ids(numbers)
    ).values("application_id")
    return queryset.filter(application_id__in=applications)


def _by_area(queryset, slugs):
    applications = Application.areas.through.objects.filter(
        localcommitteearea_id__in=area_ids(slugs)
    ).values("application_id")
    return queryset.filter(application_id__in=applications)


def _by_report(queryset, values):
    return queryset.filter(report_status__in=values)


def _report_choices() -> list[Choice]:
    return [Choice(value, str(label)) for value, label in ReportStatus.choices]


class GrantOverview(Overview):
    """Every public grant (`register_grants`); the filters' pools and years are read once
    per overview from the pools' small table."""

    cache_namespace = CONTENT_NAMESPACE  # bumped by every change of the council's objects
    row_namespaces = ("organisations",)  # the organisation's name on a row
    result_template = "advisory/pool/includes/register_result.html"
    list_url_name = "pool:register"
    submit_label = _("Show grants")
    capped_message = _(
        "More than %(max)s grants. Add a filter or another word to narrow the search."
    )
    empty_filtered_heading = _("No grants match your search")
    show_all_text = _("Show every grant")
    empty_heading = _("No grants yet.")
    page_size = 25

    sorts = (
        Sort("newest", _("Newest"), ("-decided_on", "-pk")),
        Sort("amount", _("Largest amount"), ("-amount", "-pk")),
        Sort("title", _("Title (A–Å)"), ("application__proposal__title", "pk")),
    )
    default_sort = "newest"
    newest_ordering = ("-decided_on", "-pk")

    def count_text(self, count: int) -> str:
        return ngettext("%(counter)s grant", "%(counter)s grants", count) % {"counter": count}

    def build_filters(self):
        pools = list(Pool.objects.select_related("area"))
        years = sorted({pool.year for pool in pools}, reverse=True)
        return [
            Filter("pool", _("Pool"), lambda: [Choice(str(p.pk), str(p)) for p in pools], _by_pool),
            Filter("year", _("Year"), lambda: [Choice(str(y), str(y)) for y in years], _by_year),
            Filter("sdg", _("Sustainable Development Goal"), goal_choices, _by_goal),
            Filter("area", _("Local committee area"), area_choices, _by_area),
            Filter("report", _("Report"), _report_choices, _by_report),
        ]

    @cached_property
    def rendered_filters(self) -> list[str]:
        """Rendered each time the overview's content is: the pools and years are not
        reference data, so a new pool must show at once (the content itself is cached)."""
        template = get_template("components/overview_filter.html")
        return [
            mark_safe(template.render({"filter": f}))  # noqa: S308  (our own template)
            for f in self.filters
        ]

    def apply_search(self, queryset):
        """The grants whose title or organisation's name contains the words as typed."""
        return queryset.filter(
            Q(application__proposal__title__icontains=self.query)
            | Q(application__proposal__organisation__name__icontains=self.query)
        )
