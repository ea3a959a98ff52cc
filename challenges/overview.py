"""The public challenge overview, built on the shared overview mechanism."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from challenges.models import Collaboration
from portal.overview import (
    Choice,
    Filter,
    Overview,
    Sort,
    administration_choices,
    administration_ids,
    area_choices,
    by_area,
    by_goal,
    goal_choices,
)

DEADLINE_WINDOWS = {"14": 14, "30": 30, "90": 90}


def _by_administration(queryset, slugs):
    return queryset.filter(administration_ids__overlap=administration_ids(slugs))


def _by_state(queryset, states):
    if set(states) == {"open", "closed"}:
        return queryset
    if "open" in states:
        return queryset.open_for_responses()
    return queryset.closed_for_responses()


def _by_deadline(queryset, windows):
    days = max(DEADLINE_WINDOWS[w] for w in windows)
    today = timezone.localdate()
    return queryset.open_for_responses(today).filter(deadline__lte=today + timedelta(days=days))


class ChallengeOverview(Overview):
    cache_namespace = "challenges"
    result_template = "challenges/includes/result.html"
    list_url_name = "challenges:list"
    feed_url_name = "challenges:feed"
    submit_label = _("Show challenges")
    feed_link_text = _("Follow these challenges as an Atom feed")
    capped_message = _(
        "More than %(max)s challenges. Add a filter or another word to narrow the search."
    )
    empty_filtered_heading = _("No challenges match your search")
    show_all_text = _("Show all challenges")
    empty_heading = _("No challenges have been published yet")
    empty_text = _("When the City's administrations publish challenges, you will find them here.")

    def count_text(self, count: int) -> str:
        return ngettext("%(counter)s challenge", "%(counter)s challenges", count) % {
            "counter": count
        }

    sorts = (
        Sort("newest", _("Newest"), ("-published_at", "-pk")),
        Sort("deadline", _("Deadline soonest"), ("deadline", "pk")),
        Sort("relevance", _("Relevance"), needs_query=True),
    )
    default_sort = "newest"
    newest_ordering = ("-published_at", "-pk")

    def build_filters(self):
        return [
            Filter(
                "administration",
                _("Administration"),
                administration_choices,
                _by_administration,
            ),
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
                "collaboration",
                _("Kind of collaboration"),
                lambda: [Choice(value, label) for value, label in Collaboration.choices],
                lambda queryset, values: queryset.filter(collaboration__in=values),
            ),
            Filter(
                "state",
                _("Open or closed"),
                lambda: [
                    Choice("open", _("Open for responses")),
                    Choice("closed", _("Closed for responses")),
                ],
                _by_state,
            ),
            Filter(
                "deadline",
                _("Deadline"),
                lambda: [
                    Choice("14", _("Within 2 weeks")),
                    Choice("30", _("Within 30 days")),
                    Choice("90", _("Within 3 months")),
                ],
                _by_deadline,
            ),
        ]
