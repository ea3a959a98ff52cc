from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from solutions.models import Solution
from solutions.overview import SolutionOverview

FEED_SIZE = 50


class PlainTextAtom1Feed(Atom1Feed):
    """Atom with each entry's summary as plain text (`type="text"`), not HTML."""

    def add_item_elements(self, handler, item):
        summary = item.get("description")
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


class SolutionFeed(Feed):
    """The newest published solutions as Atom, with the same filters as the overview; each
    entry's summary is plain text (the solution's short summary)."""

    feed_type = PlainTextAtom1Feed
    title = _("Solutions – Social entrepreneurship in Copenhagen")
    subtitle = _("What social enterprises in Copenhagen offer, and what it has achieved.")

    def get_object(self, request):
        queryset = Solution.objects.published().select_related("organisation")
        return SolutionOverview(request.GET, queryset.defer("description", "search_vector"))

    def link(self, overview):
        query = overview.query_string()
        return reverse("solutions:list") + (f"?{query}" if query else "")

    def items(self, overview):
        return overview.results()[:FEED_SIZE]

    def item_title(self, solution):
        return solution.title

    def item_description(self, solution):
        return solution.summary

    def item_pubdate(self, solution):
        return solution.published_at

    def item_updateddate(self, solution):
        return solution.updated_at

    def item_author_name(self, solution):
        return solution.organisation.name

    def item_categories(self, solution):
        return solution.collaboration_labels
