"""/soeg/: challenges, solutions and organisations found by one query, grouped."""

from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from challenges.models import Status
from portal import caching
from solutions.models import Status as SolutionStatus
from tests.organisations_public.makers import make_challenge, make_organisation, make_solution

SEARCH = reverse("sitesearch:search")


@pytest.fixture
def content(db, civil_servant_bif):
    workshop = make_organisation(
        name="Cykelværkstedet Sydhavn ApS", purpose="Unge reparerer cykler i et værksted."
    )
    make_organisation(name="Madfællesskabet Valby", purpose="Folkekøkken for alle.")
    make_solution(workshop, title="Cykelværksted for unge", summary="Unge lærer et håndværk.")
    make_solution(workshop, title="Hemmeligt værksted", status=SolutionStatus.DRAFT)
    make_challenge(civil_servant_bif, title="Værksteder i skolerne", summary="Praktisk læring.")
    make_challenge(civil_servant_bif, title="Værksted i kladde", status=Status.DRAFT)
    return workshop


def groups(response):
    return {
        group.kind.key: [hit.title for hit in group.hits] for group in response.context["groups"]
    }


def test_finds_all_three_kinds_grouped(client, content):
    response = client.get(SEARCH, {"q": "værksted"})
    assert response.status_code == 200
    assert groups(response) == {
        "challenges": ["Værksteder i skolerne"],
        "solutions": ["Cykelværksted for unge"],
        "organisations": ["Cykelværkstedet Sydhavn ApS"],
    }


def test_each_group_links_to_its_full_overview_with_the_query(client, content):
    page = client.get(SEARCH, {"q": "værksted"}).content.decode()
    for name in ("challenges:list", "solutions:list", "organisations:list"):
        assert f'href="{reverse(name)}?q={quote("værksted")}"' in page


def test_drafts_are_never_found(client, content):
    page = client.get(SEARCH, {"q": "hemmeligt kladde"}).content.decode()
    assert "Hemmeligt værksted" not in page
    assert "Værksted i kladde" not in page


def test_without_a_query_only_the_box(client, content):
    response = client.get(SEARCH)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="q"' in page
    assert "search-group" not in page


def test_nothing_found_says_so(client, content):
    page = client.get(SEARCH, {"q": "zzqxw"}).content.decode()
    assert "Intet matcher “zzqxw”" in page


@pytest.mark.parametrize(
    "query", ["a" * 100_000, "værksted\x00", "<script>alert(1)</script>", "!:*&|"]
)
def test_hostile_queries_never_fail_and_are_escaped(client, content, query):
    response = client.get(SEARCH, {"q": query})
    # A NUL in a query string is refused before any view (portal.middleware), styled.
    assert response.status_code == (400 if "\x00" in query else 200)
    assert "<script>alert(1)" not in response.content.decode()


def test_in_english(client, content):
    response = client.get("/en/search/", {"q": "værksted"})
    assert response.status_code == 200
    assert "Organisations" in response.content.decode()


def _queries(client):
    caching._local_versions.clear()  # content versions are re-read once a second
    with CaptureQueriesContext(connection) as captured:
        assert client.get(SEARCH, {"q": "værksted"}).status_code == 200
    return len(captured)


def test_query_count_is_the_same_at_two_sizes(client, content, civil_servant_bif):
    small = _queries(client)
    for number in range(10):
        organisation = make_organisation(name=f"Værksted {number}", purpose="Et værksted.")
        make_solution(organisation, title=f"Værksted {number}")
        make_challenge(civil_servant_bif, title=f"Værksted {number}")
    assert _queries(client) == small
