"""solutions/bench.py loads at a small size and every page it measures answers."""

from solutions import bench
from solutions.models import ImpactStatement, Solution
from tests.factories import OrganisationFactory


def test_the_bench_solutions_load_and_their_pages_answer(client, db):
    OrganisationFactory.create_batch(3)
    assert bench.populate(60) == 60
    assert bench.populate(60) == 0  # already there
    assert ImpactStatement.objects.values("solution").distinct().count() == 60
    published = Solution.objects.published()
    assert published.exclude(sdg_ids=[]).count() == published.count()
    shown = client.get("/loesninger/", {"q": "værksted"})
    assert shown.context["page_obj"].paginator.count > 0
    for label, path in bench.pages():
        assert client.get(path).status_code == 200, label
