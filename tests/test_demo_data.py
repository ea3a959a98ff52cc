import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from challenges.demo_data import SEARCH_CASES
from challenges.models import Challenge
from enquiries.models import Enquiry, Status
from organisations.models import Organisation
from organisations.validators import is_valid_cvr
from portal.models import Administration, User


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)


def _counts():
    return (
        User.objects.count(),
        Organisation.objects.count(),
        Challenge.objects.count(),
        Enquiry.objects.count(),
    )


def test_demo_data_is_idempotent(demo):
    counts = _counts()
    call_command("load_demo_data", verbosity=0)
    assert _counts() == counts


def test_demo_data_covers_every_administration_and_role(demo):
    assert Challenge.objects.published().count() >= 30
    for administration in Administration.objects.all():
        assert Challenge.objects.filter(owner=administration).exists(), administration.code
    assert all(is_valid_cvr(cvr) for cvr in Organisation.objects.values_list("cvr", flat=True))
    assert User.objects.filter(role_assignments__role="contact_officer").exists()
    assert User.objects.filter(role_assignments__role="council_member").exists()


def test_demo_enquiries_show_every_status_in_the_queue_the_inbox_and_the_figures(client, demo):
    assert set(Enquiry.objects.values_list("status", flat=True)) == set(Status.values)
    today = timezone.localdate()
    overdue = Enquiry.objects.with_due().overdue(today)
    assert overdue.count() >= 2
    # Every enquiry's timeline starts when it arrived and is in order.
    for enquiry in Enquiry.objects.all():
        times = list(enquiry.events.order_by("pk").values_list("created_at", flat=True))
        assert times == sorted(times) and times[0] == enquiry.created_at
    officer = User.objects.get(email="karen.holm@demo.example")
    client.force_login(officer)
    queue = client.get(reverse("enquiries:staff_queue"))
    assert len(queue.context["enquiries"]) >= 8
    figures = client.get(reverse("enquiries:figures")).context["figures"]
    assert figures["times"]["answered"] >= 3
    assert len(figures["weekly"]["bars"]) >= 4
    client.force_login(User.objects.get(email="mads.nielsen@demo.example"))  # BIF
    inbox = client.get(reverse("enquiries:inbox"))
    assert {e.lead_administration.code for e in inbox.context["enquiries"]} == {"BIF"}
    client.force_login(User.objects.get(email="anna.jensen@demo.example"))
    assert "EI-" in client.get(reverse("enquiries:mine")).content.decode()


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
