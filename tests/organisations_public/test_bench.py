"""organisations/bench.py at a small size: the rows, their relations and the pages."""

from organisations import bench
from organisations.models import MembershipRole, Organisation
from organisations.validators import is_valid_cvr


def test_the_bench_organisations_load_and_their_pages_answer(client, db):
    assert bench.populate(300) == 30
    assert bench.populate(300) == 0  # already there
    organisations = list(Organisation.objects.prefetch_related("districts", "sdgs", "memberships"))
    assert all(is_valid_cvr(o.cvr) for o in organisations)
    for organisation in organisations:
        assert organisation.district_ids == sorted(d.pk for d in organisation.districts.all())
        assert organisation.sdg_ids == sorted(g.pk for g in organisation.sdgs.all())
        assert [m.role for m in organisation.memberships.all()] == [MembershipRole.ADMIN]
    found = client.get("/organisationer/", {"q": bench.COMMON_WORD})
    assert 0 < found.context["page_obj"].paginator.count < 30
    for label, path in bench.pages():
        assert client.get(path).status_code == 200, label
