"""The front page's sections (portal.hooks `home_sections`): the newest open challenges and
the newest published solutions, one query each."""

from django.utils.translation import gettext as _

from challenges.models import Challenge
from portal.hooks import Part
from solutions.models import Solution

NEWEST = 4


def home_sections(request) -> list[Part]:
    challenges = list(
        Challenge.objects.open_for_responses()
        .select_related("owner")
        .only("title", "summary", "deadline", "owner__name_da", "owner__name_en")
        .order_by("-published_at", "-pk")[:NEWEST]
    )
    solutions = list(
        Solution.objects.published()
        .select_related("organisation")
        .only("title", "summary", "organisation__name", "organisation__slug")
        .order_by("-published_at", "-pk")[:NEWEST]
    )
    return [
        Part(
            key="challenges",
            heading=_("Newest open challenges"),
            template="sitesearch/home_challenges.html",
            context={"challenges": challenges},
            order=10,
        ),
        Part(
            key="solutions",
            heading=_("Newest solutions"),
            template="sitesearch/home_solutions.html",
            context={"solutions": solutions},
            order=20,
        ),
    ]
