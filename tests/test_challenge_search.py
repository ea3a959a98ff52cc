"""Danish search in the challenge overview: full-text search with stemming over weighted
fields, plus trigram word similarity for partial words, compounds and small typos."""

import pytest
from django.urls import reverse

from tests.challenge_helpers import make_challenge

TEXTS = {
    "licenser": ("Genbrugte computere med licenser", "Kommunen kasserer 2.000 pc'er om året.", ""),
    "aeldreomsorg": ("Ny ældreomsorg i Valby", "Bedre dagligdag på plejecentrene.", ""),
    "ensomme": (
        "Besøgsvenner på plejecentre",
        "Frivillige besøger beboere.",
        "Mange ensomme beboere får aldrig besøg.",
    ),
    "cykelvaerksted": ("Cykelværksted for unge i Sydhavn", "Unge lærer et håndværk.", ""),
    "madspild": ("Mindre madspild i kommunens køkkener", "Overskudsmad skal bruges.", ""),
    "taghaver": ("Grønne tage på skolerne", "Vi søger partnere til taghaver på tre skoler.", ""),
    "ordblinde": ("Læsestøtte til ordblinde elever", "Hjælp til elever i 4.-6. klasse.", ""),
    "vaskeri": ("Vaskeri til plejecentre", "Tøjvask drevet af ledige.", ""),
    "flygtningekvinder": ("Job til flygtningekvinder", "Praktik i lokale virksomheder.", ""),
    "handicapidraet": ("Handicapidræt i Nørrebrohallen", "Flere tilbud om idræt.", ""),
    "lektiehjaelp": ("Lektiehjælp på skolebiblioteket", "Frivillige hjælper elever.", ""),
    "genbrug": ("Genbrug af kontormøbler", "Møbler fra rådhuset skal bruges igen.", ""),
    "kantinen": ("Drift af kantinen på Rådhuset", "Kantinen skal drives af ledige.", ""),
    "bydelsmoedre": ("Bydelsmødre i Tingbjerg", "Bydelsmødre hjælper familier.", ""),
    "foertidspensionister": ("Fællesskab for førtidspensionister", "Et mødested i Bispebjerg.", ""),
}

CASES = [
    ("licens", "licenser"),  # a partial word: the stemmer alone does not see it
    ("ældre", "aeldreomsorg"),  # the first part of a compound
    ("ensomhed", "ensomme"),  # the same stem in another form, in the description only
    ("cykel", "cykelvaerksted"),
    ("madspil", "madspild"),  # a small typo
    ("taghave", "taghaver"),  # singular finds plural
    ("ordblind", "ordblinde"),
    ("vaskerier", "vaskeri"),  # plural finds singular
    ("flygtninge", "flygtningekvinder"),
    ("handicap", "handicapidraet"),
    ("lektie", "lektiehjaelp"),
    ("genbrugt", "genbrug"),
    ("kantine", "kantinen"),  # indefinite finds definite
    ("bydelsmor", "bydelsmoedre"),
    ("pensionister", "foertidspensionister"),  # the last part of a compound
    ("ensomme beboere", "ensomme"),  # several words
]


@pytest.fixture
def challenges(civil_servant_bif):
    made = {}
    for key, (title, summary, description) in TEXTS.items():
        made[key] = make_challenge(
            civil_servant_bif, title=title, summary=summary, description=description or summary
        )
    return made


def _titles(client, query):
    response = client.get(reverse("challenges:list"), {"q": query})
    assert response.status_code == 200
    return [c.title for c in response.context["page_obj"].object_list]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_danish_search_finds(client, challenges, query, expected):
    assert challenges[expected].title in _titles(client, query)


def test_search_does_not_match_everything(client, challenges):
    titles = _titles(client, "kajakværksted")
    assert titles == []


def test_a_title_match_ranks_above_a_description_match(client, civil_servant_bif):
    make_challenge(
        civil_servant_bif,
        title="Fællesspisning i Valby",
        summary="Mad og samvær.",
        description="Mange borgere er ensomme og savner fællesskab.",
    )
    make_challenge(
        civil_servant_bif,
        title="Ensomme ældre skal have besøg",
        summary="Besøgsvenner.",
        description="x",
    )
    titles = _titles(client, "ensomme")
    assert titles[0] == "Ensomme ældre skal have besøg"
    assert "Fællesspisning i Valby" in titles


def test_matches_are_highlighted_in_the_results(client, challenges):
    content = client.get(reverse("challenges:list"), {"q": "licens"}).content.decode()
    assert "<mark>licenser</mark>" in content


def test_search_combines_with_filters(client, challenges):
    response = client.get(reverse("challenges:list"), {"q": "licens", "collaboration": "premises"})
    assert list(response.context["page_obj"].object_list) == []
