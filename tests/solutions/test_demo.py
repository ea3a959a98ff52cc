"""The demo solutions: enough of them, in every area, each with documented results."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.models import LocalCommitteeArea
from solutions.models import ImpactStatement, Solution


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)


def test_demo_solutions_cover_every_area_with_results(demo):
    assert Solution.objects.count() >= 60
    assert Solution.objects.published().filter(impact_statements__isnull=True).count() == 0
    for area in LocalCommitteeArea.objects.all():
        assert Solution.objects.published().in_district(area).count() >= 3, area.slug
    assert ImpactStatement.objects.count() >= Solution.objects.count()
    assert Solution.objects.filter(status="draft").exists()
    assert Solution.objects.filter(status="archived").exists()


def test_demo_solutions_load_once(demo):
    count = Solution.objects.count()
    call_command("load_demo_data", verbosity=0)
    assert Solution.objects.count() == count


def test_the_demo_overview_finds_compounds(client, demo):
    response = client.get(reverse("solutions:list"), {"q": "værksted"})
    titles = [s.title for s in response.context["page_obj"].object_list]
    assert "Gør-det-selv-cykelværksted for unge" in titles
    assert "Kajakværksted ved havnen" in titles
