"""The public solution overview, built on the shared overview mechanism."""

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
from portal.vocabulary import Collaboration, TargetGroup
from solutions.models import PriceModel, SolutionListing


def _by_rsv(queryset, values):
    if set(values) == {"yes", "no"}:
        return queryset
    return queryset.filter(organisation__is_rsv_registered="yes" in values)


def _choices(text_choices):
    return lambda: [Choice(value, label) for value, label in text_choices.choices]


class SolutionOverview(Overview):
    cache_namespace = "solutions"
    row_namespaces = ("organisations",)  # a result shows its organisation's name and RSV
    result_template = "solutions/includes/result.html"
    list_url_name = "solutions:list"
    feed_url_name = "solutions:feed"
    submit_label = _("Show solutions")
    feed_link_text = _("Follow these solutions as an Atom feed")
    capped_message = _(
        "More than %(max)s solutions. Add a filter or another word to narrow the search."
    )
    empty_filtered_heading = _("No solutions match your search")
    show_all_text = _("Show all solutions")
    empty_heading = _("No solutions have been published yet")
    empty_text = _("When social enterprises publish their solutions, you will find them here.")

    sorts = (
        Sort("newest", _("Newest"), ("-published_at", "-pk")),
        Sort("title", _("Title (A–Å)"), ("title", "pk")),
        Sort("relevance", _("Relevance"), needs_query=True),
    )
    default_sort = "newest"
    newest_ordering = ("-published_at", "-pk")

    def listing_queryset(self):
        """The narrow listing of the published solutions (solutions.models.SolutionListing):
        a filtered page reads one small row per match instead of a wide solution."""
        return SolutionListing.objects.all()

    def count_text(self, count: int) -> str:
        return ngettext("%(counter)s solution", "%(counter)s solutions", count) % {"counter": count}

    def build_filters(self):
        return [
            Filter(
                "district",
                _("Local committee area"),
                area_choices,
                by_area,
            ),
            Filter(
                "sdg",
                _("Sustainable Development Goal"),
                goal_choices,
                by_goal,
            ),
            Filter(
                "target_group",
                _("Target group"),
                _choices(TargetGroup),
                lambda queryset, values: queryset.filter(target_groups__overlap=values),
            ),
            Filter(
                "collaboration",
                _("Kind of collaboration"),
                _choices(Collaboration),
                lambda queryset, values: queryset.filter(collaborations__overlap=values),
            ),
            Filter(
                "price",
                _("Price model"),
                _choices(PriceModel),
                lambda queryset, values: queryset.filter(price_model__in=values),
            ),
            Filter(
                "rsv",
                _("Registered social enterprise (RSV)"),
                lambda: [
                    Choice("yes", _("Registered social enterprise")),
                    Choice("no", _("Not registered")),
                ],
                _by_rsv,
            ),
        ]
