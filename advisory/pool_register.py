"""The public register's figures and the CSV exports for a Danish Excel."""

import csv
import io

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from advisory.models import Application, Grant, LedgerEntry, Pool, ReportStatus
from advisory.pool_models import _figure_sum
from advisory.pool_money import kroner_figure
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def register_grants() -> QuerySet[Grant]:
    """Every public grant with what the register shows of it; the register's overview
    (advisory.pool_overview.GrantOverview) filters, searches and sorts them."""
    return (
        Grant.objects.public()
        .select_related("pool__area", "application__proposal__organisation")
        .prefetch_related("application__goals", "application__areas")
    )


def money_in(pool: Pool) -> list[tuple[str, int]]:
    """Per payer, what it paid in (reversals subtracted), largest first."""
    rows = (
        LedgerEntry.objects.filter(pool=pool)
        .filter(Q(kind="contribution") | Q(reverses__kind="contribution"))
        .values("payer_administration", "payer_area")
        .annotate(total=_figure_sum("contributed"))
        .order_by()
    )
    administrations = Administration.objects.in_bulk()
    areas = LocalCommitteeArea.objects.in_bulk()
    named = [
        (
            str(administrations[row["payer_administration"]])
            if row["payer_administration"]
            else str(areas[row["payer_area"]]),
            int(row["total"]),
        )
        for row in rows
        if row["total"]
    ]
    return sorted(named, key=lambda pair: (-pair[1], pair[0]))


def _money_out(pool: Pool, model, relation: str) -> list[tuple[str, int]]:
    totals = (
        Grant.objects.public()
        .filter(pool=pool, **{f"{relation}__isnull": False})
        .values(relation)
        .annotate(total=Sum("amount"))
        .order_by()
    )
    names = model.objects.in_bulk()
    rows = [(str(names[row[relation]]), int(row["total"])) for row in totals]
    return sorted(rows, key=lambda pair: (-pair[1], pair[0]))


def money_out(pool: Pool) -> dict[str, list[tuple[str, int]]]:
    """Granted per administration concerned, per SDG and per area. A grant that concerns
    several counts under each, so a table's total can exceed what was granted."""
    return {
        "administration": _money_out(
            pool, Administration, "application__proposal__administrations"
        ),
        "goal": _money_out(pool, SustainableDevelopmentGoal, "application__goals"),
        "area": _money_out(pool, LocalCommitteeArea, "application__areas"),
    }


# CSV for a Danish Excel: semicolons, UTF-8 with a byte order mark, decimal commas.


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(header: list[str], rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _amount(ore: int) -> str:
    """A figure Excel reads as a number in a Danish locale: 30000,00 (no thousands dots)."""
    return kroner_figure(ore).replace(".", "")


def grants_csv(grants) -> bytes:
    """Every grant of `grants` as a row. Read as plain values (one query for the grants,
    one each for their SDGs and areas, one for the pools' names) rather than as model
    objects: 5,000 grants take well under a second."""
    header = [
        _("Organisation"),
        _("Title"),
        _("Amount (kr.)"),
        _("Date"),
        _("Pool"),
        _("SDGs"),
        _("Areas"),
        _("Report"),
    ]
    grants = grants.prefetch_related(None)
    application_ids = grants.values("application_id")
    goals: dict[int, list[int]] = {}
    for application_id, number in (
        Application.goals.through.objects.filter(application_id__in=application_ids)
        .order_by("sustainabledevelopmentgoal__number")
        .values_list("application_id", "sustainabledevelopmentgoal__number")
    ):
        goals.setdefault(application_id, []).append(number)
    area_names = {area.pk: area.name for area in LocalCommitteeArea.objects.all()}
    area_order = {pk: index for index, pk in enumerate(area_names)}
    areas: dict[int, list[int]] = {}
    for application_id, area_id in Application.areas.through.objects.filter(
        application_id__in=application_ids
    ).values_list("application_id", "localcommitteearea_id"):
        areas.setdefault(application_id, []).append(area_id)
    pools = {pool.pk: str(pool) for pool in Pool.objects.select_related("area")}
    reports = {value: str(label) for value, label in ReportStatus.choices}
    rows = (
        [
            organisation or "",
            title,
            _amount(amount),
            decided_on.strftime("%d-%m-%Y"),
            pools[pool_id],
            ", ".join(str(number) for number in goals.get(application_id, [])),
            ", ".join(
                area_names[area_id]
                for area_id in sorted(areas.get(application_id, []), key=area_order.__getitem__)
            ),
            reports.get(report_status, report_status),
        ]
        for application_id, organisation, title, amount, decided_on, pool_id, report_status in (
            grants.values_list(
                "application_id",
                "application__proposal__organisation__name",
                "application__proposal__title",
                "amount",
                "decided_on",
                "pool_id",
                "report_status",
            ).iterator(chunk_size=2000)
        )
    )
    return _csv(header, rows)


def contributions_csv(pool: Pool) -> bytes:
    entries = (
        LedgerEntry.objects.filter(pool=pool)
        .filter(Q(kind="contribution") | Q(reverses__kind="contribution"))
        .select_related("payer_administration", "payer_area")
    )
    header = [_("Date"), _("Payer"), _("Kind"), _("Amount (kr.)"), _("Reason")]
    rows = (
        [
            entry.booked_on.strftime("%d-%m-%Y"),
            entry.payer or "",
            entry.get_kind_display(),
            _amount(entry.amount),  # positive; the kind says a reversal takes it back
            entry.reason,
        ]
        for entry in entries
    )
    return _csv(header, rows)


def with_bars(rows: list[tuple[str, int]]) -> list[tuple[str, int, float, int]]:
    """Each row with its bar's width in per cent of the largest and its bar's y position
    (for the SVG chart beside the table; the figures are the table's)."""
    largest = max((amount for _name, amount in rows), default=0) or 1
    return [
        (name, amount, round(100 * amount / largest, 1), index * BAR_STEP)
        for index, (name, amount) in enumerate(rows)
    ]


BAR_STEP = 28
