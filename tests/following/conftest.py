"""Fixtures for following: people who follow, items published at chosen moments, and
runs of the digest task at chosen moments."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from challenges.models import Challenge
from following import services
from following.models import Follower, Kind
from portal.models import LocalCommitteeArea
from tests.factories import ChallengeFactory

# A Tuesday at ten in the morning (local time), for runs of the digest task.
START = timezone.make_aware(timezone.datetime(2026, 12, 8, 10, 0))


def at(hours: float):
    return START + timedelta(hours=hours)


def published_at(item, when):
    """Say when an item was published (the services stamp the real time)."""
    type(item).objects.filter(pk=item.pk).update(published_at=when)
    item.refresh_from_db()
    return item


def challenge_in(area_slug: str, when, **fields) -> Challenge:
    challenge = ChallengeFactory(
        districts=list(LocalCommitteeArea.objects.filter(slug=area_slug)), **fields
    )
    return published_at(challenge, when)


def follow(user, query: str, kind=Kind.CHALLENGE_SEARCH, *, since=None):
    subscription = services.search_follow(actor=user, kind=kind, params=QueryDict(query))
    if since is not None:
        type(subscription).objects.filter(pk=subscription.pk).update(created_at=since)
        Follower.objects.filter(user=user).update(digest_until=since)
        subscription.refresh_from_db()
    return subscription


def run_digests(when) -> int:
    return services.digests_send(now=when)


@pytest.fixture
def norrebro_follower(entrepreneur):
    """Anna follows the challenges in Nørrebro, since two days before the first run."""
    follow(entrepreneur, "district=noerrebro", since=at(-48))
    return entrepreneur
