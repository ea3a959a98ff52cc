"""Bench data: many challenges with realistic Danish text, written with COPY.

About a quarter of the rows contain the common word "borgere"; the rare word
"kajakværksted" is in a handful. Deterministic (seeded), so runs are comparable.
"""

import importlib
import random
from datetime import timedelta
from urllib.parse import quote

from django.db import connection
from django.utils import timezone

from challenges.models import BudgetRange, Challenge, Collaboration, Status, TargetGroup
from portal.models import (
    Administration,
    AdministrationMembership,
    LocalCommitteeArea,
    SustainableDevelopmentGoal,
    User,
)
from portal.search import remember_words

FILL_ARRAYS = importlib.import_module("challenges.migrations.0004_filter_arrays").FILL_ARRAYS

COMMON_WORD = "borgere"
RARE_WORD = "kajakværksted"

SUBJECTS = [
    "Genbrug af møbler",
    "Madspild i kantinerne",
    "Ensomhed blandt ældre",
    "Cykelværksted for unge",
    "Taghaver på skolerne",
    "Lektiehjælp på biblioteket",
    "Vaskeri til plejecentre",
    "Job til flygtningekvinder",
    "Handicapidræt i hallerne",
    "Læsestøtte til ordblinde",
    "Genbrugte computere med licenser",
    "Bydelsmødre i boligområderne",
    "Fællesspisning for familier",
    "Grønne byrum og byhaver",
    "Tekstilgenbrug fra institutioner",
    "Digital hjælp til ældre",
    "Sommeraktiviteter for børn",
    "Rengøring af parker",
    "Kantinedrift med ledige",
    "Værested for førtidspensionister",
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
    "Forvaltningen søger en socialøkonomisk virksomhed, der kan udvikle en løsning sammen med os.",
    "Vi kan stille lokaler, data og en fast kontaktperson til rådighed i hele forløbet.",
    "Målet er flere meningsfulde fællesskaber og færre, der står uden for arbejdsmarkedet.",
    "Løsningen skal kunne afprøves i et pilotprojekt over seks til tolv måneder.",
    "Erfaringer fra andre kommuner viser, at lokale partnerskaber giver varige resultater.",
    "Vi forventer en enkel afrapportering med få, tydelige mål for den sociale effekt.",
    "Tilbuddet skal være let at finde og bruge, også for dem, der ikke taler dansk.",
    "Frivillige og ansatte med løntilskud kan indgå i opgaven efter aftale med jobcentret.",
    "Kommunen har afsat midler til opstart, men forventer, at løsningen kan drives videre.",
    "Vi ønsker særligt forslag, der mindsker madspild og fremmer genbrug i hverdagen.",
    "Projektet skal løbe i tæt samarbejde med lokaludvalget og de lokale foreninger.",
    "Ansøgere bedes beskrive erfaring, bemanding og en realistisk tidsplan.",
]
COMMON_SENTENCE = (
    "Løsningen skal gøre en mærkbar forskel for de borgere, der har mest brug for den."
)
RARE_SENTENCE = "Et kajakværksted ved havnen kan give unge et sted at lære håndværk og friluftsliv."


def _text(rng, index):
    sentences = rng.sample(SENTENCES, 4)
    if index % 4 == 0:
        sentences.insert(rng.randrange(4), COMMON_SENTENCE)
    if index % 20_000 == 7:
        sentences.append(RARE_SENTENCE)
    return " ".join(sentences[:3]), "\n\n".join([" ".join(sentences[i : i + 2]) for i in (0, 2, 4)])


def _bench_users(administrations):
    users = {}
    for administration in administrations:
        email = f"bench-{administration.slug}@bench.example"
        user, _ = User.objects.get_or_create(email=email, defaults={"first_name": "Bench"})
        AdministrationMembership.objects.get_or_create(user=user, administration=administration)
        users[administration.pk] = user.pk
    return users


def populate(count: int) -> int:
    """Make the table hold `count` challenges; returns how many were written."""
    remember_words(*SUBJECTS, *PLACES, *SENTENCES, COMMON_SENTENCE, RARE_SENTENCE)
    existing = Challenge.objects.count()
    if existing >= count:
        return 0
    rng = random.Random(20261123 + existing)  # noqa: S311  (test data, not secrets)
    administrations = list(Administration.objects.all())
    users = _bench_users(administrations)
    district_ids = list(LocalCommitteeArea.objects.values_list("pk", flat=True))
    sdg_ids = list(SustainableDevelopmentGoal.objects.values_list("pk", flat=True))
    statuses = [Status.PUBLISHED] * 15 + [
        Status.IN_DIALOGUE,
        Status.SOLVED,
        Status.CLOSED,
        Status.DRAFT,
        Status.ARCHIVED,
    ]
    now = timezone.now()
    today = timezone.localdate()
    columns = [
        "title",
        "summary",
        "description",
        "owner_id",
        "contact_person_id",
        "target_groups",
        "collaboration",
        "budget",
        "deadline",
        "status",
        "created_by_id",
        "created_at",
        "updated_at",
        "published_at",
        # Filled below from the relations (FILL_ARRAYS); the columns are NOT NULL.
        "administration_ids",
        "district_ids",
        "sdg_ids",
    ]
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY challenges_challenge ({', '.join(columns)}) FROM STDIN") as copy:
            for index in range(existing, count):
                owner = rng.choice(administrations)
                status = rng.choice(statuses)
                summary, description = _text(rng, index)
                created = now - timedelta(minutes=index * 5)
                groups = rng.sample(TargetGroup.values, rng.randint(1, 3))
                copy.write_row(
                    (
                        f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)} ({index + 1})",
                        summary,
                        description,
                        owner.pk,
                        users[owner.pk],
                        "{" + ",".join(groups) + "}",
                        rng.choice(Collaboration.values),
                        rng.choice(BudgetRange.values),
                        today + timedelta(days=rng.randint(-60, 120)),
                        status,
                        users[owner.pk],
                        created,
                        created,
                        None if status == Status.DRAFT else created,
                        "{}",
                        "{}",
                        "{}",
                    )
                )
        cursor.execute(
            "SELECT id, owner_id FROM challenges_challenge WHERE id > "
            "(SELECT COALESCE(MAX(challenge_id), 0) FROM challenges_challenge_sdgs) ORDER BY id"
        )
        new_rows = cursor.fetchall()
        admin_ids = [a.pk for a in administrations]
        with cursor.copy(
            "COPY challenges_challenge_co_owners (challenge_id, administration_id) FROM STDIN"
        ) as copy:
            for challenge_id, owner_id in new_rows:
                if rng.random() < 0.2:
                    copy.write_row(
                        (challenge_id, rng.choice([a for a in admin_ids if a != owner_id]))
                    )
        with cursor.copy(
            "COPY challenges_challenge_districts (challenge_id, localcommitteearea_id) FROM STDIN"
        ) as copy:
            for challenge_id, _owner in new_rows:
                for district in rng.sample(district_ids, rng.randint(0, 2)):
                    copy.write_row((challenge_id, district))
        with cursor.copy(
            "COPY challenges_challenge_sdgs (challenge_id, sustainabledevelopmentgoal_id) "
            "FROM STDIN"
        ) as copy:
            for challenge_id, _owner in new_rows:
                for sdg in rng.sample(sdg_ids, rng.randint(1, 3)):
                    copy.write_row((challenge_id, sdg))
        # The array copies the overview filters on (as challenges.services keeps them).
        cursor.execute(FILL_ARRAYS + " WHERE c.id >= %s", [new_rows[0][0]])
    return count - existing


def pages() -> list[tuple[str, str]]:
    """The pages `make bench` measures: (label, path)."""
    detail = Challenge.objects.published().order_by("pk").values_list("pk", flat=True).first()
    rare = quote(RARE_WORD)
    return [
        ("challenges: overview", "/udfordringer/"),
        ("challenges: filtered (BIF)", "/udfordringer/?administration=bif"),
        (f"challenges: search '{COMMON_WORD}' (~25 %)", f"/udfordringer/?q={COMMON_WORD}"),
        (f"challenges: search '{RARE_WORD}' (rare)", f"/udfordringer/?q={rare}"),
        ("challenges: detail", f"/udfordringer/{detail}/"),
    ]
