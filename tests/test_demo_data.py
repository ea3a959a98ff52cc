import pytest
from django.core.management import call_command
from django.urls import reverse

from challenges.demo_data import SEARCH_CASES
from challenges.models import Challenge
from organisations.models import Organisation
from organisations.validators import is_valid_cvr
from portal.models import Administration, User


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)


def test_demo_data_is_idempotent(demo):
    counts = (User.objects.count(), Organisation.objects.count(), Challenge.objects.count())
    call_command("load_demo_data", verbosity=0)
    assert (User.objects.count(), Organisation.objects.count(), Challenge.objects.count()) == counts


def test_demo_data_covers_every_administration_and_role(demo):
    assert Challenge.objects.published().count() >= 30
    for administration in Administration.objects.all():
        assert Challenge.objects.filter(owner=administration).exists(), administration.code
    assert all(is_valid_cvr(cvr) for cvr in Organisation.objects.values_list("cvr", flat=True))
    assert User.objects.filter(role_assignments__role="contact_officer").exists()
    assert User.objects.filter(role_assignments__role="council_member").exists()


def test_demo_data_refuses_to_run_in_production_mode(db, settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_data", verbosity=0)


@pytest.mark.parametrize(("query", "slug"), SEARCH_CASES)
def test_search_cases_on_the_demo_texts(client, demo, query, slug):
    from challenges.demo_data import DEMO_CHALLENGES

    title = next(item["title"] for item in DEMO_CHALLENGES if item["slug"] == slug)
    response = client.get(reverse("challenges:list"), {"q": query})
    titles = [challenge.title for challenge in response.context["page_obj"].object_list]
    assert title in titles, f"{query!r} did not find {title!r} among {titles}"
