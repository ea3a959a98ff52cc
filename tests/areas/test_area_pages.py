"""The local area pages: /bydele/ with counts, /bydele/<slug>/ with three lists and a feed."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from challenges.models import Status
from portal import caching
from solutions.models import Status as SolutionStatus
from tests.organisations_public.makers import make_challenge, make_organisation, make_solution

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def valby(db, civil_servant_bif):
    organisation = make_organisation(name="Madfællesskabet Valby", areas=["valby"])
    make_organisation(name="Amager Taghaver", areas=["amager-vest"])
    make_solution(organisation, title="Folkekøkken i Valby", areas=["valby"])
    make_solution(
        organisation, title="Kladde i Valby", areas=["valby"], status=SolutionStatus.DRAFT
    )
    make_solution(organisation, title="Taghaver på Amager", areas=["amager-vest"])
    make_challenge(civil_servant_bif, title="Madspild i Valby", areas=["valby"])
    make_challenge(civil_servant_bif, title="Lukket i Valby", areas=["valby"], status=Status.CLOSED)
    make_challenge(
        civil_servant_bif,
        title="Udløbet i Valby",
        areas=["valby"],
        deadline=timezone.localdate() - timedelta(days=1),
    )
    make_challenge(civil_servant_bif, title="Udkast i Valby", areas=["valby"], status=Status.DRAFT)
    return organisation


def test_the_list_shows_the_twelve_areas_with_counts(client, valby):
    response = client.get(reverse("areas:list"))
    assert response.status_code == 200
    rows = {row.area.slug: row for row in response.context["areas"]}
    assert len(rows) == 12
    assert (rows["valby"].organisations, rows["valby"].solutions, rows["valby"].challenges) == (
        1,
        1,
        1,
    )
    assert (rows["amager-vest"].organisations, rows["amager-vest"].solutions) == (1, 1)
    assert rows["noerrebro"].organisations == 0
    page = response.content.decode()
    assert "1 åben udfordring" in page
    assert f'href="{reverse("areas:detail", args=["valby"])}"' in page


def test_the_area_page_shows_only_what_is_public_and_there(client, valby):
    page = client.get(reverse("areas:detail", args=["valby"])).content.decode()
    assert "Madfællesskabet Valby" in page
    assert "Folkekøkken i Valby" in page
    assert "Madspild i Valby" in page
    for hidden in (
        "Amager Taghaver",
        "Taghaver på Amager",
        "Kladde i Valby",
        "Lukket i Valby",
        "Udløbet i Valby",
        "Udkast i Valby",
    ):
        assert hidden not in page


def test_newest_first_and_each_list_paginated(client, valby, civil_servant_bif):
    now = timezone.now()
    for number in range(12):
        make_organisation(name=f"Organisation {number:02}", areas=["valby"])
        make_solution(
            valby,
            title=f"Løsning {number:02}",
            areas=["valby"],
            published_at=now + timedelta(minutes=number),
        )
    response = client.get(reverse("areas:detail", args=["valby"]))
    pages = response.context["pages"]
    assert [s.title for s in pages["solutions"].object_list][:2] == ["Løsning 11", "Løsning 10"]
    assert pages["organisations"].object_list[0].name == "Organisation 11"
    assert pages["solutions"].paginator.num_pages == 2
    assert "?list=solutions&amp;page=2" in response.content.decode()
    second = client.get(reverse("areas:detail", args=["valby"]), {"list": "solutions", "page": 2})
    pages = second.context["pages"]
    assert [s.title for s in pages["solutions"].object_list] == [
        "Løsning 01",
        "Løsning 00",
        "Folkekøkken i Valby",
    ]
    assert pages["organisations"].number == 1


@pytest.mark.parametrize(
    "params", [{"page": "x"}, {"list": "nope", "page": "999"}, {"list": "solutions", "page": "-1"}]
)
def test_bad_page_numbers_never_fail(client, valby, params):
    assert client.get(reverse("areas:detail", args=["valby"]), params).status_code == 200


def test_an_unknown_area_is_404(client, db):
    assert client.get(reverse("areas:detail", args=["atlantis"])).status_code == 404
    assert client.get(reverse("areas:feed", args=["atlantis"])).status_code == 404


def test_the_atom_feed_has_the_three_kinds(client, valby):
    response = client.get(reverse("areas:feed", args=["valby"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = sorted(entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry"))
    assert titles == [
        "Løsning: Folkekøkken i Valby",
        "Organisation: Madfællesskabet Valby",
        "Udfordring: Madspild i Valby",
    ]


def test_in_english(client, valby):
    response = client.get("/en/areas/valby/")
    assert response.status_code == 200
    assert "Open challenges" in response.content.decode()
    assert client.get("/en/areas/").status_code == 200
    assert client.get("/en/areas/valby/feed/").status_code == 200


def _queries(client, path):
    caching._local_versions.clear()  # content versions are re-read once a second
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["areas:list", "areas:detail", "areas:feed"])
def test_query_count_is_the_same_at_two_sizes(client, valby, civil_servant_bif, name):
    path = reverse(name) if name == "areas:list" else reverse(name, args=["valby"])
    small = _queries(client, path)
    for number in range(15):
        organisation = make_organisation(name=f"Nr. {number}", areas=["valby", "vesterbro"])
        make_solution(organisation, title=f"Løsning {number}", areas=["valby"])
        make_challenge(civil_servant_bif, title=f"Udfordring {number}", areas=["valby"])
    assert _queries(client, path) == small


def test_each_list_links_to_the_full_overview_of_the_area(client, valby):
    page = client.get(reverse("areas:detail", args=["valby"])).content.decode()
    assert f'href="{reverse("organisations:list")}?district=valby"' in page
    assert f'href="{reverse("solutions:list")}?district=valby"' in page
    assert f'href="{reverse("challenges:list")}?district=valby&amp;state=open"' in page
