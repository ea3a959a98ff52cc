"""Bench: 10,000 followers (saved searches of both overviews and standing interests with
notices waiting), some challenges and solutions published since their last digest, and the
time of the digest task for all of them, printed (the outbox rows are rolled back)."""

import random
import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from challenges.models import Challenge
from following import services
from following.models import Delivery, Follower, Frequency, Kind, Notice, Subscription
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal, User
from portal.vocabulary import Collaboration
from solutions.models import Solution

FOLLOWERS = 10_000
NEW_ITEMS = 200  # published in the last day, per kind
WORDS = ("ensomhed", "ældre", "cykel", "lektiehjælp", "fællesspisning", "kantine", "genbrug")


def _queries(rng: random.Random) -> list[tuple[str, str]]:
    districts = list(LocalCommitteeArea.objects.values_list("slug", flat=True))
    goals = list(SustainableDevelopmentGoal.objects.values_list("number", flat=True))
    queries = []
    for _n in range(60):
        kind = rng.choice((Kind.CHALLENGE_SEARCH, Kind.SOLUTION_SEARCH))
        parts = [f"district={rng.choice(districts)}"]
        if rng.random() < 0.5:
            parts.append(f"sdg={rng.choice(goals)}")
        if rng.random() < 0.3:
            parts.insert(0, f"q={rng.choice(WORDS)}")
        if kind == Kind.CHALLENGE_SEARCH and rng.random() < 0.3:
            parts.append(f"collaboration={rng.choice(Collaboration.values)}")
        queries.append((kind, "&".join(parts)))
    return queries


def _publish_recent(now, rng: random.Random) -> None:
    """Make the newest items look published during the last day."""
    for model, public in (
        (Challenge, Challenge.objects.published()),
        (Solution, Solution.objects.published()),
    ):
        ids = list(public.order_by("-pk").values_list("pk", flat=True)[:NEW_ITEMS])
        for pk in ids:
            model.objects.filter(pk=pk).update(
                published_at=now - timedelta(minutes=rng.randrange(10, 23 * 60))
            )


def _followers(number: int, before, rng: random.Random) -> tuple[list[User], int]:
    """The bench's followers, made once (a second run of the bench uses them again)."""
    existing = list(User.objects.filter(email__endswith="@bench.example.org").order_by("pk"))
    if len(existing) >= number:
        return existing[:number], 0
    users = User.objects.bulk_create(
        User(
            email=f"follower{n}@bench.example.org",
            password="!",  # noqa: S106  (no usable password)
            language="en" if n % 5 == 0 else "da",
        )
        for n in range(number)
    )
    Follower.objects.bulk_create(
        Follower(user=user, frequency=Frequency.DAILY, digest_until=before) for user in users
    )
    queries = _queries(rng)
    subscriptions = [
        Subscription(user=user, kind=kind, query=query, created_at=before)
        for user in users
        for kind, query in rng.sample(queries, 2)
    ]
    Subscription.objects.bulk_create(subscriptions, ignore_conflicts=True)
    solutions = list(
        Solution.objects.published().order_by("-pk").values_list("pk", flat=True)[:500]
    )
    interested = users[: number // 5]
    Subscription.objects.bulk_create(
        Subscription(
            user=user, kind=Kind.AREA_SOLUTIONS, delivery=Delivery.DIGEST, created_at=before
        )
        for user in interested
    )
    Notice.objects.bulk_create(
        Notice(user=user, kind=Kind.AREA_SOLUTIONS, solution_id=rng.choice(solutions))
        for user in interested
        if solutions
    )
    return users, len(users) * 2 + len(subscriptions) + len(interested) * 2


def populate(count: int) -> int:
    rng = random.Random(11)  # noqa: S311  (test data, not secrets)
    now = timezone.now()
    before = now - timedelta(days=1)
    number = min(count, FOLLOWERS)
    users, written = _followers(number, before, rng)
    _publish_recent(now, rng)
    started = time.perf_counter()
    with transaction.atomic():
        sent = services.digests_send(now=now)
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)  # measure again on the same data; keep the outbox empty
    print(
        f"following: digest task for {len(users):,} followers: {elapsed:.1f} s"
        f" ({sent:,} digests, {elapsed / max(len(users), 1) * 1000:.1f} ms per follower)"
    )
    return written


def pages() -> list[tuple[str, str]]:
    """The following page needs a logged-in user; `make bench` measures public pages."""
    return []
