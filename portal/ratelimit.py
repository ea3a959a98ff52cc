"""Fixed-window rate limits, for forms that send e-mail or do expensive work.

Limits live in settings.PORTAL_RATE_LIMITS as action → (count, seconds). Each attempt is
counted by one statement in PostgreSQL (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`
on `portal_ratelimitcounter`), which is atomic: 30 parallel requests against a limit of
10 give exactly 10 that pass. The key holds the window's number, so a new window starts
at 1; ended windows are deleted by `portal.tasks.prune_rate_limits`. allauth's own limits
cover login, sign-up and password reset (ACCOUNT_RATE_LIMITS).
"""

import hashlib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from portal.models import RateLimitCounter

_UPSERT = f"""
INSERT INTO {RateLimitCounter._meta.db_table} AS counter (key, count, expires_at)
VALUES (%s, 1, %s)
ON CONFLICT (key) DO UPDATE SET count = counter.count + 1
RETURNING counter.count
"""  # noqa: S608  (the table name is ours; the values are parameters)


def count_attempt(action: str, key: str, period: int) -> int:
    """Count one attempt of `action` by `key` in the current window; the count so far."""
    digest, expires_at = _window_key(action, key, period)
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [digest, expires_at])
        return cursor.fetchone()[0]


def _window_key(action: str, key: str, period: int) -> tuple[str, datetime]:
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{action}|{key}|{period}|{window}".encode()).hexdigest()
    return digest, datetime.fromtimestamp((window + 1) * period, tz=UTC)


def exceeded(action: str, key: str) -> bool:
    """True when `key` has already used up `action`'s limit in this window (counts nothing)."""
    limit, period = settings.PORTAL_RATE_LIMITS[action]
    digest, _ = _window_key(action, key, period)
    return RateLimitCounter.objects.filter(key=digest, count__gte=limit).exists()


def allow(action: str, *keys: str) -> bool:
    """Count one attempt for each key; False when any key is over its limit."""
    limit, period = settings.PORTAL_RATE_LIMITS[action]
    counts = [count_attempt(action, key, period) for key in keys]
    return all(count <= limit for count in counts)


def prune_expired() -> int:
    deleted, _ = RateLimitCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
