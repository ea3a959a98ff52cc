"""Bench data for the pools: ten years of a city pool and twelve local pools a year, about
5,000 grants (each a council proposal of kind "pool application" with its application,
budget, SDGs, areas and payout plan) and about 50,000 ledger entries, written with COPY.
Called from advisory/bench.py. The figures balance: every pool is paid in more than it
grants, payouts never exceed a grant, and the grants of past years return their rest."""

import random
import time
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from urllib.parse import urlencode

from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from advisory.models import (
    EntryKind,
    Grant,
    GrantStatus,
    Outcome,
    Pool,
    ProposalStatus,
    ReportStatus,
)
from advisory.pool_overview import GrantOverview
from advisory.pool_register import grants_csv, register_grants
from organisations.models import Organisation
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal, User

YEARS = 10
GRANTS = 5_000
# Of each year's grants, this share is from the city pool; the rest from the local pools.
CITY_SHARE = 0.6
PAYOUTS_PER_GRANT = 7
MARK = "Puljebench"
TITLE_WORDS = [
    "værksted",
    "genbrug",
    "fællesspisning",
    "cykelværksted",
    "byhave",
    "lektiecafé",
    "praktikforløb",
    "ældrecafé",
    "reparationscafé",
    "madskole",
    "kaffebar",
    "beskæftigelse",
]
# A word that is in few titles, for the rare search.
RARE_WORD = "solcellelaug"
K = EntryKind


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _pools(cursor, years: list[int]) -> list[tuple[int, int, int | None]]:
    """One city pool and a local pool per area for each year: [(id, year, area id)]."""
    areas = list(LocalCommitteeArea.objects.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    rows = []
    for year in years:
        for area in [None, *areas]:
            maximum = 500_000_00 if area is None else 100_000_00
            rows.append(
                (
                    year,
                    area,
                    f"{MARK}: regler for {year}. Puljen støtter socialøkonomiske virksomheder.",
                    maximum,
                    50_000_00 if area is None else 25_000_00,
                    10,
                    "rolling",
                    year == years[-1],
                    now,
                )
            )
    _copy(
        cursor,
        "advisory_pool",
        [
            "year",
            "area_id",
            "rules_text",
            "maximum_grant",
            "fast_track_limit",
            "fast_track_working_days",
            "intake",
            "is_open",
            "created_at",
        ],
        rows,
    )
    cursor.execute(
        "SELECT id, year, area_id FROM advisory_pool WHERE rules_text LIKE %s ORDER BY id",
        [f"{MARK}%"],
    )
    return cursor.fetchall()


def _plan(rng, pools, count: int) -> list[dict]:
    """What each grant is: its pool, amount, date, status and payouts (in Python, so the
    ledger can be written to balance)."""
    city = [pool for pool in pools if pool[2] is None]
    local = [pool for pool in pools if pool[2] is not None]
    this_year = timezone.localdate().year
    per_year = -(-count // len(city))
    plans = []
    for index in range(count):
        year_index = min(index // per_year, len(city) - 1)
        pool_id, year, area_id = city[year_index]
        if rng.random() > CITY_SHARE:
            pool_id, year, area_id = rng.choice([p for p in local if p[1] == year])
        maximum = 500_000 if area_id is None else 100_000
        amount = rng.randrange(10_000, maximum, 1_000) * 100
        decided = date(year, 1, 15) + timedelta(days=rng.randint(0, 300))
        past = year < this_year
        plans.append(
            {
                "pool": pool_id,
                "area": area_id,
                "year": year,
                "amount": amount,
                "decided": decided,
                "status": GrantStatus.CLOSED if past else GrantStatus.ACTIVE,
                "report": rng.choice(
                    [ReportStatus.ACCEPTED, ReportStatus.ACCEPTED, ReportStatus.SUBMITTED]
                )
                if past
                else ReportStatus.NOT_DUE,
                "title": f"{MARK}-ansøgning {index + 1}: {rng.choice(TITLE_WORDS)} "
                f"og {rng.choice(TITLE_WORDS)}" + (f" med {RARE_WORD}" if index % 500 == 0 else ""),
            }
        )
    return plans


def _proposals(cursor, rng, plans, submitter_id, organisation_ids) -> list[int]:
    rows = []
    for plan in plans:
        when = timezone.make_aware(datetime.combine(plan["decided"], dt_time(10)))
        when -= timedelta(days=30)
        rows.append(
            (
                "pool_application",
                plan["title"],
                "Vi vil starte et værksted for unge i bydelen.",
                "Flere unge i job og uddannelse.",
                "40 unge i job.",
                submitter_id,
                rng.choice(organisation_ids) if organisation_ids else None,
                ProposalStatus.DECIDED,
                Outcome.RECOMMENDED,
                when,
                when,
                when + timedelta(days=30),
                40,
            )
        )
    _copy(
        cursor,
        "advisory_proposal",
        [
            "kind",
            "title",
            "what",
            "why",
            "expected_effect",
            "submitter_id",
            "organisation_id",
            "status",
            "outcome",
            "created_at",
            "submitted_at",
            "decided_at",
            "answer_working_days",
        ],
        rows,
    )
    cursor.execute(
        "SELECT id FROM advisory_proposal WHERE title LIKE %s ORDER BY id", [f"{MARK}-ansøgning%"]
    )
    return [row[0] for row in cursor.fetchall()]


def _applications(cursor, rng, plans, proposal_ids) -> list[int]:
    rows = [
        (
            proposal_id,
            plan["pool"],
            plan["amount"],
            date(plan["year"], 3, 1),
            date(plan["year"], 12, 31),
        )
        for plan, proposal_id in zip(plans, proposal_ids, strict=True)
    ]
    _copy(
        cursor,
        "advisory_application",
        ["proposal_id", "pool_id", "amount", "period_start", "period_end"],
        rows,
    )
    first = proposal_ids[0]
    cursor.execute(
        "SELECT id FROM advisory_application WHERE proposal_id >= %s ORDER BY proposal_id", [first]
    )
    application_ids = [row[0] for row in cursor.fetchall()]
    _copy(
        cursor,
        "advisory_budgetline",
        ["application_id", "text", "amount"],
        (
            line
            for plan, application_id in zip(plans, application_ids, strict=True)
            for line in (
                (application_id, "Løn", plan["amount"] - plan["amount"] // 4),
                (application_id, "Materialer", plan["amount"] // 4),
            )
        ),
    )
    return application_ids


def _relations(cursor, rng, plans, proposal_ids, application_ids) -> None:
    goals = list(SustainableDevelopmentGoal.objects.values_list("pk", flat=True))
    areas = list(LocalCommitteeArea.objects.values_list("pk", flat=True))
    administrations = list(Administration.objects.values_list("pk", flat=True))
    _copy(
        cursor,
        "advisory_application_goals",
        ["application_id", "sustainabledevelopmentgoal_id"],
        (
            (application_id, goal)
            for application_id in application_ids
            for goal in rng.sample(goals, 2)
        ),
    )
    _copy(
        cursor,
        "advisory_application_areas",
        ["application_id", "localcommitteearea_id"],
        (
            (application_id, plan["area"] or rng.choice(areas))
            for plan, application_id in zip(plans, application_ids, strict=True)
        ),
    )
    _copy(
        cursor,
        "advisory_proposal_administrations",
        ["proposal_id", "administration_id"],
        ((proposal_id, rng.choice(administrations)) for proposal_id in proposal_ids),
    )


def _grants(cursor, plans, application_ids, secretary_id) -> list[int]:
    rows = [
        (
            application_id,
            plan["pool"],
            plan["amount"],
            "",
            date(plan["year"] + 1, 2, 1),
            plan["report"],
            plan["status"],
            secretary_id,
            plan["decided"],
        )
        for plan, application_id in zip(plans, application_ids, strict=True)
    ]
    _copy(
        cursor,
        "advisory_grant",
        [
            "application_id",
            "pool_id",
            "amount",
            "conditions",
            "report_due",
            "report_status",
            "status",
            "decided_by_id",
            "decided_on",
        ],
        rows,
    )
    cursor.execute(
        "SELECT id FROM advisory_grant WHERE application_id >= %s ORDER BY application_id",
        [application_ids[0]],
    )
    grant_ids = [row[0] for row in cursor.fetchall()]
    _copy(
        cursor,
        "advisory_instalment",
        ["grant_id", "due", "amount"],
        (
            row
            for plan, grant_id in zip(plans, grant_ids, strict=True)
            for row in (
                (grant_id, plan["decided"] + timedelta(days=14), plan["amount"] // 2),
                (
                    grant_id,
                    plan["decided"] + timedelta(days=180),
                    plan["amount"] - plan["amount"] // 2,
                ),
            )
        ),
    )
    return grant_ids


def _grant_entries(rng, plan, grant_id, actor_id, now):
    """The grant, perhaps a change, its payouts and (for a past year) the rest returned."""

    def entry(kind, amount, booked_on, reason):
        return (plan["pool"], kind, amount, booked_on, actor_id, reason, None, None, grant_id, now)

    decided, amount = plan["decided"], plan["amount"]
    yield entry(K.GRANT, amount, decided, "Bevilget")
    # The stored amount is the grant now: a raise or a cut shows as an entry.
    change = rng.random()
    if change < 0.1:
        yield entry(K.GRANT_DECREASE, amount // 10, decided + timedelta(days=5), "Nedsat")
        yield entry(K.GRANT_INCREASE, amount // 10, decided + timedelta(days=6), "Genoprettet")
    paid_share = 0.9 if plan["status"] == GrantStatus.CLOSED else rng.random() * 0.6
    to_pay = int(amount * paid_share)
    part = to_pay // PAYOUTS_PER_GRANT
    for number in range(PAYOUTS_PER_GRANT):
        if part:
            yield entry(K.PAYOUT, part, decided + timedelta(days=14 + 20 * number), MARK)
    if plan["status"] == GrantStatus.CLOSED:
        rest = amount - part * PAYOUTS_PER_GRANT
        if rest:
            yield entry(K.RETURN, rest, decided + timedelta(days=300), "Resten tilbage")


def _ledger(cursor, rng, plans, grant_ids, pools, actor_id) -> None:
    now = timezone.now()
    columns = [
        "pool_id",
        "kind",
        "amount",
        "booked_on",
        "actor_id",
        "reason",
        "payer_administration_id",
        "payer_area_id",
        "grant_id",
        "created_at",
    ]
    granted: dict[int, int] = {}
    for plan in plans:
        granted[plan["pool"]] = granted.get(plan["pool"], 0) + plan["amount"]
    administrations = list(Administration.objects.values_list("pk", flat=True))

    def contributions():
        for pool_id, year, area_id in pools:
            payers = [(a, None) for a in administrations] if area_id is None else [(None, area_id)]
            months = 12
            share = -(-int(granted.get(pool_id, 0) * 1.2) // (months * len(payers))) or 100_00
            for month in range(1, months + 1):
                for administration, area in payers:
                    yield (
                        pool_id,
                        K.CONTRIBUTION,
                        share,
                        date(year, month, 1),
                        actor_id,
                        "Månedligt bidrag",
                        administration,
                        area,
                        None,
                        now,
                    )

    def grant_entries():
        for plan, grant_id in zip(plans, grant_ids, strict=True):
            yield from _grant_entries(rng, plan, grant_id, actor_id, now)

    _copy(cursor, "advisory_ledgerentry", columns, contributions())
    _copy(cursor, "advisory_ledgerentry", columns, grant_entries())
    # Corrections: every 20th payout reversed and booked again (reversals are entries too).
    cursor.execute(
        """
        INSERT INTO advisory_ledgerentry
            (pool_id, kind, amount, booked_on, actor_id, reason, grant_id, reverses_id, created_at)
        SELECT pool_id, 'reversal', amount, booked_on + 1, actor_id, 'Forkert konto', grant_id,
               id, created_at
        FROM advisory_ledgerentry WHERE kind = 'payout' AND reason = %s AND id %% 20 = 0
        """,
        [MARK],
    )
    cursor.execute(
        """
        INSERT INTO advisory_ledgerentry
            (pool_id, kind, amount, booked_on, actor_id, reason, grant_id, created_at)
        SELECT e.pool_id, 'payout', e.amount, e.booked_on + 2, e.actor_id, 'Udbetalt igen',
               e.grant_id, e.created_at
        FROM advisory_ledgerentry e JOIN advisory_ledgerentry r ON r.reverses_id = e.id
        WHERE e.reason = %s
        """,
        [MARK],
    )


def populate(count: int) -> int:
    """Write the pools once; returns the number of grants written."""
    if Pool.objects.filter(rules_text__startswith=MARK).exists():
        return 0
    rng = random.Random(1313)  # noqa: S311  (test data)
    this_year = timezone.localdate().year
    years = [
        year
        for year in range(this_year - YEARS + 1, this_year + 1)
        if not Pool.objects.filter(year=year).exists()
    ]
    if not years:
        return 0
    secretary, _ = User.objects.get_or_create(
        email="bench-pool-secretary@bench.example",
        defaults={"first_name": "Puljesekretær", "last_name": "Bench"},
    )
    submitter, _ = User.objects.get_or_create(email="bench-pool-applicant@bench.example")
    organisation_ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True)[:2000])
    with connection.cursor() as cursor:
        pools = _pools(cursor, years)
        plans = _plan(rng, pools, min(count, GRANTS))
        proposal_ids = _proposals(cursor, rng, plans, submitter.pk, organisation_ids)
        application_ids = _applications(cursor, rng, plans, proposal_ids)
        _relations(cursor, rng, plans, proposal_ids, application_ids)
        grant_ids = _grants(cursor, plans, application_ids, secretary.pk)
        _ledger(cursor, rng, plans, grant_ids, pools, secretary.pk)
        cursor.execute(
            "ANALYZE advisory_pool, advisory_application, advisory_grant, advisory_ledgerentry, "
            "advisory_budgetline, advisory_instalment, advisory_application_goals, "
            "advisory_application_areas"
        )
    return len(grant_ids)


def time_csv_export() -> tuple[int, float]:
    """The CSV of every grant, as `/puljen/bevillinger.csv` makes it: (rows, best of 3 s)."""
    best = None
    rows = 0
    for _attempt in range(3):
        started = time.monotonic()
        content = grants_csv(GrantOverview(QueryDict(), register_grants()).results())
        elapsed = time.monotonic() - started
        best = elapsed if best is None else min(best, elapsed)
        rows = content.count(b"\r\n") - 1
    return rows, best or 0.0


def pages() -> list[tuple]:
    city = Pool.objects.filter(rules_text__startswith=MARK, area__isnull=True).order_by("-year")
    city_pool = city.first()
    grant = (
        Grant.objects.filter(pool__rules_text__startswith=MARK)
        .order_by("-decided_on", "-pk")
        .first()
    )
    rows, seconds = time_csv_export()
    print(f"pool (puljen): CSV export of every grant ({rows:,} rows) in {seconds:.2f} s")
    register = reverse("pool:register")
    return [
        ("pool (puljen): register", register),
        ("pool (puljen): register of one pool", f"{register}?pool={city_pool.pk}"),
        (
            "pool (puljen): register of a year, largest first",
            f"{register}?{urlencode({'year': city_pool.year, 'sort': 'amount'})}",
        ),
        ("pool (puljen): register, a common word", f"{register}?{urlencode({'q': 'værksted'})}"),
        ("pool (puljen): register, a rare word", f"{register}?{urlencode({'q': RARE_WORD})}"),
        ("pool (puljen): grant page", reverse("pool:grant", args=[grant.pk])),
        ("pool (puljen): pool page", reverse("pool:pool", args=[city_pool.pk])),
    ]
