"""Bench data: 10,000 organisations with realistic Danish names and purposes, written with
COPY (one tenth of `make bench`'s row count), each in zero to three local committee areas.

About a quarter of the purposes contain the common word "borgere"; the rare word
"kajakværksted" is in a handful. Deterministic (seeded), so runs are comparable.
"""

import random
from datetime import timedelta
from urllib.parse import quote

from django.db import connection
from django.utils import timezone

from organisations.models import LegalForm, MembershipRole, Organisation
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal, User
from portal.search import remember_words

COMMON_WORD = "borgere"
RARE_WORD = "kajakværksted"
SHARE = 10  # one organisation per ten rows of the other kinds

FIRST = ["Grøn", "Social", "Lokal", "Fælles", "Ny", "Åben", "Stærk", "Glad", "Tryg", "Frisk"]
SECOND = [
    "Værksted",
    "Køkken",
    "Genbrug",
    "Cykler",
    "Byhave",
    "Mentor",
    "Vaskeri",
    "Kantine",
    "Læsehest",
    "Fællesskab",
    "Værested",
    "Sprogbro",
]
PLACES = [
    "Nørrebro",
    "Valby",
    "Amager",
    "Sydhavn",
    "Vesterbro",
    "Tingbjerg",
    "Østerbro",
    "Bispebjerg",
    "Vanløse",
    "Christianshavn",
    "Indre By",
    "Husum",
]
SUFFIXES = {
    LegalForm.APS: "ApS",
    LegalForm.COOPERATIVE: "A.m.b.A.",
    LegalForm.ASSOCIATION: "",
    LegalForm.FOUNDATION: "Fonden",
    LegalForm.SELF_GOVERNING: "",
}
SENTENCES = [
    "Vi skaber job med løn til mennesker, der står uden for arbejdsmarkedet.",
    "Overskuddet går tilbage til virksomhedens sociale formål.",
    "Frivillige og ansatte arbejder side om side i hverdagen.",
    "Vi samarbejder med jobcentret, boligsociale helhedsplaner og lokale foreninger.",
    "Vores værksted giver brugte møbler og cykler nyt liv.",
    "Unge uden uddannelse får en mentor og et fritidsjob.",
    "Fællesspisning og besøgsvenner bryder ensomhed blandt ældre.",
    "Vi laver mad af overskudsvarer fra lokale butikker.",
    "Taghaver og byhaver gør kvarteret grønnere.",
    "Nytilkomne lærer dansk på arbejdspladsen.",
]
COMMON_SENTENCE = "Vi gør en forskel for de borgere, der har mest brug for det."
RARE_SENTENCE = "Et kajakværksted ved havnen lærer unge håndværk og friluftsliv."
COLUMNS = [
    "name",
    "slug",
    "cvr",
    "is_rsv_registered",
    "legal_form",
    "purpose",
    "website",
    "email",
    "created_at",
    "updated_at",
    "district_ids",
    "sdg_ids",
]
CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)


def _cvr(index: int) -> str:
    """A distinct CVR number with a valid check digit for each index (bench only)."""
    for base in (1_000_000 + 2 * index, 1_000_000 + 2 * index + 1):
        digits = str(base)
        remainder = sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS, strict=True)) % 11
        if (check := (11 - remainder) % 11) < 10:
            return digits + str(check)
    raise AssertionError("one of two neighbours always has a check digit")


def _purpose(rng, index: int) -> str:
    sentences = rng.sample(SENTENCES, 3)
    if index % 4 == 0:
        sentences.insert(1, COMMON_SENTENCE)
    if index % 2_000 == 7:
        sentences.append(RARE_SENTENCE)
    return " ".join(sentences)


def _row(rng, index: int, now, area_ids, goal_ids):
    legal_form = rng.choice(list(SUFFIXES))
    name = " ".join(
        part
        for part in (
            rng.choice(FIRST),
            rng.choice(SECOND),
            rng.choice(PLACES),
            SUFFIXES[legal_form],
        )
        if part
    )
    created = now - timedelta(minutes=index * 7)
    areas = sorted(rng.sample(area_ids, rng.randint(0, 3)))
    goals = sorted(rng.sample(goal_ids, rng.randint(1, 3)))
    return (
        f"{name} ({index + 1})",
        f"bench-organisation-{index + 1}",
        _cvr(index),
        rng.random() < 0.4,
        legal_form,
        _purpose(rng, index),
        f"https://bench-{index + 1}.example" if index % 3 else "",
        "",
        created,
        created,
        "{" + ",".join(map(str, areas)) + "}",
        "{" + ",".join(map(str, goals)) + "}",
    )


def _relations(cursor, first_id: int, administrator_id: int) -> None:
    """The many-to-many rows from the arrays, and one administrator for every profile."""
    cursor.execute(
        "INSERT INTO organisations_organisation_districts (organisation_id, localcommitteearea_id) "
        "SELECT id, unnest(district_ids) FROM organisations_organisation WHERE id >= %s",
        [first_id],
    )
    cursor.execute(
        "INSERT INTO organisations_organisation_sdgs "
        "(organisation_id, sustainabledevelopmentgoal_id) "
        "SELECT id, unnest(sdg_ids) FROM organisations_organisation WHERE id >= %s",
        [first_id],
    )
    cursor.execute(
        "INSERT INTO organisations_organisationmembership "
        "(organisation_id, user_id, role, created_at, is_public_contact) "
        "SELECT id, %s, %s, created_at, false FROM organisations_organisation WHERE id >= %s",
        [administrator_id, MembershipRole.ADMIN, first_id],
    )


def populate(count: int) -> int:
    """Make the table hold count / 10 organisations; returns how many were written."""
    wanted = count // SHARE
    remember_words(
        *FIRST, *SECOND, *PLACES, *SENTENCES, COMMON_SENTENCE, RARE_SENTENCE, "ApS", "Fonden"
    )
    existing = Organisation.objects.count()
    if existing >= wanted:
        return 0
    rng = random.Random(20261202 + existing)  # noqa: S311  (test data, not secrets)
    area_ids = list(LocalCommitteeArea.objects.values_list("pk", flat=True))
    goal_ids = list(SustainableDevelopmentGoal.objects.values_list("pk", flat=True))
    administrator, _ = User.objects.get_or_create(
        email="bench-entrepreneur@bench.example", defaults={"first_name": "Bench"}
    )
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM organisations_organisation")
        first_id = cursor.fetchone()[0]
        sql = f"COPY organisations_organisation ({', '.join(COLUMNS)}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for index in range(existing, wanted):
                copy.write_row(_row(rng, index, now, area_ids, goal_ids))
        _relations(cursor, first_id, administrator.pk)
    return wanted - existing


def pages() -> list[tuple[str, str]]:
    """The pages `make bench` measures: (label, path)."""
    profile = (
        Organisation.objects.filter(solutions__status="published")
        .order_by("pk")
        .values_list("slug", flat=True)
        .first()
    ) or Organisation.objects.order_by("pk").values_list("slug", flat=True).first()
    area = LocalCommitteeArea.objects.order_by("pk").values_list("slug", flat=True).first()
    rare = quote(RARE_WORD)
    return [
        ("organisations: overview", "/organisationer/"),
        ("organisations: filtered (area, RSV)", f"/organisationer/?district={area}&rsv=yes"),
        (f"organisations: search '{COMMON_WORD}' (~25 %)", f"/organisationer/?q={COMMON_WORD}"),
        (f"organisations: search '{RARE_WORD}' (rare)", f"/organisationer/?q={rare}"),
        ("organisations: profile", f"/organisationer/{profile}/"),
        ("areas: area page", f"/bydele/{area}/"),
        ("areas: list with counts", "/bydele/"),
        (f"search: combined '{COMMON_WORD}'", f"/soeg/?q={COMMON_WORD}"),
        (f"search: combined '{RARE_WORD}'", f"/soeg/?q={rare}"),
    ]
