"""Demo organisations: at least 40, in every local committee area, ready for the overview."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from organisations.models import Organisation
from organisations.validators import is_valid_cvr
from portal.models import LocalCommitteeArea


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)


def test_at_least_40_organisations_in_all_twelve_areas(demo):
    assert Organisation.objects.count() >= 40
    for area in LocalCommitteeArea.objects.all():
        assert Organisation.objects.in_area(area).count() >= 2, area.slug
    cvrs = list(Organisation.objects.values_list("cvr", flat=True))
    assert len(set(cvrs)) == len(cvrs)
    assert all(is_valid_cvr(cvr) for cvr in cvrs)


def test_the_filter_arrays_match_the_relations(demo):
    for organisation in Organisation.objects.prefetch_related("districts"):
        assert organisation.district_ids == sorted(d.pk for d in organisation.districts.all())


def test_the_demo_is_found_by_a_compound_and_on_its_area_page(client, demo):
    response = client.get(reverse("organisations:list"), {"q": "værksted"})
    names = {o.name for o in response.context["page_obj"].object_list}
    assert "Cykelværkstedet Sydhavn ApS" in names
    page = client.get(reverse("areas:detail", args=["kongens-enghave"])).content.decode()
    assert "Cykelværkstedet Sydhavn ApS" in page
