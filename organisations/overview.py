"""The public organisation overview, built on the shared overview mechanism."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.overview import (
    Choice,
    Filter,
    Overview,
    Sort,
    area_choices,
    by_area,
    by_goal,
    goal_choices,
)


def _by_rsv(queryset, values):
    if set(values) == {"yes", "no"}:
        return queryset
    return queryset.filter(is_rsv_registered="yes" in values)


class OrganisationOverview(Overview):
    cache_namespace = "organisations"  # bumped by organisations.services
    result_template = "organisations/includes/result.html"
    list_url_name = "organisations:list"
    submit_label = _("Show organisations")
    capped_message = _(
        "More than %(max)s organisations. Add a filter or another word to narrow the search."
    )
    empty_filtered_heading = _("No organisations match your search")
    show_all_text = _("Show all organisations")
    empty_heading = _("No organisations are registered yet.")

    def count_text(self, count: int) -> str:
        return ngettext("%(counter)s organisation", "%(counter)s organisations", count) % {
            "counter": count
        }

    sorts = (
        Sort("name", _("Name (A–Å)"), ("name", "pk")),
        Sort("newest", _("Newest"), ("-created_at", "-pk")),
        Sort("relevance", _("Relevance"), needs_query=True),
    )
    default_sort = "name"
    newest_ordering = ("-created_at", "-pk")

    def build_filters(self):
        return [
            Filter("district", _("Local committee area"), area_choices, by_area),
            Filter("sdg", _("Sustainable Development Goal"), goal_choices, by_goal),
            Filter(
                "rsv",
                _("Registered social enterprise (RSV)"),
                lambda: [
                    Choice("yes", _("Registered (RSV)")),
                    Choice("no", _("Not registered")),
                ],
                _by_rsv,
            ),
        ]
