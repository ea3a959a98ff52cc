"""The council's bench data and demo data load, and their pages answer."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from advisory import bench
from advisory.models import (
    FollowUp,
    Grant,
    LedgerEntry,
    Meeting,
    MeetingStatus,
    Pool,
    Proposal,
    Review,
)

pytestmark = pytest.mark.django_db


def test_bench_data_loads_and_its_pages_answer(client):
    assert bench.populate(64) == 64 + 64  # the council's proposals and the pools' grants
    assert bench.populate(64) == 0
    assert Meeting.objects.count() == 4
    assert Review.objects.count() == 64 * bench.REVIEWERS
    assert FollowUp.objects.exists()
    # Ten years of pools whose ledgers balance: nothing overspent, nothing overpaid.
    assert Pool.objects.city().count() == 10
    assert Grant.objects.count() == 64
    for pool in Pool.objects.all():
        figures = pool.figures()
        assert figures["remaining"] >= 0 and figures["outstanding"] >= 0, pool
    for grant in Grant.objects.all():
        figures = grant.figures()
        assert figures["granted"] == grant.amount and figures["outstanding"] >= 0, grant
    assert LedgerEntry.objects.filter(kind="reversal").exists()
    for label, path, *_user in bench.pages():
        assert client.get(path).status_code == 200, label


def test_demo_data(client, settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)
    assert set(Proposal.objects.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "screening",
        "more_information",
        "in_review",
        "on_agenda",
        "decided",
        "published",
        "withdrawn",
        "returned",
    }
    assert Meeting.objects.filter(status=MeetingStatus.MINUTES_PUBLISHED).count() == 3
    upcoming = Meeting.objects.get(status=MeetingStatus.AGENDA_PUBLISHED)
    verdicts = set(FollowUp.objects.values_list("verdict", flat=True))
    assert verdicts == {"accepted", "partly_accepted", ""}
    assert FollowUp.objects.overdue().exists()
    page = client.get(reverse("advisory:council")).content.decode()
    assert page.count("<tr>") >= 11 + 2
    assert client.get(reverse("advisory:meeting", args=[upcoming.pk])).status_code == 200
