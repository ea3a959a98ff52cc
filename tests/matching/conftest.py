"""Twenty challenges and forty solutions where a person agrees on the best match.

Theme i has a challenge, its best solution A (same goal, area, target group, kind of
collaboration and the theme's words) and a runner-up B (same goal, target group and words,
another area, another kind). Themes 2k and 2k+1 share a goal, so the third a person would
name is the sibling theme's A.
"""

from dataclasses import dataclass

import pytest

from challenges.models import Challenge
from matching import services
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal
from portal.vocabulary import Collaboration, TargetGroup
from solutions.models import Solution
from tests.factories import ChallengeFactory, OrganisationFactory, UserFactory, member_of
from tests.solutions.conftest import make_solution

THEMES = [
    ("ensomhed fællesspisning", "Ældre spiser sammen"),
    ("lektiehjælp frivillige", "Lektiecafé for skolebørn"),
    ("cykelværksted reparation", "Unge reparerer cykler"),
    ("byhaver kompost", "Grønne byhaver i gården"),
    ("genbrug møbler", "Møbler får nyt liv"),
    ("madspild overskudsmad", "Overskudsmad til borgerne"),
    ("motion løbeklub", "Løbeklub for alle"),
    ("psykiatri samtalegrupper", "Samtalegrupper om angst"),
    ("hjemløse natcafé", "Natcafé med varm suppe"),
    ("sprogundervisning dansk", "Dansk i hverdagen"),
    ("iværksættere mentorordning", "Mentorer for nye iværksættere"),
    ("skraldindsamling strande", "Rene strande og parker"),
    ("musikundervisning orkester", "Orkester i opgangen"),
    ("kantinedrift økologi", "Økologisk kantine med ledige"),
    ("it-hjælp computere", "Hjælp til computer og mitid"),
    ("teater dramaværksted", "Dramaværksted for børn"),
    ("familierådgivning forældre", "Stærke forældre"),
    ("beskæftigelse praktikpladser", "Praktikpladser i butikker"),
    ("vandreture naturformidling", "Vandreture i naturen"),
    ("syværksted tekstiler", "Syværksted med tekstiler"),
]


@dataclass
class Theme:
    challenge: Challenge
    best: Solution
    second: Solution


def _theme_fields(i):
    areas = list(LocalCommitteeArea.objects.order_by("pk"))
    goals = list(SustainableDevelopmentGoal.objects.order_by("number"))
    groups = list(TargetGroup)
    kinds = list(Collaboration)
    words, title = THEMES[i]
    return {
        "words": words,
        "title": title,
        "area": areas[i % len(areas)],
        "other_area": areas[(i + 5) % len(areas)],
        "goal": goals[(i // 2) % len(goals)],
        "group": groups[i % len(groups)].value,
        "kind": kinds[i % len(kinds)].value,
        "other_kind": kinds[(i + 3) % len(kinds)].value,
    }


def _challenge(f):
    return ChallengeFactory(
        title=f"{f['title']}: vi søger en partner",
        summary=f"Forvaltningen søger hjælp med {f['words']} i lokalområdet.",
        description=f"Vi vil styrke indsatsen for {f['words']} sammen med en social virksomhed.",
        districts=[f["area"]],
        sdgs=[f["goal"]],
        target_groups=[f["group"]],
        collaboration=f["kind"],
    )


def _solution(user, f, *, best):
    return make_solution(
        user,
        title=f"{f['title']} – {'vores' if best else 'et andet'} tilbud",
        summary=f"Vi arbejder med {f['words']} hver uge.",
        description=f"Erfarne folk står for {f['words']}.",
        problem=f"Behovet for {f['words']} er stort.",
        districts=[f["area"] if best else f["other_area"]],
        sdgs=[f["goal"]],
        target_groups=[f["group"]],
        collaborations=[f["kind"] if best else f["other_kind"]],
    )


def refresh_all():
    for pk in Challenge.objects.values_list("pk", flat=True):
        services.suggestions_refresh(kind=services.CHALLENGE, pk=pk)
    for pk in Solution.objects.values_list("pk", flat=True):
        services.suggestions_refresh(kind=services.SOLUTION, pk=pk)


@pytest.fixture
def themes(db):
    organisation = OrganisationFactory(name="Fælles Fremtid", slug="faelles-fremtid")
    user = member_of(organisation, UserFactory(email="alma@example.org"))
    result = []
    for i in range(len(THEMES)):
        f = _theme_fields(i)
        result.append(
            Theme(_challenge(f), _solution(user, f, best=True), _solution(user, f, best=False))
        )
    refresh_all()
    return result
