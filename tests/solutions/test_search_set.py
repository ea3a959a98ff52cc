"""The Danish search test set, run against both overviews (challenges and solutions):
compounds that end with the word, first parts, inflections, typos of one or two letters in
words of six letters or more, several words; and texts that merely share letters with the
query, which must not be found."""

import pytest
from django.urls import reverse

from tests.solutions.conftest import make_published_challenge, make_solution

TEXTS = {
    "folkeskoler": ("Naturfag i folkeskolerne", "Forløb for elever i 7. klasse.", ""),
    "cykelvaerksteder": ("Cykelværksteder i boligområderne", "Unge reparerer cykler.", ""),
    "aeldreomsorg": ("Ny ældreomsorg i Valby", "Bedre dagligdag på plejecentrene.", ""),
    "ensomme": (
        "Besøgsvenner på plejecentre",
        "Frivillige besøger beboere.",
        "Mange ensomme beboere får aldrig besøg.",
    ),
    "madspild": ("Mindre madspild i køkkenerne", "Overskudsmad bliver til frokost.", ""),
    "taghaver": ("Taghaver på tagene", "Grønne tage med bede og bistader.", ""),
    "ordblinde": ("Læsestøtte til ordblinde elever", "Hjælp til elever i 4.-6. klasse.", ""),
    "flygtningekvinder": ("Job til flygtningekvinder", "Praktik i lokale virksomheder.", ""),
    "lektiehjaelp": ("Lektiehjælp på biblioteket", "Frivillige hjælper elever.", ""),
    "bydelsmoedre": ("Bydelsmødre i Tingbjerg", "Mødre hjælper familier i området.", ""),
    "foertidspensionister": ("Fællesskab for førtidspensionister", "Et mødested.", ""),
    "genbrugsbutik": ("Genbrugsbutik drevet af frivillige", "Tøj og møbler sælges.", ""),
    "beskaeftigelse": (
        "Beskæftigelse for langtidsledige",
        "Virksomhedspraktik med mentor.",
        "",
    ),
    "psykisk": ("Fællesskab for borgere med psykisk sårbarhed", "Et trygt værested.", ""),
    "hjemloese": ("Varmestue for hjemløse", "Mad og varme om vinteren.", ""),
    "kantine": ("Socialøkonomisk kantine på rådhuset", "Frokost lavet af praktikanter.", ""),
    "sundhedsfremme": ("Sundhedsfremme for småbørnsfamilier", "Kurser om kost og søvn.", ""),
    "vaskeri": ("Vaskeri til plejecentre", "Tøjvask drevet af ledige.", ""),
    "rengoering": ("Rengøring af parker", "Et hold holder parkerne rene.", ""),
    "sprogcafe": ("Sprogcafé for nydanskere", "Samtaler over en kop kaffe.", ""),
    "motionstilbud": ("Motionstilbud til overvægtige børn", "Leg og bevægelse.", ""),
    "maaltider": ("Sunde måltider i daginstitutionerne", "Økologisk mad fra bunden.", ""),
    "computerhjaelp": ("Computerhjælp til seniorer", "Hjælp med NemID og e-Boks.", ""),
    "havearbejde": ("Havearbejde som rehabilitering", "Grønne hænder, rolige sind.", ""),
    "tekstilgenbrug": ("Tekstilgenbrug fra institutionerne", "Gamle lagner bliver til nye.", ""),
}

CASES = [
    # compounds that end with the word
    ("skole", "folkeskoler"),
    ("værksted", "cykelvaerksteder"),
    ("pensionister", "foertidspensionister"),
    ("kvinder", "flygtningekvinder"),
    ("butik", "genbrugsbutik"),
    ("omsorg", "aeldreomsorg"),
    ("café", "sprogcafe"),
    ("ledige", "beskaeftigelse"),
    ("genbrug", "tekstilgenbrug"),
    ("hjælp", "lektiehjaelp"),
    ("hjælp", "computerhjaelp"),
    # the first part of a compound, and inflections
    ("ældre", "aeldreomsorg"),
    ("cykel", "cykelvaerksteder"),
    ("lektie", "lektiehjaelp"),
    ("sundhed", "sundhedsfremme"),
    ("måltid", "maaltider"),
    ("ensomhed", "ensomme"),
    ("taghave", "taghaver"),
    ("ordblind", "ordblinde"),
    ("vaskerier", "vaskeri"),
    ("kantinen", "kantine"),
    ("bydelsmor", "bydelsmoedre"),
    ("hjemløs", "hjemloese"),
    # a one-letter typo in a word of six letters or more
    ("madspil", "madspild"),
    ("cykelværksteer", "cykelvaerksteder"),
    ("rengørng", "rengoering"),
    ("beskæftigelsr", "beskaeftigelse"),
    ("flygtnigekvinder", "flygtningekvinder"),
    ("psykist", "psykisk"),
    ("motinstilbud", "motionstilbud"),
    ("ordblinne", "ordblinde"),
    # two letters wrong
    ("havarbejd", "havearbejde"),
    ("komputerhjelp", "computerhjaelp"),
    ("vaskrei", "vaskeri"),
    ("sundhedsfrme", "sundhedsfremme"),
    # several words
    ("ensomme beboere", "ensomme"),
    ("sunde måltider", "maaltider"),
    ("psykisk sårbarhed", "psykisk"),
]

MUST_NOT = [
    ("kajakværksted", "cykelvaerksteder"),
    ("skolebus", "folkeskoler"),
    ("madpakke", "madspild"),
    ("vaskemaskine", "vaskeri"),
    ("kantsten", "kantine"),
    ("hjemmehjælp", "lektiehjaelp"),
    ("bydelsfest", "bydelsmoedre"),
    ("ældrebolig", "aeldreomsorg"),
    ("motorvej", "motionstilbud"),
    ("sprogskole", "sprogcafe"),
]

OVERVIEWS = ["challenges:list", "solutions:list"]


@pytest.fixture
def texts(civil_servant_bif, entrepreneur):
    titles = {}
    for key, (title, summary, description) in TEXTS.items():
        make_published_challenge(
            civil_servant_bif, title=title, summary=summary, description=description
        )
        make_solution(
            entrepreneur, title=title, summary=summary, description=description or summary
        )
        titles[key] = title
    return titles


def _titles(client, overview, query):
    response = client.get(reverse(overview), {"q": query})
    assert response.status_code == 200
    return [item.title for item in response.context["page_obj"].object_list]


def test_the_set_is_large_enough():
    assert len(CASES) >= 30
    assert {key for _query, key in CASES} <= set(TEXTS)


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_every_query_finds_its_text(client, texts, overview):
    missed = [
        (query, key) for query, key in CASES if texts[key] not in _titles(client, overview, query)
    ]
    assert missed == []


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_unrelated_texts_are_not_found(client, texts, overview):
    found = [
        (query, key) for query, key in MUST_NOT if texts[key] in _titles(client, overview, query)
    ]
    assert found == []


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_a_common_stem_does_not_crowd_out_the_compound(
    client, civil_servant_bif, entrepreneur, texts, overview
):
    """Twelve words that start with "skole" (more than the eight similar words that were
    taken before) do not hide "folkeskolerne"."""
    for n, word in enumerate(
        [f"skole{suffix}" for suffix in ("børn", "gård", "bus", "tid", "start", "køkken")]
        + [f"skole{n}{'x' * n}" for n in range(6)]
    ):
        make_published_challenge(civil_servant_bif, title=f"Om {word}", summary=f"Nr. {n}.")
        make_solution(entrepreneur, title=f"Om {word}", summary=f"Nr. {n}.")
    assert texts["folkeskoler"] in _titles(client, overview, "skole")


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_compounds_and_typos_are_highlighted(client, texts, overview):
    content = client.get(reverse(overview), {"q": "værksted"}).content.decode()
    assert "<mark>Cykelværksteder</mark>" in content
    content = client.get(reverse(overview), {"q": "madspil"}).content.decode()
    assert "<mark>madspild</mark>" in content
