"""Bench data for the council: ten years of history (about 120 meetings, 2,000 proposals,
20,000 reviews, agenda items, decisions, follow-ups), written with COPY."""

import random
from datetime import timedelta

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from advisory import pool_bench
from advisory.models import (
    CouncilMembership,
    Meeting,
    MeetingStatus,
    Outcome,
    Position,
    Proposal,
    ProposalStatus,
    Seat,
    Verdict,
)
from portal.models import Administration, Role, User

MEETINGS = 120
PROPOSALS = 2_000
REVIEWERS = 10
WORDS = [
    "kommunen",
    "socialøkonomiske",
    "virksomheder",
    "job",
    "praktik",
    "genbrug",
    "lokaler",
    "køkken",
    "ældre",
    "unge",
    "byhaver",
    "klausuler",
    "kontrakter",
    "beskæftigelse",
    "fællesskab",
    "bydele",
    "rådgivning",
    "effekt",
]


def _text(rng, words=30) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _members() -> list[int]:
    ids = []
    start = timezone.localdate() - timedelta(days=3650)
    for index in range(REVIEWERS):
        user, _ = User.objects.get_or_create(
            email=f"bench-council-{index}@bench.example",
            defaults={"first_name": f"Medlem{index}", "last_name": "Bench"},
        )
        user.role_assignments.get_or_create(role=Role.COUNCIL_MEMBER)
        CouncilMembership.objects.get_or_create(
            user=user,
            defaults={
                "position": Position.CHAIR if index == 0 else Position.MEMBER,
                "seat": Seat.ENTREPRENEUR if index % 2 else Seat.POLITICIAN,
                "affiliation": f"Bench-organisation {index}",
                "term_start": start,
            },
        )
        ids.append(user.pk)
    return ids


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _meetings(cursor, now, count: int) -> list[tuple[int, object]]:
    rows = []
    for index in range(count):
        starts = now - timedelta(days=30 * (count - index))
        rows.append(
            (
                f"Bench-rådsmøde {index + 1}",
                starts,
                starts + timedelta(hours=2),
                "Københavns Rådhus",
                MeetingStatus.MINUTES_PUBLISHED,
                "",
                starts - timedelta(days=7),
                starts + timedelta(days=5),
                1,
                starts,
                starts,
            )
        )
    _copy(
        cursor,
        "advisory_meeting",
        [
            "title",
            "starts_at",
            "ends_at",
            "place",
            "status",
            "minutes_summary",
            "agenda_published_at",
            "minutes_published_at",
            "sequence",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    cursor.execute(
        "SELECT id, starts_at FROM advisory_meeting WHERE title LIKE 'Bench-%%' ORDER BY starts_at"
    )
    return cursor.fetchall()


def _per_meeting(meetings, count: int) -> int:
    return -(-count // len(meetings))


def _proposals(cursor, rng, meetings, submitter_id, count: int) -> list[tuple[int, int, str]]:
    rows = []
    per_meeting = _per_meeting(meetings, count)
    outcomes = [Outcome.RECOMMENDED, Outcome.RECOMMENDED, Outcome.NOT_RECOMMENDED, Outcome.DEFERRED]
    for index in range(count):
        _meeting_id, starts = meetings[index // per_meeting]
        outcome = rng.choice(outcomes)
        status = ProposalStatus.DECIDED if outcome == Outcome.DEFERRED else ProposalStatus.PUBLISHED
        submitted = starts - timedelta(days=40)
        rows.append(
            (
                "recommendation",
                f"Bench-forslag {index + 1}: {rng.choice(WORDS)}",
                _text(rng),
                _text(rng),
                _text(rng, 15),
                submitter_id,
                status,
                outcome,
                submitted,
                submitted,
                submitted.date(),
                starts,
                starts + timedelta(days=5) if status == ProposalStatus.PUBLISHED else None,
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
            "status",
            "outcome",
            "created_at",
            "submitted_at",
            "screening_due",
            "decided_at",
            "published_at",
            "answer_working_days",
        ],
        rows,
    )
    cursor.execute(
        "SELECT id, status, outcome FROM advisory_proposal WHERE title LIKE 'Bench-%%' ORDER BY id"
    )
    return cursor.fetchall()


def _items_and_decisions(cursor, meetings, proposals) -> None:
    per_meeting = _per_meeting(meetings, len(proposals))
    rows = []
    for index, (proposal_id, _status, _outcome) in enumerate(proposals):
        meeting_id, _starts = meetings[index // per_meeting]
        rows.append(
            (meeting_id, index % per_meeting + 1, f"Punkt {index + 1}", "", False, proposal_id)
        )
    _copy(
        cursor,
        "advisory_agendaitem",
        ["meeting_id", "number", "title", "description", "is_closed", "proposal_id"],
        rows,
    )
    cursor.execute(DECISIONS_SQL)
    cursor.execute(EVENTS_SQL)


DECISIONS_SQL = """
    INSERT INTO advisory_decision (item_id, outcome, minutes, recorded_at)
    SELECT i.id, p.outcome, 'Rådet besluttede som indstillet.', m.starts_at
    FROM advisory_agendaitem i
    JOIN advisory_proposal p ON p.id = i.proposal_id
    JOIN advisory_meeting m ON m.id = i.meeting_id
    WHERE p.title LIKE 'Bench-%%'
"""
EVENTS_SQL = """
    INSERT INTO advisory_proposalevent
        (proposal_id, kind, from_status, to_status, body, for_submitter, is_public, created_at)
    SELECT id, 'status', s.f, s.t, '', true, s.pub, submitted_at + s.d * interval '1 day'
    FROM advisory_proposal, (VALUES
        ('', 'draft', false, 0), ('draft', 'submitted', true, 0),
        ('submitted', 'in_review', false, 5), ('in_review', 'on_agenda', true, 20),
        ('on_agenda', 'decided', true, 40), ('decided', 'published', true, 45)
    ) AS s(f, t, pub, d)
    WHERE title LIKE 'Bench-%%' AND (s.t <> 'published' OR status = 'published')
"""


def _reviews(cursor, rng, proposals, members) -> None:
    rows = []
    now = timezone.now()
    for proposal_id, _status, _outcome in proposals:
        for member_id in members:
            rows.append(
                (
                    proposal_id,
                    member_id,
                    rng.randint(1, 5),
                    rng.randint(1, 5),
                    rng.randint(1, 5),
                    _text(rng, 12),
                    now,
                )
            )
    _copy(
        cursor,
        "advisory_review",
        [
            "proposal_id",
            "member_id",
            "social_impact",
            "feasibility",
            "economic_sustainability",
            "comment",
            "submitted_at",
        ],
        rows,
    )


def _follow_ups(cursor, rng, proposals, administrations, servant_id) -> None:
    rows = []
    now = timezone.now()
    verdicts = [Verdict.ACCEPTED, Verdict.PARTLY_ACCEPTED, Verdict.NOT_ACCEPTED, ""]
    for proposal_id, status, outcome in proposals:
        if status != ProposalStatus.PUBLISHED or outcome != Outcome.RECOMMENDED:
            continue
        for administration_id in rng.sample(administrations, 2):
            verdict = rng.choice(verdicts)
            rows.append(
                (
                    proposal_id,
                    administration_id,
                    (now - timedelta(days=rng.randint(-30, 300))).date(),
                    verdict,
                    _text(rng, 20) if verdict else "",
                    servant_id if verdict else None,
                    now if verdict else None,
                )
            )
    _copy(
        cursor,
        "advisory_followup",
        [
            "proposal_id",
            "administration_id",
            "due",
            "verdict",
            "reasons",
            "answered_by_id",
            "answered_at",
        ],
        rows,
    )


def populate(count: int) -> int:
    if Proposal.objects.filter(title__startswith="Bench-forslag").exists():
        return pool_bench.populate(count)
    rng = random.Random(1212)  # noqa: S311  (test data)
    members = _members()
    submitter, _ = User.objects.get_or_create(email="bench-submitter@bench.example")
    administrations = list(Administration.objects.values_list("pk", flat=True))
    now = timezone.now()
    proposal_count = min(count, PROPOSALS)
    meeting_count = max(2, min(MEETINGS, proposal_count // 16))
    with connection.cursor() as cursor:
        meetings = _meetings(cursor, now, meeting_count)
        proposals = _proposals(cursor, rng, meetings, submitter.pk, proposal_count)
        _items_and_decisions(cursor, meetings, proposals)
        _reviews(cursor, rng, proposals, members)
        _follow_ups(cursor, rng, proposals, administrations, members[0])
        cursor.execute(
            "ANALYZE advisory_meeting, advisory_proposal, advisory_review, advisory_agendaitem, "
            "advisory_followup, advisory_proposalevent"
        )
    return len(proposals) + pool_bench.populate(count)


def pages() -> list[tuple]:
    meeting = Meeting.objects.filter(title__startswith="Bench-").order_by("-starts_at").first()
    recommendation = (
        Proposal.objects.recommendations()
        .filter(title__startswith="Bench-")
        .order_by("-published_at")
        .first()
    )
    return [
        ("advisory: council page", reverse("advisory:council")),
        ("advisory: meeting page (17 items)", reverse("advisory:meeting", args=[meeting.pk])),
        (
            "advisory: recommendation page",
            reverse("advisory:recommendation", args=[recommendation.pk]),
        ),
        ("advisory: decisions, page 2", reverse("advisory:decisions") + "?page=2"),
        *pool_bench.pages(),
    ]
