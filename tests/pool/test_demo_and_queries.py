"""The pools' demo data through the real command, and the register's query count at two
sizes."""

import pytest
from django.core.management import call_command

from advisory.models import EntryKind, Grant, LedgerEntry, Pool
from portal.models import Administration
from tests.helpers import query_counts
from tests.pool.conftest import KR, award, fund, make_application

pytestmark = pytest.mark.django_db


def test_the_demo_data(settings, reference):
    settings.DEBUG = True
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    city = Pool.objects.get(year=2026, area__isnull=True)
    payers = set(
        LedgerEntry.objects.filter(pool=city, kind=EntryKind.CONTRIBUTION).values_list(
            "payer_administration", flat=True
        )
    )
    assert payers == set(Administration.objects.values_list("pk", flat=True))
    assert Pool.objects.local().count() == 2
    assert Grant.objects.count() >= 10
    assert LedgerEntry.objects.filter(kind=EntryKind.PAYOUT).exists()
    for pool in Pool.objects.all():
        assert pool.figures()["remaining"] >= 0
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Pool.objects.count() == 3


@pytest.mark.parametrize(
    "url",
    ["/puljen/", "/puljen/?q=Ans", "/puljen/?year=2026&sort=amount&report=not_due&sdg=1", "pool"],
)
def test_register_and_pool_pages_query_counts_do_not_grow(client, city_pool, pool_secretary, url):
    """Each size is read once before it is counted (`query_counts`): the public content's
    version is read from the shared cache at most once a second per process."""
    fund(city_pool, pool_secretary, 10_000_000 * KR)
    url = f"/puljen/puljer/{city_pool.pk}/" if url == "pool" else url

    def grow(count):
        for _ in range(count):
            award(make_application(city_pool, 10_000 * KR), pool_secretary)

    counts = query_counts(client, url, grow, sizes=(1, 13))
    assert counts[0] == counts[1]
