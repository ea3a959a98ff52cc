from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge
from challenges.overview import ChallengeOverview

FEED_SIZE = 50


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose summaries are plain text (`type="text"`): Django marks them as HTML,
    so feed readers would turn the escaped text of a summary back into markup."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ChallengeFeed(Feed):
    """The newest published challenges as Atom, with the same filters as the overview."""

    feed_type = PlainTextAtom1Feed
    title = _("Challenges – Social entrepreneurship in Copenhagen")
    subtitle = _("What the City of Copenhagen's administrations need solved.")

    def get_object(self, request):
        return ChallengeOverview(request.GET, Challenge.objects.published().select_related("owner"))

    def link(self, overview):
        query = overview.query_string()
        return reverse("challenges:list") + (f"?{query}" if query else "")

    def items(self, overview):
        return overview.results()[:FEED_SIZE]

    def item_title(self, challenge):
        return challenge.title

    def item_description(self, challenge):
        return challenge.summary

    def item_pubdate(self, challenge):
        return challenge.published_at

    def item_updateddate(self, challenge):
        return challenge.updated_at

    def item_author_name(self, challenge):
        return challenge.owner.name

    def item_categories(self, challenge):
        return [challenge.get_collaboration_display()]
