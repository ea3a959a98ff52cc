"""Bench data: 100,000 solutions of the bench organisations with realistic Danish text and
one to three impact statements each, written with COPY.

About a quarter of the rows contain the common word "borgere"; the rare word
"kajakværksted" is in a handful. Deterministic (seeded), so runs are comparable.
"""

import random
from datetime import timedelta
from urllib.parse import quote

from django.db import connection
from django.utils import timezone

from organisations.models import Organisation
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal
from portal.search import remember_words
from portal.vocabulary import Collaboration, TargetGroup
from solutions.models import PriceModel, Solution, SourceKind, Status

COMMON_WORD = "borgere"
RARE_WORD = "kajakværksted"

SUBJECTS = [
    "Cykelværksteder for unge",
    "Kantine med ledige",
    "Besøgsvenner for ensomme ældre",
    "Lektiehjælp i folkeskolerne",
    "Taghaver på boligblokkene",
    "Genbrugsbutik med praktikpladser",
    "Industrivaskeri med fleksjob",
    "Madfællesskab af overskudsvarer",
    "Mentorforløb for flygtninge",
    "Sprogcafé for nydanskere",
    "Læsevenner for ordblinde børn",
    "Værested for førtidspensionister",
    "Digital hjælp til seniorer",
    "Rengøring med langtidsledige",
    "Motionstilbud for familier",
    "Møbelværksted med psykisk sårbare",
]
PLACES = [
    "på Nørrebro",
    "i Valby",
    "på Amager",
    "i Sydhavnen",
    "på Vesterbro",
    "i Tingbjerg",
    "på Østerbro",
    "i Bispebjerg",
    "i Vanløse",
    "i hele byen",
    "på Christianshavn",
    "i Indre By",
]
SENTENCES = [
    "Vi tilbyder et forløb, hvor deltagerne lærer et håndværk og får en fast hverdag.",
    "Løsningen er afprøvet sammen med tre institutioner og kan skaleres til hele kommunen.",
    "Medarbejderne ansættes på overenskomst, og en mentor følger hver enkelt.",
    "Vi samarbejder med jobcentret om praktik, løntilskud og fleksjob.",
    "Frivillige og ansatte arbejder side om side, og brugerne er med til at planlægge.",
    "Resultaterne er dokumenteret i en ekstern evaluering med tydelige mål.",
    "Prisen aftales efter omfang, og vi kan starte med et pilotprojekt.",
    "Tilbuddet mindsker madspild og fremmer genbrug i hverdagen.",
    "Vi har erfaring fra lignende samarbejder med andre kommuner.",
    "Forløbet tilpasses den enkelte deltagers behov og tempo.",
    "Vi leverer en enkel afrapportering hvert kvartal.",
    "Lokalerne stilles til rådighed af boligforeningen.",
]
PROBLEMS = [
    "Mange unge uden uddannelse står uden for arbejdsmarkedet.",
    "Ældre, der bor alene, bliver ufrivilligt ensomme.",
    "Mennesker med handicap har svært ved at få fast ansættelse.",
    "Brugbare møbler og tekstiler bliver kasseret hvert år.",
    "Elever, der ikke får hjælp hjemme, halter bagefter i skolen.",
]
COMMON_SENTENCE = "Løsningen gør en mærkbar forskel for de borgere, der har mest brug for den."
RARE_SENTENCE = "Et kajakværksted ved havnen giver unge et sted at lære håndværk og friluftsliv."
OUTCOMES = [
    ("deltagere kom i job eller uddannelse", "procent"),
    ("ældre fik besøg hver uge", "personer"),
    ("kg mad reddet fra madspild", "kg"),
    ("møbler genbrugt", "stk."),
    ("unge i fritidsjob", "unge"),
]


def _text(rng, index):
    sentences = rng.sample(SENTENCES, 5)
    if index % 4 == 0:
        sentences.insert(rng.randrange(4), COMMON_SENTENCE)
    if index % 20_000 == 11:
        sentences.append(RARE_SENTENCE)
    summary = " ".join(sentences[:2])
    return summary, "\n\n".join(" ".join(sentences[i : i + 2]) for i in (0, 2, 4))


def _solution_rows(rng, existing, count, organisation_ids):
    statuses = [Status.PUBLISHED] * 17 + [Status.DRAFT, Status.DRAFT, Status.ARCHIVED]
    now = timezone.now()
    for index in range(existing, count):
        status = rng.choice(statuses)
        summary, description = _text(rng, index)
        created = now - timedelta(minutes=index * 5)
        yield (
            rng.choice(organisation_ids),
            f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} ({index + 1})",
            summary,
            description,
            rng.choice(PROBLEMS),
            "{" + ",".join(rng.sample(TargetGroup.values, rng.randint(1, 3))) + "}",
            "{" + ",".join(rng.sample(Collaboration.values, rng.randint(1, 3))) + "}",
            rng.choice(PriceModel.values),
            "",
            "",
            "",
            "",
            status,
            created,
            created,
            None if status == Status.DRAFT else created,
            "{}",
            "{}",
        )


SOLUTION_COLUMNS = [
    "organisation_id",
    "title",
    "summary",
    "description",
    "problem",
    "target_groups",
    "collaborations",
    "price_model",
    "price_text",
    "image",
    "image_small",
    "image_description",
    "status",
    "created_at",
    "updated_at",
    "published_at",
    "district_ids",
    "sdg_ids",
]
FILL_ARRAYS = """
UPDATE solutions_solution s SET
  district_ids = ARRAY(SELECT localcommitteearea_id FROM solutions_solution_districts
                       WHERE solution_id = s.id ORDER BY 1),
  sdg_ids = ARRAY(SELECT sustainabledevelopmentgoal_id FROM solutions_solution_sdgs
                  WHERE solution_id = s.id ORDER BY 1)
WHERE s.id >= %s
"""


def _copy_relations(cursor, rng, new_ids):
    area_ids = list(LocalCommitteeArea.objects.values_list("pk", flat=True))
    goal_ids = list(SustainableDevelopmentGoal.objects.values_list("pk", flat=True))
    relations = [
        ("solutions_solution_districts", "localcommitteearea_id", area_ids, 0, 2),
        ("solutions_solution_sdgs", "sustainabledevelopmentgoal_id", goal_ids, 1, 3),
    ]
    for table, column, choices, low, high in relations:
        with cursor.copy(f"COPY {table} (solution_id, {column}) FROM STDIN") as copy:
            for solution_id in new_ids:
                for value in rng.sample(choices, rng.randint(low, high)):
                    copy.write_row((solution_id, value))
    columns = "solution_id, position, outcome, figure, unit, period, source_kind, source_text"
    with cursor.copy(f"COPY solutions_impactstatement ({columns}) FROM STDIN") as copy:
        for solution_id in new_ids:
            for position in range(rng.randint(1, 3)):
                outcome, unit = rng.choice(OUTCOMES)
                copy.write_row(
                    (
                        solution_id,
                        position,
                        outcome,
                        rng.randint(5, 5000),
                        unit,
                        str(rng.randint(2019, 2025)),
                        rng.choice(SourceKind.values),
                        "",
                    )
                )


def populate(count: int) -> int:
    """Make the table hold `count` solutions; returns how many were written."""
    remember_words(
        *SUBJECTS, *PLACES, *SENTENCES, *PROBLEMS, COMMON_SENTENCE, RARE_SENTENCE,
        *(outcome for outcome, _unit in OUTCOMES),
    )  # fmt: skip
    existing = Solution.objects.count()
    organisation_ids = list(Organisation.objects.values_list("pk", flat=True))
    if existing >= count or not organisation_ids:
        return 0
    rng = random.Random(20261202 + existing)  # noqa: S311  (test data, not secrets)
    with connection.cursor() as cursor:
        with cursor.copy(
            f"COPY solutions_solution ({', '.join(SOLUTION_COLUMNS)}) FROM STDIN"
        ) as copy:
            for row in _solution_rows(rng, existing, count, organisation_ids):
                copy.write_row(row)
        cursor.execute(
            "SELECT id FROM solutions_solution WHERE id > "
            "(SELECT COALESCE(MAX(solution_id), 0) FROM solutions_impactstatement) ORDER BY id"
        )
        new_ids = [row[0] for row in cursor.fetchall()]
        _copy_relations(cursor, rng, new_ids)
        cursor.execute(FILL_ARRAYS, [new_ids[0]])
    return count - existing


def pages() -> list[tuple[str, str]]:
    """The pages `make bench` measures: (label, path)."""
    detail = Solution.objects.published().order_by("pk").values_list("pk", flat=True).first()
    area = LocalCommitteeArea.objects.order_by("pk").values_list("slug", flat=True).first()
    rare = quote(RARE_WORD)
    return [
        ("solutions: overview", "/loesninger/"),
        (
            "solutions: filtered (area, collaboration)",
            f"/loesninger/?district={area}&collaboration=employment",
        ),
        (f"solutions: search '{COMMON_WORD}' (~25 %)", f"/loesninger/?q={COMMON_WORD}"),
        (f"solutions: search '{RARE_WORD}' (rare)", f"/loesninger/?q={rare}"),
        ("solutions: compound search 'værksted'", f"/loesninger/?q={quote('værksted')}"),
        ("solutions: solution page", f"/loesninger/{detail}/"),
    ]
