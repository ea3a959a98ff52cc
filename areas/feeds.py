from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from areas import selectors

PER_KIND = 20
FEED_SIZE = 50


class AreaFeed(Feed):
    """What is new in one local area: organisations, published solutions and open
    challenges, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return selectors.area_by_slug(slug)

    def title(self, area):
        return _("%(area)s – Social entrepreneurship in Copenhagen") % {"area": area.name}

    def subtitle(self, area):
        return _("New organisations, solutions and open challenges in %(area)s.") % {
            "area": area.name
        }

    def link(self, area):
        return reverse("areas:detail", args=[area.slug])

    def items(self, area):
        entries = [
            (organisation.created_at, _("Organisation"), organisation, organisation.name)
            for organisation in selectors.organisations_in(area)[:PER_KIND]
        ]
        entries += [
            (solution.published_at, _("Solution"), solution, solution.title)
            for solution in selectors.solutions_in(area)[:PER_KIND]
        ]
        entries += [
            (challenge.published_at, _("Challenge"), challenge, challenge.title)
            for challenge in selectors.open_challenges_in(area)[:PER_KIND]
        ]
        entries.sort(key=lambda entry: (entry[0] is not None, entry[0]), reverse=True)
        return entries[:FEED_SIZE]

    def item_title(self, entry):
        return f"{entry[1]}: {entry[3]}"

    def item_description(self, entry):
        item = entry[2]
        return getattr(item, "summary", "") or ""

    def item_link(self, entry):
        return entry[2].get_absolute_url()

    def item_pubdate(self, entry):
        return entry[0]
