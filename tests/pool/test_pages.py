"""The public register, the pool pages, the CSV exports and the secretary's pages over
HTTP with the real forms."""

import csv
import io
import re

import pytest
from django.urls import reverse

from advisory.models import EntryKind, LedgerEntry
from advisory.pool_register import safe_cell
from portal.models import Administration
from tests.pool.conftest import KR, award, fund, make_application, make_pool

pytestmark = pytest.mark.django_db


@pytest.fixture
def granted(city_pool, pool_secretary, organisation):
    fund(city_pool, pool_secretary, 100_000 * KR)
    application = make_application(city_pool, 30_000 * KR, title='=HYPERLINK("http://x")')
    proposal = application.proposal
    proposal.organisation = organisation
    proposal.save()
    proposal.administrations.set([Administration.objects.get(code="BIF")])
    application.budget_lines.update(text="Hemmelig budgetpost")
    return award(application, pool_secretary)


def test_the_register_lists_every_grant_in_danish_format(client, granted):
    response = client.get("/puljen/")
    assert response.status_code == 200
    assert "30.000,00 kr." in response.text
    assert "Kaffe og Kompetencer ApS" in response.text
    assert reverse("pool:grant", args=[granted.pk]) in response.text


def test_the_register_filters_by_pool_and_text_and_ignores_junk(client, granted):
    assert "30.000,00" in client.get("/puljen/", {"q": "HYPERLINK"}).text
    assert "30.000,00" not in client.get("/puljen/", {"q": "ingenting"}).text
    other = make_pool(year=2025)
    assert "30.000,00" not in client.get("/puljen/", {"pool": other.pk}).text
    # An unknown pool is ignored, and the page says so.
    unknown = client.get("/puljen/", {"pool": other.pk + 1}).text
    assert "30.000,00" in unknown and "blev ikke genkendt" in unknown
    assert client.get("/puljen/", {"pool": "x", "q": "a" * 10_000}).status_code == 200
    # A NUL in a query string is refused before any view (portal.middleware), styled.
    assert client.get("/puljen/", {"pool": "x\x00", "q": "a\x00" * 1000}).status_code == 400


def test_a_grants_public_page_shows_only_public_information(client, granted):
    response = client.get(reverse("pool:grant", args=[granted.pk]))
    assert response.status_code == 200
    assert "30.000,00 kr." in response.text
    assert "Hemmelig budgetpost" not in response.text
    assert client.get("/puljen/bevillinger/999999/").status_code == 404


def test_the_pool_page_shows_money_in_and_out(client, city_pool, granted):
    response = client.get(reverse("pool:pool", args=[city_pool.pk]))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures["contributed"], figures["remaining"]) == (100_000 * KR, 70_000 * KR)
    payer = Administration.objects.order_by("pk").first()
    assert response.context["money_in"] == [(payer.name, 100_000 * KR, 100.0, 0)]
    assert response.context["money_out"]["administration"] == [
        (Administration.objects.get(code="BIF").name, 30_000 * KR, 100.0, 0)
    ]
    assert '<rect x="0" y="15" width="100.0%"' in response.text
    assert f"{payer.name}: 100.000,00 kr." in response.text


def test_bars_are_in_proportion():
    from advisory.pool_register import with_bars

    assert with_bars([("A", 400), ("B", 100)]) == [("A", 400, 100.0, 0), ("B", 100, 25.0, 28)]
    assert with_bars([]) == []


def test_the_english_twin(client, granted):
    assert client.get("/en/pool/").status_code == 200
    assert client.get(f"/en/pool/grants/{granted.pk}/").status_code == 200


def _rows(content: bytes):
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_grants_csv_opens_in_a_danish_excel_and_is_safe(client, granted):
    response = client.get(reverse("pool:grants_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, row = _rows(response.content)
    assert header[:3] == ["Organisation", "Titel", "Beløb (kr.)"]
    assert row[1] == '\'=HYPERLINK("http://x")'
    assert row[2] == "30000,00"


def test_the_contributions_csv(client, city_pool, pool_secretary, granted):
    entry = LedgerEntry.objects.get(kind=EntryKind.CONTRIBUTION)
    from advisory import pool_services

    fund(city_pool, pool_secretary, 5 * KR + 50).pool  # noqa: B018
    pool_services.entry_reverse(
        entry=LedgerEntry.objects.filter(kind="contribution").last(),
        actor=pool_secretary,
        reason="@SUM(A1)",
    )
    rows = _rows(client.get(reverse("pool:contributions_csv", args=[city_pool.pk])).content)
    assert rows[1][3] == "100000,00"
    assert rows[-1][2] == "Tilbageførsel"
    assert rows[-1][4] == "'@SUM(A1)"
    assert entry.pk


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+45", "'+45"),
        ("-3", "'-3"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Kaffe", "Kaffe"),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


# The secretary's pages.


def test_who_may_open_the_management_page(
    client, city_pool, pool_secretary, local_secretary, entrepreneur, civil_servant_bif
):
    url = reverse("pool:manage", args=[city_pool.pk])
    assert client.get(url).status_code == 302
    for user, status in (
        (entrepreneur, 403),
        (civil_servant_bif, 403),
        (local_secretary, 403),
        (pool_secretary, 200),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    assert client.get(reverse("pool:manage", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-100", "Angiv et beløb over nul."),
        ("0", "Angiv et beløb over nul."),
        ("mange", "Angiv beløbet i kroner, for eksempel 30.000 eller 30.000,50."),
        ("9" * 40, "Denne værdi må højst have 30 tegn (den har 40)."),
        ("99999999999", "Beløbet er for stort (højst 1.000.000.000,00 kr.)."),
    ],
)
def test_a_bad_contribution_amount_gets_a_clear_message(
    client, city_pool, pool_secretary, amount, message
):
    client.force_login(pool_secretary)
    payer = Administration.objects.get(code="BIF")
    response = client.post(
        reverse("pool:contribution_add", args=[city_pool.pk]),
        {
            "contribution-payer": f"a{payer.pk}",
            "contribution-amount": amount,
            "contribution-reason": "Bidrag",
        },
    )
    assert response.status_code == 400
    assert response.context["contribution_form"].errors["amount"] == [message]
    assert 'value="Bidrag"' in response.text
    assert city_pool.figures()["contributed"] == 0


def test_a_contribution_in_danish_kroner(client, city_pool, pool_secretary):
    client.force_login(pool_secretary)
    payer = Administration.objects.get(code="BIF")
    response = client.post(
        reverse("pool:contribution_add", args=[city_pool.pk]),
        {
            "contribution-payer": f"a{payer.pk}",
            "contribution-amount": "1.250.000,50",
            "contribution-reason": "Årets bidrag",
        },
    )
    assert response.status_code == 302
    assert city_pool.figures()["contributed"] == 125_000_050


def test_nul_bytes_and_forged_payers_never_a_500(client, city_pool, pool_secretary):
    client.force_login(pool_secretary)
    response = client.post(
        reverse("pool:contribution_add", args=[city_pool.pk]),
        {
            "contribution-payer": "a999999",
            "contribution-amount": "10\x00",
            "contribution-reason": "x\x00" * 50_000,
        },
    )
    assert response.status_code == 400
    form = response.context["contribution_form"]
    assert set(form.errors) == {"payer", "amount", "reason"}


def test_a_payout_larger_than_the_grant(client, city_pool, pool_secretary, granted):
    client.force_login(pool_secretary)
    response = client.post(
        reverse("pool:payout_add", args=[city_pool.pk]),
        {"payout-grant": granted.pk, "payout-amount": "30.000,01", "payout-reason": "Rate 1"},
    )
    assert response.status_code == 400
    assert response.context["payout_form"].errors["amount"] == [
        "Der er kun 30.000,00 kr. af bevillingen tilbage at udbetale; 30.000,01 kr. er for meget."
    ]
    response = client.post(
        reverse("pool:payout_add", args=[city_pool.pk]),
        {"payout-grant": granted.pk, "payout-amount": "30.000", "payout-reason": "Rate 1"},
    )
    assert response.status_code == 302
    assert city_pool.figures()["paid"] == 30_000 * KR


def test_closing_a_grant_returns_the_rest(client, city_pool, pool_secretary, granted):
    client.force_login(pool_secretary)
    url = reverse("pool:grant_close", args=[city_pool.pk, granted.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a double submit: "already closed"
    assert city_pool.figures()["returned"] == 30_000 * KR
    assert client.post(reverse("pool:grant_close", args=[city_pool.pk, 999999])).status_code == 404


def test_a_reversal_of_a_forged_entry_is_refused(client, city_pool, pool_secretary, granted):
    client.force_login(pool_secretary)
    response = client.post(
        reverse("pool:entry_reverse", args=[city_pool.pk]),
        {"reversal-entry": "999999", "reversal-reason": "x"},
    )
    assert response.status_code == 400
    assert "entry" in response.context["reversal_form"].errors


def test_the_management_page_gives_every_field_an_id_of_its_own(
    client, city_pool, pool_secretary, granted
):
    """Five forms on one page (contribution, payout, change, reversal, round): a label must
    lead to its own field, so no two elements share an id (WCAG 1.3.1, 4.1.2)."""
    client.force_login(pool_secretary)
    response = client.get(reverse("pool:manage", args=[city_pool.pk]))
    ids = re.findall(r'\sid="([^"]+)"', response.text)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for field in ("contribution-amount", "payout-amount", "reversal-reason", "change-reason"):
        assert f'for="id_{field}"' in response.text
