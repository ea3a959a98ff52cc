"""The public register of grants on the shared overview mechanism: each filter, the sorts,
the search, hostile input, and the CSV export of the same filtered set."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from advisory.models import ReportStatus
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal
from tests.pool.conftest import KR, award, fund, make_application, make_pool

pytestmark = pytest.mark.django_db

IGNORED = "Nogle valg i adressen blev ikke genkendt og er ignoreret."


def _grant(pool, secretary, amount_kr, title, *, decided_on, goal=None, area=None, org=None):
    application = make_application(pool, amount_kr * KR, title=title)
    if goal:
        application.goals.set([goal])
    if area:
        application.areas.set([area])
    if org:
        application.proposal.organisation = org
        application.proposal.save()
    grant = award(application, secretary)
    grant.decided_on = decided_on
    grant.save(update_fields=["decided_on"])
    return grant


@pytest.fixture
def grants(city_pool, pool_secretary, organisation):
    """Three grants in two pools of two years, with different SDGs, areas and reports."""
    older_pool = make_pool(year=2025)
    fund(city_pool, pool_secretary, 1_000_000 * KR)
    fund(older_pool, pool_secretary, 1_000_000 * KR)
    goals = SustainableDevelopmentGoal.objects.order_by("number")
    areas = LocalCommitteeArea.objects.order_by("pk")
    bike = _grant(
        city_pool,
        pool_secretary,
        30_000,
        "Cykelværksted for unge",
        decided_on=date(2026, 3, 1),
        goal=goals[0],
        area=areas[0],
        org=organisation,
    )
    food = _grant(
        older_pool,
        pool_secretary,
        45_000,
        "Madklub i opgangen",
        decided_on=date(2025, 6, 1),
        goal=goals[2],
        area=areas[1],
    )
    food.report_status = ReportStatus.SUBMITTED
    food.save(update_fields=["report_status"])
    house = _grant(city_pool, pool_secretary, 10_000, "Åbent hus", decided_on=date(2026, 5, 1))
    return {"bike": bike, "food": food, "house": house, "older_pool": older_pool}


TITLES = ("Cykelværksted for unge", "Madklub i opgangen", "Åbent hus")


def _shown(client, params) -> list[str]:
    """The titles on the register for `params`, in the order shown."""
    response = client.get(reverse("pool:register"), params)
    assert response.status_code == 200
    text = response.text
    return sorted((t for t in TITLES if t in text), key=text.index)


def test_the_register_keeps_the_pools_the_apply_button_and_the_csv_link(client, grants, city_pool):
    response = client.get(reverse("pool:register"), {"year": "2026", "page": "1"})
    assert f'href="{reverse("pool:pool", args=[city_pool.pk])}"' in response.text
    assert "960.000,00 kr. tilbage" in response.text  # 1,000,000 less 30,000 and 10,000
    assert reverse("pool:apply") in response.text
    assert f'{reverse("pool:grants_csv")}?year=2026"' in response.text
    assert reverse("pool:grant", args=[grants["bike"].pk]) in response.text
    assert "3 bevillinger" in client.get(reverse("pool:register")).text


def test_newest_first_by_default(client, grants):
    assert _shown(client, {}) == ["Åbent hus", "Cykelværksted for unge", "Madklub i opgangen"]


def test_sort_by_largest_amount_and_by_title(client, grants):
    assert _shown(client, {"sort": "amount"}) == [
        "Madklub i opgangen",
        "Cykelværksted for unge",
        "Åbent hus",
    ]
    # Danish order: Å last.
    assert _shown(client, {"sort": "title"}) == [
        "Cykelværksted for unge",
        "Madklub i opgangen",
        "Åbent hus",
    ]


def test_filter_by_pool(client, grants, city_pool):
    assert _shown(client, {"pool": grants["older_pool"].pk}) == ["Madklub i opgangen"]
    both = {"pool": [city_pool.pk, grants["older_pool"].pk]}
    assert len(_shown(client, both)) == 3


def test_filter_by_year(client, grants):
    assert _shown(client, {"year": "2025"}) == ["Madklub i opgangen"]
    assert _shown(client, {"year": "2026"}) == ["Åbent hus", "Cykelværksted for unge"]


def test_filter_by_sdg(client, grants):
    third = SustainableDevelopmentGoal.objects.order_by("number")[2]
    assert _shown(client, {"sdg": str(third.number)}) == ["Madklub i opgangen"]


def test_filter_by_area(client, grants):
    first = LocalCommitteeArea.objects.order_by("pk")[0]
    assert _shown(client, {"area": first.slug}) == ["Cykelværksted for unge"]


def test_filter_by_report_status(client, grants):
    assert _shown(client, {"report": "submitted"}) == ["Madklub i opgangen"]
    assert _shown(client, {"report": "not_due"}) == ["Åbent hus", "Cykelværksted for unge"]


def test_filters_narrow_each_other(client, grants):
    assert _shown(client, {"year": "2026", "report": "submitted"}) == []
    response = client.get(reverse("pool:register"), {"year": "2026", "report": "submitted"})
    assert "Ingen bevillinger matcher din søgning" in response.text


def test_search_the_title_and_the_organisations_name(client, grants):
    assert _shown(client, {"q": "madklub"}) == ["Madklub i opgangen"]
    assert _shown(client, {"q": "Kaffe og Kompetencer"}) == ["Cykelværksted for unge"]
    assert _shown(client, {"q": "ingenting"}) == []


def test_unknown_choices_are_ignored_and_reported(client, grants):
    params = {
        "pool": ["999999", "x", "1" * 40],
        "year": "abc",
        "sdg": "99",
        "area": "<script>",
        "report": "paid",
        "sort": "price",
        "page": "-3",
        "q": "a" * 10_000,
    }
    response = client.get(reverse("pool:register"), params)
    assert response.status_code == 200
    assert IGNORED in response.text
    assert "<script>" not in response.text
    del params["q"]
    assert len(_shown(client, params)) == 3
    assert client.get(reverse("pool:grants_csv"), params).status_code == 200


def _csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_exports_the_same_filtered_set(client, grants, city_pool):
    url = reverse("pool:grants_csv")
    assert [row[1] for row in _csv_rows(client.get(url))[1:]] == [
        "Åbent hus",
        "Cykelværksted for unge",
        "Madklub i opgangen",
    ]
    rows = _csv_rows(client.get(url, {"year": "2026", "sort": "amount"}))
    assert [row[1] for row in rows[1:]] == ["Cykelværksted for unge", "Åbent hus"]
    rows = _csv_rows(client.get(url, {"report": "submitted"}))
    assert [row[1] for row in rows[1:]] == ["Madklub i opgangen"]
    rows = _csv_rows(client.get(url, {"q": "kaffe", "pool": city_pool.pk}))
    assert [row[0] for row in rows[1:]] == ["Kaffe og Kompetencer ApS"]
    assert rows[1][2] == "30000,00"


def test_a_formula_in_a_title_is_defused_in_the_csv_and_escaped_on_the_page(
    client, city_pool, pool_secretary
):
    fund(city_pool, pool_secretary, 100_000 * KR)
    title = '@SUM(1+1)*cmd|"/c calc"!A0 <b>'
    _grant(city_pool, pool_secretary, 5_000, title, decided_on=date(2026, 2, 1))
    rows = _csv_rows(client.get(reverse("pool:grants_csv"), {"q": "SUM(1+1)"}))
    assert rows[1][1] == "'" + title
    page = client.get(reverse("pool:register"), {"q": "SUM(1+1)"}).text
    assert "1 bevilling" in page
    assert "<b>" not in page.split("<main", 1)[1]
