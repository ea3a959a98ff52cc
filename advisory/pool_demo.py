"""Demo data of the pools: the 2026 city pool with contributions from all seven
administrations, two local pools, a dozen applications and grants in different states,
payouts, a closed grant with its rest returned, a reversed contribution, and two final
reports (one accepted and published, one waiting for the secretary)."""

from datetime import date
from decimal import Decimal

from advisory import pool_reports, pool_services
from advisory.models import FinalReport, Grant, LocalPoolSecretary, Pool
from advisory.pool_reports import ReportContent
from advisory.pool_services import Asks
from organisations.models import Organisation
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal

KR = 100
RULES = (
    "Puljen støtter sociale virksomheder, der skaber arbejde, uddannelse eller fællesskab "
    "for borgere på kanten af arbejdsmarkedet. Ansøgninger op til grænsen for det hurtige "
    "spor afgøres af sekretariatet; større ansøgninger behandles af Socialt Virksomhedsråd."
)
CITY_CONTRIBUTIONS = {"ØKF": 800_000, "BIF": 600_000, "SUF": 500_000, "BUF": 400_000}
# The rest of the administrations pay 250,000 kr. each.
DEFAULT_CONTRIBUTION = 250_000
APPLICATIONS = [
    # title, amount in kroner, SDG numbers, state
    ("Cykelværksted for unge i Nordvest", 30_000, [8, 11], "paid"),
    ("Kaffebar med job til sindslidende", 45_000, [3, 8], "paid"),
    ("Genbrugsbutik med praktikpladser", 50_000, [8, 12], "part_paid"),
    ("Madklub for ensomme ældre", 25_000, [3, 10], "closed"),
    ("Digital hjælp til nye danskere", 40_000, [4, 10], "granted"),
    ("Urban have på Amager", 35_000, [11, 15], "granted"),
    ("Systue for kvinder uden job", 48_000, [5, 8], "part_paid"),
    ("Lektiecafé med frivillige studerende", 20_000, [4], "granted"),
    ("Reparationscafé i Valby", 15_000, [12], "refused"),
    ("Socialt rengøringsfirma", 200_000, [8, 10], "submitted"),
    ("Festival med udsatte unge som arrangører", 28_000, [8, 11], "submitted"),
]


def _pool(year, area, maximum, limit):
    return Pool.objects.create(
        year=year,
        area=area,
        rules_text=RULES,
        maximum_grant=maximum * KR,
        fast_track_limit=limit * KR,
        fast_track_working_days=10,
    )


def _fund_city(pool, secretary):
    for administration in Administration.objects.order_by("code"):
        kroner = CITY_CONTRIBUTIONS.get(administration.code, DEFAULT_CONTRIBUTION)
        pool_services.contribution_record(
            pool=pool,
            actor=secretary,
            amount=kroner * KR,
            reason=f"Bidrag for 2026 fra {administration.name_da}",
            payer=administration,
            booked_on=date(2026, 1, 15),
        )
    wrong = pool_services.contribution_record(
        pool=pool,
        actor=secretary,
        amount=100_000 * KR,
        reason="Ekstra bidrag",
        payer=Administration.objects.get(code="KFF"),
    )
    pool_services.entry_reverse(
        entry=wrong, actor=secretary, reason="Bogført to gange; bidraget er allerede med"
    )


def _apply(pool, applicant, organisation, title, kroner, goals, area):
    application = pool_services.application_create(
        actor=applicant,
        pool=pool,
        proposal_data={
            "title": title,
            "what": f"{title}: et projekt i et år med faste medarbejdere og frivillige.",
            "why": "Flere borgere i arbejde og fællesskab.",
            "expected_effect": "Ti borgere i job eller uddannelse.",
            "organisation": organisation,
        },
        administrations=Administration.objects.filter(code__in=["BIF", "SUF"]),
        asks=Asks(
            amount=kroner * KR,
            period_start=date(2026, 3, 1),
            period_end=date(2027, 2, 28),
            budget_lines=[("Løn", kroner * KR * 7 // 10), ("Materialer", kroner * KR * 3 // 10)],
            impacts=[("Borgere i job eller uddannelse", 10, "personer")],
            goals=SustainableDevelopmentGoal.objects.filter(number__in=goals),
            areas=[area] if area else [],
        ),
    )
    return pool_services.application_submit(application=application, actor=applicant)


def _decide(application, secretary, state):
    if state == "submitted":
        return
    amount = application.amount
    grant = pool_services.application_decide_fast_track(
        application=application,
        actor=secretary,
        granted=state != "refused",
        reason="Ansøgningen opfylder puljens formål."
        if state != "refused"
        else "Projektet ligger uden for puljens formål.",
        grant_terms={
            "amount": amount,
            "conditions": "Slutrapport med opnåede resultater.",
            "instalments": [
                (date(2026, 4, 1), amount // 2),
                (date(2026, 9, 1), amount - amount // 2),
            ],
            "report_due": date(2027, 3, 31),
        }
        if state != "refused"
        else None,
    )
    _pay(grant, secretary, state)


def _pay(grant, secretary, state):
    if state in ("paid", "part_paid", "closed"):
        pool_services.payout_record(
            grant=grant, actor=secretary, amount=grant.amount // 2, reason="Første rate"
        )
    if state == "paid":
        pool_services.payout_record(
            grant=grant,
            actor=secretary,
            amount=grant.amount - grant.amount // 2,
            reason="Anden rate",
        )
    if state == "closed":
        pool_services.grant_return_rest(
            grant=grant, actor=secretary, reason="Projektet sluttede før tid"
        )


def _own_organisation(applicant, index):
    """One of the applicant's own organisations (an application is made on behalf of an
    organisation its submitter belongs to), or none."""
    own = list(Organisation.objects.filter(memberships__user=applicant).order_by("pk"))
    return own[index % len(own)] if own else None


def _local_pools(users):
    local_secretary = users["civil_servant_tmf"]
    areas = list(LocalCommitteeArea.objects.order_by("name_da")[:2])
    for area in areas:
        LocalPoolSecretary.objects.get_or_create(user=local_secretary, area=area)
    titles = ["Nabofællesskab i gården", "Værested med socialøkonomisk café"]
    for area, title in zip(areas, titles, strict=True):
        pool = _pool(2026, area, 50_000, 25_000)
        pool_services.contribution_record(
            pool=pool,
            actor=local_secretary,
            amount=150_000 * KR,
            reason="Lokaludvalgets bidrag for 2026",
            payer=area,
        )
        application = _apply(
            pool,
            users["entrepreneur2"],
            _own_organisation(users["entrepreneur2"], 0),
            title,
            20_000,
            [11],
            area,
        )
        _decide(application, local_secretary, "part_paid")


# Final reports: one accepted (and published), one submitted and waiting for the secretary.
REPORTS = [
    (
        "Cykelværksted for unge i Nordvest",
        "accept",
        "Værkstedet har haft åbent fire dage om ugen hele året. Unge har repareret og solgt "
        "cykler, og flere er gået videre i job eller uddannelse.",
        12,
        [("Cykler repareret og solgt", Decimal(340), "cykler")],
    ),
    (
        "Kaffebar med job til sindslidende",
        "submit",
        "Kaffebaren har haft åbent siden april med faste vagter til otte medarbejdere.",
        8,
        [],
    ),
]


def _reports(users):
    secretary = users["council_secretary"]
    for title, step, text, achieved, extra in REPORTS:
        grant = Grant.objects.filter(application__proposal__title=title).first()
        if grant is None or FinalReport.objects.filter(grant=grant).exists():
            continue
        grantee = grant.application.proposal.submitter
        expected = grant.application.expected_impacts.all()
        pool_reports.report_save(
            grant=grant,
            actor=grantee,
            content=ReportContent(
                what_was_done=text,
                achieved={impact.pk: Decimal(achieved) for impact in expected},
                extra=extra,
            ),
        )
        report = pool_reports.report_submit(grant=grant, actor=grantee)
        if step == "accept":
            report = pool_reports.report_accept(
                report=report, actor=secretary, note="Tak for en grundig rapport."
            )
            pool_reports.report_publish(report=report, actor=secretary, published=True)


def load(context):
    if not Pool.objects.exists():
        _load_pools(context)
    _reports(context.users)


def _load_pools(context):
    users = context.users
    secretary = users["council_secretary"]
    city = _pool(2026, None, 500_000, 50_000)
    _fund_city(city, secretary)
    areas = list(LocalCommitteeArea.objects.order_by("name_da"))
    for index, (title, kroner, goals, state) in enumerate(APPLICATIONS):
        applicant = users["entrepreneur"] if index % 2 == 0 else users["entrepreneur2"]
        organisation = _own_organisation(applicant, index // 2)
        application = _apply(
            city, applicant, organisation, title, kroner, goals, areas[index % len(areas)]
        )
        _decide(application, secretary, state)
    _local_pools(users)
