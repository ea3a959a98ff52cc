"""Each solution page reads the same number of queries with few and with many solutions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import caching
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal
from solutions.models import Status
from tests.solutions.conftest import IMPACT, make_solution

PAGES = [
    ("list", lambda s: reverse("solutions:list")),
    ("filtered", lambda s: reverse("solutions:list") + "?district=noerrebro&sdg=8&rsv=no"),
    ("search", lambda s: reverse("solutions:list") + "?q=værksted"),
    ("search by relevance", lambda s: reverse("solutions:list") + "?q=unge+cykler"),
    ("title sort, page 2", lambda s: reverse("solutions:list") + "?sort=title&page=2"),
    ("feed", lambda s: reverse("solutions:feed") + "?q=cykel"),
    ("detail", lambda s: s.get_absolute_url()),
    ("mine", lambda s: reverse("solutions:mine")),
    ("edit", lambda s: reverse("solutions:edit", args=[s.pk])),
]


def _more(entrepreneur, count):
    goal = SustainableDevelopmentGoal.objects.get(number=8)
    areas = list(LocalCommitteeArea.objects.all()[:3])
    for n in range(count):
        make_solution(
            entrepreneur,
            title=f"Cykelværksted nr. {n}",
            districts=areas,
            sdgs=[goal],
            impact=[IMPACT, {**IMPACT, "unit": "cykler"}],
            status=Status.PUBLISHED if n % 3 else Status.DRAFT,
        )


def _count(client, url):
    caching._local_versions.clear()  # each request reads the content version afresh
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[name for name, _ in PAGES])
def test_equal_at_two_sizes(client, entrepreneur, name, url):
    _more(entrepreneur, 2)
    solution = make_solution(entrepreneur, title="Cykelværksted for unge")
    client.force_login(entrepreneur)
    small = _count(client, url(solution))
    _more(entrepreneur, 45)
    large = _count(client, url(solution))
    assert small == large, name
