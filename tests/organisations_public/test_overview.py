"""The organisation overview on the shared overview mechanism: search, area, goal, RSV."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import caching
from tests.organisations_public.makers import make_organisation

LIST = reverse("organisations:list")


@pytest.fixture
def organisations(db):
    return {
        "cykler": make_organisation(
            name="Cykelværkstedet Sydhavn ApS",
            purpose="Unge lærer at reparere cykler i et cykelværksted.",
            areas=["kongens-enghave"],
            sdgs=[4, 8],
            is_rsv_registered=True,
        ),
        "mad": make_organisation(
            name="Madfællesskabet Valby",
            purpose="Folkekøkken med fællesspisning af overskudsvarer.",
            areas=["valby"],
            sdgs=[2],
        ),
        "ældre": make_organisation(
            name="Ældre Hjælper Ældre",
            purpose="Besøgsvenner, der bryder ensomhed blandt ældre.",
            areas=["oesterbro", "valby"],
            sdgs=[3],
        ),
    }


def names(response):
    return sorted(o.name for o in response.context["page_obj"].object_list)


def test_lists_all_by_name(client, organisations):
    response = client.get(LIST)
    assert response.status_code == 200
    assert [o.name for o in response.context["page_obj"].object_list] == [
        "Cykelværkstedet Sydhavn ApS",
        "Madfællesskabet Valby",
        "Ældre Hjælper Ældre",
    ]


def test_search_finds_a_compound_in_the_purpose(client, organisations):
    assert names(client.get(LIST, {"q": "værksted"})) == ["Cykelværkstedet Sydhavn ApS"]


def test_search_finds_the_start_of_a_word(client, organisations):
    assert names(client.get(LIST, {"q": "fællesspis"})) == ["Madfællesskabet Valby"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"district": "valby"}, ["Madfællesskabet Valby", "Ældre Hjælper Ældre"]),
        ({"district": ["valby", "kongens-enghave"]}, None),
        ({"sdg": "3"}, ["Ældre Hjælper Ældre"]),
        ({"rsv": "yes"}, ["Cykelværkstedet Sydhavn ApS"]),
        ({"rsv": "no"}, ["Madfællesskabet Valby", "Ældre Hjælper Ældre"]),
        ({"district": "valby", "sdg": "2"}, ["Madfællesskabet Valby"]),
    ],
)
def test_filters(client, organisations, params, expected):
    expected = expected or sorted(o.name for o in organisations.values())
    assert names(client.get(LIST, params)) == expected


def test_unknown_values_are_ignored_and_reported(client, organisations):
    response = client.get(LIST, {"district": "atlantis", "sdg": "99", "sort": "x", "page": "zz"})
    assert response.status_code == 200
    assert "ikke genkendt" in response.content.decode()
    assert len(names(response)) == 3


@pytest.mark.parametrize("query", ["a" * 100_000, "hej\x00du", "'; DROP TABLE x; --", "&|!:*()"])
def test_hostile_queries_never_fail(client, organisations, query):
    # A NUL in a query string is refused before any view (portal.middleware), styled.
    assert client.get(LIST, {"q": query}).status_code == (400 if "\x00" in query else 200)


def test_in_english(client, organisations):
    response = client.get("/en/organisations/", {"district": "valby"})
    assert response.status_code == 200
    assert "2 organisations" in response.content.decode()


def _queries(client, params):
    caching._local_versions.clear()  # the content version is read once a second
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LIST, params).status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"q": "cykler", "district": "valby", "rsv": "yes"}])
def test_query_count_is_the_same_at_two_sizes(client, organisations, params):
    make_organisation(
        name="Cykler i Valby", purpose="Cykler i Valby.", areas=["valby"], is_rsv_registered=True
    )
    small = _queries(client, params)
    for number in range(25):
        make_organisation(
            name=f"Cykler og Valby {number}",
            purpose="Cykler i Valby.",
            areas=["valby"],
            is_rsv_registered=True,
        )
    assert _queries(client, params) == small
